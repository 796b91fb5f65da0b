import { useState } from 'react';
import { Alert, Button, Card, FileButton, Group, List, NumberInput, Select, Stack, Switch, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSignedIn, can } from '../../../app/session';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import { useFramework, useImportCase, useImportMoodle, useSettings, useUpdateItem, useUpdateSettings } from '../api/framework';
import { tr, type Competence } from '../api/types';
import { Indicators, itemText } from '../components/Indicators';
import { ScrollTable } from '../../../shared/ui/ScrollTable';

/** The framework: levels 0–6, areas and competences, CASE and Moodle export, CASE import and the privacy setting. */
export function FrameworkPage() {
  const { t, i18n } = useTranslation();
  const me = useSignedIn();
  const fw = useFramework();
  const settings = useSettings();
  const update = useUpdateSettings();
  const imp = useImportCase();
  const moodle = useImportMoodle();
  const manage = can(me, 'competence:frameworkManage');
  const [editing, setEditing] = useState<string | null>(null);
  const lang = i18n.language;
  return (
    <>
      <PageHeader title={t('competence.framework.title')} description={t('competence.framework.lead')} />
      <QueryState query={fw}>
        {(f) => (
          <Stack gap="lg">
            <Card>
              <Stack gap="xs">
                <Title order={2} fz="lg">
                  {tr(f.title, lang)} (v{f.version})
                </Title>
                <Text size="sm">{tr(f.description, lang)}</Text>
                {f.citation ? (
                  // the source the framework cites, under its own (English) title
                  <Text component="cite" size="xs" c="dimmed" display="block" fs="normal">
                    {f.citation}
                  </Text>
                ) : null}
                <Group>
                  <Button component="a" href={`/api/v1/competence/frameworks/${f.id}/case`} variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
                    {t('competence.framework.exportCase')}
                  </Button>
                  <Button component="a" href={`/api/v1/competence/frameworks/${f.id}/moodle`} variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
                    {t('competence.framework.exportMoodle')}
                  </Button>
                  {manage ? (
                    <FileButton accept="application/json,.json" onChange={(file) => void file?.text().then((text) => imp.mutate(text))}>
                      {(props) => (
                        <Button {...props} leftSection={<IconUpload size={16} aria-hidden />} loading={imp.isPending}>
                          {t('competence.framework.importCase')}
                        </Button>
                      )}
                    </FileButton>
                  ) : null}
                  {manage ? (
                    <FileButton accept="text/csv,.csv" onChange={(file) => void file?.text().then((text) => moodle.mutate(text))}>
                      {(props) => (
                        <Button {...props} variant="light" leftSection={<IconUpload size={16} aria-hidden />} loading={moodle.isPending} data-testid="import-moodle">
                          {t('competence.framework.importMoodle')}
                        </Button>
                      )}
                    </FileButton>
                  ) : null}
                </Group>
                {manage ? (
                  <Text size="xs" c="dimmed">
                    {t('competence.framework.importHint')}
                  </Text>
                ) : null}
                {imp.error ? <ProblemAlert error={imp.error} /> : null}
                {imp.isSuccess ? (
                  <Alert color="green" title={t('competence.framework.imported')} data-testid="import-summary">
                    {imp.data.importNotes.length ? (
                      <Stack gap={4}>
                        <Text size="sm">{t('competence.framework.importNotesTitle')}</Text>
                        <List size="sm">
                          {imp.data.importNotes.map((n) => (
                            <List.Item key={n.code}>{t(`competence.framework.importNotes.${n.code}`, { count: n.count, values: n.values.join(', ') })}</List.Item>
                          ))}
                        </List>
                      </Stack>
                    ) : null}
                  </Alert>
                ) : null}
                {moodle.error ? <ProblemAlert error={moodle.error} /> : null}
                {moodle.isSuccess ? <Alert color="green">{t('competence.framework.importedMoodle')}</Alert> : null}
              </Stack>
            </Card>
            {can(me, 'competence:settings') && settings.data ? (
              <Card>
                <Stack gap="xs">
                  <Title order={2} fz="lg">
                    {t('competence.framework.settingsTitle')}
                  </Title>
                  <Switch label={t('competence.framework.leaderSees')} description={t('competence.framework.leaderSeesHint')} checked={settings.data.leaderSeesIndividuals} onChange={(e) => update.mutate({ leaderSeesIndividuals: e.currentTarget.checked })} />
                  <NumberInput label={t('competence.framework.window')} min={0} max={365} value={settings.data.onboardingWindowDays} onChange={(v) => typeof v === 'number' && update.mutate({ onboardingWindowDays: v })} w={260} />
                  <Select
                    label={t('competence.framework.openResults')}
                    description={t('competence.framework.openResultsHint')}
                    data={[
                      { value: 'steps', label: t('competence.framework.openResultsSteps') },
                      { value: 'after_close', label: t('competence.framework.openResultsAfterClose') },
                    ]}
                    value={settings.data.openRoundResults}
                    onChange={(v) => (v === 'steps' || v === 'after_close') && update.mutate({ openRoundResults: v })}
                    allowDeselect={false}
                    maw={420}
                  />
                  {update.error ? <ProblemAlert error={update.error} /> : null}
                </Stack>
              </Card>
            ) : null}
            <Card>
              <Title order={2} fz="lg" mb="xs">
                {t('competence.framework.levelsTitle')}
              </Title>
              <ScrollTable minWidth={420} label={t('competence.framework.levelsTitle')}>
                <Table>
                  <Table.Tbody>
                    {f.levels.map((l) => (
                      <Table.Tr key={l.level}>
                        <Table.Th scope="row" w={160}>
                          {l.level} · {tr(l.title, lang)}
                        </Table.Th>
                        <Table.Td>{tr(l.description, lang)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            </Card>
            {f.areas.map((a) => (
              <Card key={a.id}>
                <Group justify="space-between" align="flex-start">
                  <Title order={2} fz="lg">
                    {a.code}. {tr(a.title, lang)}
                  </Title>
                  {manage ? <EditButton item={a} editing={editing} setEditing={setEditing} /> : null}
                </Group>
                <Text size="sm" c="dimmed" mb="xs">
                  {tr(a.description, lang)}
                </Text>
                {editing === a.id ? <ItemEditor item={a} onDone={() => setEditing(null)} /> : null}
                <Stack gap={4}>
                  {a.competences.map((c) => {
                    const { heading, description } = itemText(c, lang);
                    return (
                      <Stack key={c.id} gap={2}>
                        <Group justify="space-between" wrap="nowrap" align="flex-start">
                          <Text size="sm">
                            <strong>{heading}</strong>
                            {description ? `: ${description}` : null}
                          </Text>
                          {manage ? <EditButton item={c} editing={editing} setEditing={setEditing} /> : null}
                        </Group>
                        {editing === c.id ? <ItemEditor item={c} onDone={() => setEditing(null)} /> : null}
                        <Indicators items={c.items} />
                      </Stack>
                    );
                  })}
                </Stack>
              </Card>
            ))}
          </Stack>
        )}
      </QueryState>
    </>
  );
}

function EditButton({ item, editing, setEditing }: { item: Competence; editing: string | null; setEditing: (id: string | null) => void }) {
  const { t, i18n } = useTranslation();
  if (editing === item.id) return null;
  return (
    <Button size="compact-xs" variant="subtle" style={{ flexShrink: 0 }} onClick={() => setEditing(item.id)} aria-label={t('competence.framework.editFor', { title: `${item.code} ${tr(item.title, i18n.language)}` })}>
      {t('competence.framework.edit')}
    </Button>
  );
}

/** Edit an area's or competence's Danish and English texts; saving bumps the framework version. */
function ItemEditor({ item, onDone }: { item: Competence; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateItem();
  const [title, setTitle] = useState(item.title);
  const [description, setDescription] = useState(item.description);
  return (
    <Card withBorder my="xs" data-testid="item-editor">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate({ id: item.id, title, description }, { onSuccess: onDone });
        }}
      >
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('competence.framework.editHint')}
          </Text>
          <Group grow align="flex-start">
            <TextInput label={t('competence.framework.titleDa')} value={title.da} onChange={(e) => setTitle({ ...title, da: e.currentTarget.value })} required />
            <TextInput label={t('competence.framework.titleEn')} value={title.en} onChange={(e) => setTitle({ ...title, en: e.currentTarget.value })} required />
          </Group>
          <Group grow align="flex-start">
            <Textarea label={t('competence.framework.descriptionDa')} value={description.da} onChange={(e) => setDescription({ ...description, da: e.currentTarget.value })} autosize minRows={2} required />
            <Textarea label={t('competence.framework.descriptionEn')} value={description.en} onChange={(e) => setDescription({ ...description, en: e.currentTarget.value })} autosize minRows={2} required />
          </Group>
          {update.error ? <ProblemAlert error={update.error} /> : null}
          <Group>
            <Button type="submit" loading={update.isPending}>
              {t('competence.framework.save')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('competence.framework.cancelEdit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
