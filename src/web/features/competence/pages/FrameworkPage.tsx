import { Alert, Button, Card, FileButton, Group, NumberInput, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSignedIn, can } from '../../../app/session';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import { useFramework, useImportCase, useSettings, useUpdateSettings } from '../api/framework';
import { tr } from '../api/types';

/** The framework: levels 0–6, areas and competences, CASE and Moodle export, CASE import and the privacy setting. */
export function FrameworkPage() {
  const { t, i18n } = useTranslation();
  const me = useSignedIn();
  const fw = useFramework();
  const settings = useSettings();
  const update = useUpdateSettings();
  const imp = useImportCase();
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
                  <Text size="xs" c="dimmed">
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
                  {can(me, 'competence:frameworkManage') ? (
                    <FileButton accept="application/json,.json" onChange={(file) => void file?.text().then((text) => imp.mutate(text))}>
                      {(props) => (
                        <Button {...props} leftSection={<IconUpload size={16} aria-hidden />} loading={imp.isPending}>
                          {t('competence.framework.importCase')}
                        </Button>
                      )}
                    </FileButton>
                  ) : null}
                </Group>
                {imp.error ? <ProblemAlert error={imp.error} /> : null}
                {imp.isSuccess ? <Alert color="green">{t('competence.framework.imported')}</Alert> : null}
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
                  {update.error ? <ProblemAlert error={update.error} /> : null}
                </Stack>
              </Card>
            ) : null}
            <Card>
              <Title order={2} fz="lg" mb="xs">
                {t('competence.framework.levelsTitle')}
              </Title>
              <Table.ScrollContainer minWidth={420}>
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
              </Table.ScrollContainer>
            </Card>
            {f.areas.map((a) => (
              <Card key={a.id}>
                <Title order={2} fz="lg">
                  {a.code}. {tr(a.title, lang)}
                </Title>
                <Text size="sm" c="dimmed" mb="xs">
                  {tr(a.description, lang)}
                </Text>
                <Stack gap={4}>
                  {a.competences.map((c) => (
                    <Text key={c.id} size="sm">
                      <strong>
                        {c.code} {tr(c.title, lang)}
                      </strong>
                      : {tr(c.description, lang)}
                    </Text>
                  ))}
                </Stack>
              </Card>
            ))}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
