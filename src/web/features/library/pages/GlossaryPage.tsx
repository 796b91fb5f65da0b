import { ActionIcon, Button, Card, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
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
                    <div key={g.id} id={`term-${g.id}`} style={{ padding: '8px 0' }}>
                      <dt style={{ fontWeight: 700 }}>{g.term}</dt>
                      <dd style={{ marginLeft: 0 }}>
                        <Group justify="space-between" wrap="nowrap" align="flex-start">
                          <Text size="sm">{g.definition}</Text>
                          {canManage ? (
                            <ActionIcon variant="subtle" color="red.9" aria-label={t('library.glossary.delete', { term: g.term })} onClick={() => mutate.mutate({ id: g.id, method: 'DELETE' })}>
                              <IconTrash size={16} aria-hidden />
                            </ActionIcon>
                          ) : null}
                        </Group>
                      </dd>
                    </div>
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
