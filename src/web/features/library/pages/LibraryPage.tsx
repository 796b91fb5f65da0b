import { Anchor, Badge, Button, Card, Checkbox, Chip, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { type SearchParams, useReviewSummary, useSearch } from '../api/library';
import { StatusBadge } from '../components/StatusBadge';

const FILTERS = ['kind', 'status', 'type', 'programmeId', 'tag', 'mine'] as const;

/** /videndeling (and /videndeling/review): search with facets; only what the reader may see. */
export function LibraryPage({ queue = false }: { queue?: boolean }) {
  const { t } = useTranslation();
  const canCreate = useCan('library:create');
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(text, 250);
  const query: SearchParams = { q: q || undefined };
  for (const f of FILTERS) query[f] = params.get(f) ?? undefined;
  if (queue) query.status = params.get('status') ?? 'submitted';
  const result = useSearch(query);
  const summary = useReviewSummary(queue);
  const toggle = (key: (typeof FILTERS)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (next.get(key) === value) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };
  const filtered = Boolean(q || FILTERS.some((f) => params.get(f)));
  return (
    <>
      <PageHeader
        eyebrow={t('library.eyebrow')}
        title={queue ? t('library.review.queue') : t('library.title')}
        description={queue ? t('library.review.queueLead') : t('library.lead')}
        actions={
          queue ? (
            <Button component={Link} to="/videndeling/indstillinger" variant="default">
              {t('library.settingsPage.open')}
            </Button>
          ) : canCreate ? (
            <>
              <Button component={Link} to="/videndeling/ny?type=material" variant="default">
                {t('library.newMaterial')}
              </Button>
              <Button component={Link} to="/videndeling/ny">
                {t('library.newForlob')}
              </Button>
            </>
          ) : null
        }
      />
      <Stack gap="md">
        {queue && summary.data ? (
          <Text role="status" data-testid="review-summary">
            {t('library.queueWaiting', { count: summary.data.waiting })} {summary.data.mine > 0 ? t('library.queueMine', { count: summary.data.mine }) : ''}
          </Text>
        ) : null}
        <Card>
          <Stack gap="sm">
            <TextInput label={t('library.search')} placeholder={t('library.searchPlaceholder')} value={text} onChange={(e) => setText(e.currentTarget.value)} type="search" />
            {!queue ? <Checkbox label={t('library.mine')} checked={params.get('mine') === 'true'} onChange={() => toggle('mine', 'true')} /> : null}
          </Stack>
        </Card>
        <QueryState query={result}>
          {(data) => (
            <Group align="flex-start" gap="lg" wrap="wrap">
              <Stack gap="sm" style={{ flex: '0 0 240px' }} component="aside" aria-label={t('library.facets.tags')}>
                {(
                  [
                    ['kind', data.facets.kind.map((f) => ({ ...f, label: t(`library.kind.${f.value}`) }))],
                    ['status', data.facets.status.map((f) => ({ ...f, label: t(`library.status.${f.value}`) }))],
                    ['type', data.facets.type.map((f) => ({ ...f, label: t(`library.materialType.${f.value}`) }))],
                    ['programmeId', data.facets.programme.map((f) => ({ ...f, label: f.name }))],
                    ['tag', data.facets.tags.map((f) => ({ value: `${f.group}:${f.value}`, count: f.count, label: `${t(`library.tagGroup.${f.group}`)}: ${f.value}` }))],
                  ] as const
                ).map(([key, facets]) =>
                  facets.length ? (
                    <div key={key}>
                      <Title order={2} size="sm" mb={4}>
                        {t(`library.facets.${key === 'programmeId' ? 'programme' : key === 'tag' ? 'tags' : key}`)}
                      </Title>
                      <Group gap={6}>
                        {facets.map((f) => (
                          <Chip key={f.value} size="xs" checked={params.get(key) === f.value} onChange={() => toggle(key, f.value)}>
                            {f.label} ({f.count})
                          </Chip>
                        ))}
                      </Group>
                    </div>
                  ) : null,
                )}
              </Stack>
              <Stack gap="sm" style={{ flex: '1 1 420px', minWidth: 0 }}>
                <Text size="sm" c="dimmed" role="status" data-testid="library-total">
                  {t('library.total', { count: data.total })}
                  {data.fuzzy ? ` · ${t('library.fuzzy')}` : ''}
                </Text>
                {data.items.length === 0 ? (
                  <EmptyState
                    title={queue ? t('library.review.queueEmpty') : filtered ? t('library.emptyFiltered') : t('library.empty')}
                    hint={queue ? t('library.review.queueEmptyHint') : filtered ? t('library.emptyFilteredHint') : t('library.emptyHint')}
                    action={
                      filtered && !queue ? (
                        <Button variant="light" onClick={() => { setText(''); setParams(new URLSearchParams(), { replace: true }); }}>
                          {t('library.clearFilters')}
                        </Button>
                      ) : canCreate && !queue ? (
                        <Button component={Link} to="/videndeling/ny">{t('library.newForlob')}</Button>
                      ) : null
                    }
                  />
                ) : (
                  <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="library-results">
                    {data.items.map((r) => (
                      <Card component="li" key={r.id} withBorder>
                        <Group justify="space-between" gap="xs" wrap="nowrap">
                          <Anchor component={Link} to={`/videndeling/${r.id}`} fw={600}>
                            {r.title}
                          </Anchor>
                          <Group gap={4}>
                            <Badge variant="outline" color="gray.8">{t(`library.kind.${r.kind}`)}</Badge>
                            <StatusBadge status={r.status} />
                          </Group>
                        </Group>
                        {r.summary ? <Text size="sm" lineClamp={2}>{r.summary}</Text> : null}
                        <Text size="xs" c="dimmed">
                          {t('library.item.by', { name: r.authorName })}
                          {r.programmeName ? ` · ${r.programmeName}` : ''}
                          {r.adapted ? ` · ${t('library.item.adaptedFrom')} …` : ''}
                        </Text>
                      </Card>
                    ))}
                  </Stack>
                )}
              </Stack>
            </Group>
          )}
        </QueryState>
      </Stack>
    </>
  );
}
