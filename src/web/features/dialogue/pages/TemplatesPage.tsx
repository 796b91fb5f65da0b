import { useState } from 'react';
import { Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TDialogueBoundary, TDialoguePair, TDialogueText } from '../../../../shared/api/dialogue';
import { fieldErrors } from '../../../app/api';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import { ScrollTable } from '../../../shared/ui/ScrollTable';
import { inLang, useAddPair, useDialogueTemplates, usePatchPair, usePutBoundary } from '../api/templates';

/** /dialog/spaendingsfelter: the school's pairs (the nineteen in its own wording, its own pairs, archived ones) and the boundary types' texts. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const templates = useDialogueTemplates();
  const [editing, setEditing] = useState<TDialoguePair | 'new' | null>(null);
  const [boundary, setBoundary] = useState<TDialogueBoundary | null>(null);
  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow={
          <Link to="/dialog" style={{ color: 'inherit' }}>
            {t('dialogue.list.title')}
          </Link>
        }
        title={t('dialogue.templates.title')}
        description={t('dialogue.templates.lead')}
        actions={<Button onClick={() => setEditing('new')}>{t('dialogue.templates.add')}</Button>}
      />
      <QueryState query={templates}>
        {(tpl) => (
          <>
            <PairsTable pairs={tpl.pairs} edit={setEditing} />
            <Title order={2} fz={20}>
              {t('dialogue.templates.boundaries')}
            </Title>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {tpl.boundaries.map((b) => (
                <BoundaryCard key={b.key} b={b} edit={() => setBoundary(b)} />
              ))}
            </SimpleGrid>
          </>
        )}
      </QueryState>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('dialogue.templates.add') : t('dialogue.templates.edit')} size="lg">
        {editing !== null ? <PairForm pair={editing === 'new' ? null : editing} done={() => setEditing(null)} /> : null}
      </Modal>
      <Modal opened={boundary !== null} onClose={() => setBoundary(null)} title={t('dialogue.templates.editBoundary')} size="lg">
        {boundary ? <BoundaryForm b={boundary} done={() => setBoundary(null)} /> : null}
      </Modal>
    </Stack>
  );
}

function PairsTable({ pairs, edit }: { pairs: TDialoguePair[]; edit: (p: TDialoguePair) => void }) {
  const { t, i18n } = useTranslation();
  const patch = usePatchPair();
  return (
    <Stack gap="xs">
      <Title order={2} fz={20}>
        {t('dialogue.templates.pairs', { count: pairs.filter((p) => !p.archived).length })}
      </Title>
      <ProblemAlert error={patch.error} />
      <ScrollTable label={t('dialogue.templates.pairsLabel')} minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dialogue.templates.left')}</Table.Th>
              <Table.Th>{t('dialogue.templates.right')}</Table.Th>
              <Table.Th>{t('dialogue.templates.kind')}</Table.Th>
              {/* positioned, so that the hidden heading stays inside the scroll region instead of widening the page */}
              <Table.Th pos="relative">
                <span className="visually-hidden">{t('dialogue.templates.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pairs.map((p) => {
              const name = t('dialogue.pairName', { left: inLang(p.left, i18n.language), right: inLang(p.right, i18n.language) });
              return (
                <Table.Tr key={p.key} c={p.archived ? 'dimmed' : undefined}>
                  <Table.Td>{inLang(p.left, i18n.language)}</Table.Td>
                  <Table.Td>{inLang(p.right, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge variant="light" color={p.builtin ? 'blue.9' : 'grape.9'} size="sm">
                        {p.builtin ? t('dialogue.templates.builtin') : t('dialogue.templates.own')}
                      </Badge>
                      {p.edited ? (
                        <Badge variant="outline" color="gray.7" size="sm">
                          {t('dialogue.templates.edited')}
                        </Badge>
                      ) : null}
                      {p.archived ? (
                        <Badge variant="filled" color="gray.7" size="sm">
                          {t('dialogue.templates.archived')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button size="xs" variant="subtle" onClick={() => edit(p)} aria-label={t('dialogue.templates.editOne', { pair: name })}>
                        {t('dialogue.templates.editShort')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color={p.archived ? 'blue.9' : 'red.9'}
                        onClick={() => patch.mutate({ key: p.key, archived: !p.archived })}
                        aria-label={t(p.archived ? 'dialogue.templates.restoreOne' : 'dialogue.templates.archiveOne', { pair: name })}
                      >
                        {p.archived ? t('dialogue.templates.restore') : t('dialogue.templates.archive')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}

const empty: TDialogueText = { da: '', en: '' };

function PairForm({ pair, done }: { pair: TDialoguePair | null; done: () => void }) {
  const { t } = useTranslation();
  const [left, setLeft] = useState<TDialogueText>(pair?.left ?? empty);
  const [right, setRight] = useState<TDialogueText>(pair?.right ?? empty);
  const add = useAddPair();
  const patch = usePatchPair();
  const error = add.error ?? patch.error;
  const errors = fieldErrors(error);
  const submit = () => (pair ? patch.mutate({ key: pair.key, left, right }, { onSuccess: done }) : add.mutate({ left, right }, { onSuccess: done }));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        {pair?.builtin ? <Text size="sm">{t('dialogue.templates.builtinHint')}</Text> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('dialogue.templates.leftDa')} value={left.da} onChange={(e) => setLeft({ ...left, da: e.currentTarget.value })} required maxLength={120} error={errors['left.da']} />
          <TextInput label={t('dialogue.templates.rightDa')} value={right.da} onChange={(e) => setRight({ ...right, da: e.currentTarget.value })} required maxLength={120} error={errors['right.da']} />
          <TextInput label={t('dialogue.templates.leftEn')} value={left.en} onChange={(e) => setLeft({ ...left, en: e.currentTarget.value })} maxLength={120} error={errors['left.en']} />
          <TextInput label={t('dialogue.templates.rightEn')} value={right.en} onChange={(e) => setRight({ ...right, en: e.currentTarget.value })} maxLength={120} error={errors['right.en']} />
        </SimpleGrid>
        <ProblemAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={done}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending || patch.isPending}>
            {t('dialogue.templates.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function BoundaryCard({ b, edit }: { b: TDialogueBoundary; edit: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" gap="xs" mb={4}>
        <Text fw={700}>{inLang(b.name, i18n.language)}</Text>
        <Button size="xs" variant="subtle" onClick={edit} aria-label={t('dialogue.templates.editOne', { pair: inLang(b.name, i18n.language) })}>
          {t('dialogue.templates.editShort')}
        </Button>
      </Group>
      <Text size="sm">{inLang(b.description, i18n.language)}</Text>
    </Card>
  );
}

function BoundaryForm({ b, done }: { b: TDialogueBoundary; done: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState<TDialogueText>(b.name);
  const [description, setDescription] = useState<TDialogueText>(b.description);
  const put = usePutBoundary();
  const errors = fieldErrors(put.error);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        put.mutate({ key: b.key, name, description }, { onSuccess: done });
      }}
    >
      <Stack gap="md">
        <TextInput label={t('dialogue.templates.nameDa')} value={name.da} onChange={(e) => setName({ ...name, da: e.currentTarget.value })} required maxLength={80} error={errors['name.da']} />
        <Textarea label={t('dialogue.templates.descriptionDa')} value={description.da} onChange={(e) => setDescription({ ...description, da: e.currentTarget.value })} required maxLength={400} autosize minRows={2} error={errors['description.da']} />
        <TextInput label={t('dialogue.templates.nameEn')} value={name.en} onChange={(e) => setName({ ...name, en: e.currentTarget.value })} maxLength={80} />
        <Textarea label={t('dialogue.templates.descriptionEn')} value={description.en} onChange={(e) => setDescription({ ...description, en: e.currentTarget.value })} maxLength={400} autosize minRows={2} />
        <ProblemAlert error={put.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={done}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={put.isPending}>
            {t('dialogue.templates.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
