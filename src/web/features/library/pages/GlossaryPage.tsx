import { ActionIcon, Button, Card, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import type { TGlossaryTerm } from '../../../../shared/api/library';
import { useGlossary, useGlossaryMutation } from '../api/library';

/** /videndeling/ordliste: fælles sprog, maintained by the editorial group. */
export function GlossaryPage() {
  const { t } = useTranslation();
  const canManage = useCan('glossary:manage');
  const terms = useGlossary();
  const mutate = useGlossaryMutation();
  const [term, setTerm] = useState('');
  const [definition, setDefinition] = useState('');
  return (
    <>
      <PageHeader eyebrow={t('library.eyebrow')} title={t('library.glossary.title')} description={t('library.glossary.lead')} />
      <Stack gap="md" maw={860}>
        {canManage ? (
          <Card>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                mutate.mutate({ method: 'POST', json: { term, definition } }, { onSuccess: () => { setTerm(''); setDefinition(''); } });
              }}
            >
              <Stack gap="sm">
                <ProblemAlert error={mutate.error} />
                <TextInput label={t('library.glossary.term')} required value={term} onChange={(e) => setTerm(e.currentTarget.value)} />
                <Textarea label={t('library.glossary.definition')} required value={definition} onChange={(e) => setDefinition(e.currentTarget.value)} autosize minRows={2} />
                <Button type="submit" w="fit-content" loading={mutate.isPending}>{t('library.glossary.add')}</Button>
              </Stack>
            </form>
          </Card>
        ) : null}
        <QueryState query={terms}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState title={t('library.glossary.empty')} hint={canManage ? t('library.glossary.emptyHint') : t('library.glossary.emptyHintReader')} />
            ) : (
              <Card>
                <dl style={{ margin: 0 }}>
                  {list.map((g) => (
                    <TermRow key={g.id} term={g} canManage={canManage} onDelete={() => mutate.mutate({ id: g.id, method: 'DELETE' })} />
                  ))}
                </dl>
              </Card>
            )
          }
        </QueryState>
      </Stack>
    </>
  );
}

/** One term; the editorial group edits it in place (Escape or "Annuller" leaves the form). */
function TermRow({ term, canManage, onDelete }: { term: TGlossaryTerm; canManage: boolean; onDelete: () => void }) {
  const { t } = useTranslation();
  const edit = useGlossaryMutation();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(term.term);
  const [definition, setDefinition] = useState(term.definition);
  const cancel = () => {
    setEditing(false);
    setValue(term.term);
    setDefinition(term.definition);
    edit.reset();
  };
  if (editing) {
    return (
      <div id={`term-${term.id}`} style={{ padding: '8px 0' }}>
        <dt style={{ fontWeight: 700 }}>{term.term}</dt>
        <dd style={{ marginLeft: 0 }}>
          <form
            aria-label={t('library.glossary.edit', { term: term.term })}
            onKeyDown={(e) => {
              if (e.key === 'Escape') cancel();
            }}
            onSubmit={(e) => {
              e.preventDefault();
              edit.mutate(
                { id: term.id, method: 'PATCH', json: { term: value, definition } },
                {
                  onSuccess: () => {
                    setEditing(false);
                    notifications.show({ message: t('library.glossaryEdit.saved'), color: 'teal' });
                  },
                },
              );
            }}
          >
            <Stack gap="sm">
              <ProblemAlert error={edit.error} />
              <TextInput label={t('library.glossary.term')} required value={value} onChange={(e) => setValue(e.currentTarget.value)} data-autofocus autoFocus />
              <Textarea label={t('library.glossary.definition')} required value={definition} onChange={(e) => setDefinition(e.currentTarget.value)} autosize minRows={2} />
              <Group gap="xs">
                <Button type="submit" size="xs" loading={edit.isPending}>
                  {t('library.glossary.save')}
                </Button>
                <Button size="xs" variant="default" onClick={cancel}>
                  {t('library.glossaryEdit.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        </dd>
      </div>
    );
  }
  return (
    <div id={`term-${term.id}`} style={{ padding: '8px 0' }}>
      <dt style={{ fontWeight: 700 }}>{term.term}</dt>
      <dd style={{ marginLeft: 0 }}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm">{term.definition}</Text>
          {canManage ? (
            <Group gap={4} wrap="nowrap">
              <ActionIcon variant="subtle" color="gray.8" aria-label={t('library.glossary.edit', { term: term.term })} onClick={() => setEditing(true)}>
                <IconPencil size={16} aria-hidden />
              </ActionIcon>
              <ActionIcon variant="subtle" color="red.9" aria-label={t('library.glossary.delete', { term: term.term })} onClick={onDelete}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ) : null}
        </Group>
      </dd>
    </div>
  );
}
