import { Alert, Anchor, Badge, Button, Card, Checkbox, Divider, Group, List, MultiSelect, Select, Stack, Table, Text, Textarea, Title, TypographyStylesProvider } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { QueryState } from '../../../shared/QueryState';
import type { TAction } from '../../../../shared/api/actions';
import type { TItem, TSpellIssue } from '../../../../shared/api/library';
import { RELATION_FIELDS, useComments, useCompare, useDeleteItem, useItem, useItemAction, usePostComment, useSpellcheck, useVersions } from '../api/library';
import { StatusBadge } from '../components/StatusBadge';
import { fieldLabel } from '../field-labels';
import { formatDateTime } from '../../../shared/dates';
import { ScrollTable } from '../../../shared/ui/ScrollTable';

/** /videndeling/:id: a material or forløb with its workflow actions, review, versions and discussion. */
export function ItemPage() {
  const { id = '' } = useParams();
  const item = useItem(id);
  return <QueryState query={item}>{(data) => <ItemView item={data} />}</QueryState>;
}

function ItemView({ item }: { item: TItem }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const action = useItemAction(item.id);
  const spell = useSpellcheck(item.id);
  const remove = useDeleteItem(item.id);
  const run = (path: string, message?: string, json?: unknown, method: 'POST' | 'PUT' = 'POST') =>
    action.mutate(
      { path, json, method },
      {
        onSuccess: (res) => {
          if (message) notifications.show({ message, color: 'teal' });
          if (res.id !== item.id) void navigate(`/videndeling/${res.id}/rediger`);
        },
      },
    );
  const can = (action: TAction) => item.abilities.includes(action);
  return (
    <>
      <PageHeader
        eyebrow={`${t(`library.kind.${item.kind}`)} · ${t('library.item.version', { version: item.version })}`}
        title={item.title}
        description={item.summary || undefined}
        actions={<StatusBadge status={item.status} />}
      />
      <Stack gap="md">
        <ProblemAlert error={action.error ?? remove.error} />
        <Group gap="sm" wrap="wrap">
          {can('libraryItem:update') ? (
            <Button component={Link} to={`/videndeling/${item.id}/rediger`} variant="default">
              {t('library.item.edit')}
            </Button>
          ) : null}
          {can('libraryItem:spellcheck') ? (
            <Button variant="default" onClick={() => spell.mutate()} loading={spell.isPending}>
              {t('library.item.spellcheck')}
            </Button>
          ) : null}
          {can('libraryItem:share') ? <Button variant="light" onClick={() => run('/share', t('library.item.shared'))}>{t('library.item.share')}</Button> : null}
          {can('libraryItem:submit') ? <Button onClick={() => run('/submit', t('library.item.submitted'))}>{t('library.item.submit')}</Button> : null}
          {can('libraryItem:take') ? <Button onClick={() => run('/take')}>{t('library.item.take')}</Button> : null}
          {can('libraryItem:adapt') ? <Button variant="light" onClick={() => run('/adapt')}>{t('library.item.adapt')}</Button> : null}
          {can('libraryItem:network') && ['cc_by', 'cc_by_sa', 'cc_by_nc'].includes(item.licence) ? (
            <Button variant="default" onClick={() => run('/network', undefined, { shared: !item.network.shared }, 'PUT')}>
              {item.network.shared ? t('library.item.networkOff') : t('library.item.network')}
            </Button>
          ) : null}
          {can('libraryItem:delete') ? (
            <Button
              variant="subtle"
              color="red.9"
              loading={remove.isPending}
              onClick={() => {
                if (!window.confirm(t('library.item.deleteConfirm', { title: item.title }))) return;
                remove.mutate(undefined, {
                  onSuccess: () => {
                    notifications.show({ message: t('library.item.deleted'), color: 'teal' });
                    void navigate('/videndeling');
                  },
                });
              }}
            >
              {t('library.item.delete')}
            </Button>
          ) : null}
        </Group>
        {spell.data ? <SpellResult issues={spell.data.issues} onClose={() => spell.reset()} /> : null}

        <Card>
          <Stack gap={4}>
            <Text size="sm">{t('library.item.by', { name: item.author?.name ?? '' })}</Text>
            {item.coAuthors.length ? <Text size="sm">{t('library.item.coAuthors', { names: item.coAuthors.map((c) => c.name).join(', ') })}</Text> : null}
            {item.adaptedFrom ? (
              <Text size="sm" data-testid="adapted-from">
                {item.adaptedFrom.sameSchool ? (
                  <Anchor component={Link} to={`/videndeling/${item.adaptedFrom.id}`}>
                    {t('library.item.adaptedFromText', { title: item.adaptedFrom.title, author: item.adaptedFrom.authorName ?? '', school: item.adaptedFrom.schoolName })}
                  </Anchor>
                ) : (
                  t('library.item.adaptedFromText', { title: item.adaptedFrom.title, author: item.adaptedFrom.authorName ?? '', school: item.adaptedFrom.schoolName })
                )}
              </Text>
            ) : null}
            <Group gap={6}>
              {item.programmeName ? <Badge variant="outline" color="gray.8">{item.programmeName}</Badge> : null}
              {item.subject ? <Badge variant="outline" color="gray.8">{item.subject}</Badge> : null}
              {item.duration ? <Badge variant="outline" color="gray.8">{item.duration}</Badge> : null}
              <Badge variant="outline" color="gray.8">{t(`library.licence.${item.licence}`)}</Badge>
              {item.materialType ? <Badge variant="outline" color="gray.8">{t(`library.materialType.${item.materialType}`)}</Badge> : null}
              {Object.entries(item.tags).flatMap(([g, list]) => (list ?? []).map((v) => <Badge key={`${g}:${v}`} variant="light" color="blue.9">{`${t(`library.tagGroup.${g}`)}: ${v}`}</Badge>))}
            </Group>
            <Group gap="md">
              {item.lmsUrl ? <Anchor href={item.lmsUrl} target="_blank" rel="noopener noreferrer">{t('library.item.lms')}</Anchor> : null}
              {item.url ? <Anchor href={item.url} target="_blank" rel="noopener noreferrer">{t('library.item.link')}</Anchor> : null}
              {item.file ? <Anchor href={`/api/v1/library/items/${item.id}/file`}>{t('library.item.download', { name: item.file.name })}</Anchor> : null}
            </Group>
            {item.usage.adaptations ? (
              <Text size="sm" data-testid="usage">
                {t('library.item.usage', { count: item.usage.adaptations })} {t('library.item.usageSchools', { count: item.usage.schools })}
              </Text>
            ) : null}
          </Stack>
        </Card>

        {item.reviews.filter((r) => r.decision).slice(0, 1).map((r) => (
          <Alert key={r.id} color={r.decision === 'returned' ? 'orange.9' : 'teal.9'} title={`${t('library.item.reviewFeedback')} – ${t(`library.item.decision.${r.decision}`)}`} data-testid="review-feedback">
            <Stack gap={4}>
              <Text size="sm">{t('library.item.reviewBy', { name: r.reviewerName, version: r.version })}</Text>
              {r.feedback ? <Text size="sm">{r.feedback}</Text> : null}
              {Object.entries(r.fieldComments).map(([f, c]) => (
                <Text size="sm" key={f}>
                  <strong>{fieldLabel(t, f)}:</strong> {c}
                </Text>
              ))}
            </Stack>
          </Alert>
        ))}

        {can('libraryItem:review') ? <ReviewPanel item={item} /> : null}

        {item.kind === 'forlob' ? (
          <Card>
            <Stack gap="md">
              {RELATION_FIELDS.map((f) => (
                <section key={f} aria-labelledby={`h-${f}`}>
                  <Title order={2} size="h4" id={`h-${f}`}>
                    {t(`library.relation.${f}`)}
                  </Title>
                  {item.linkedFields[f] ? (
                    // sanitised on the server with an allow-list; glossary links added there
                    <TypographyStylesProvider data-testid={`field-${f}`}>
                      <div dangerouslySetInnerHTML={{ __html: item.linkedFields[f] ?? '' }} />
                    </TypographyStylesProvider>
                  ) : (
                    <Text c="dimmed" size="sm">{t('library.item.empty')}</Text>
                  )}
                </section>
              ))}
              <Divider />
              <Title order={2} size="h4">{t('library.item.materials')}</Title>
              {item.materials.length ? (
                <List>
                  {item.materials.map((m) => (
                    <List.Item key={m.id}>
                      <Anchor component={Link} to={`/videndeling/${m.id}`}>{m.title}</Anchor>
                    </List.Item>
                  ))}
                </List>
              ) : (
                <Text c="dimmed" size="sm">{t('library.item.noMaterials')}</Text>
              )}
            </Stack>
          </Card>
        ) : null}

        {item.glossary.length ? (
          <Card>
            <Title order={2} size="h4" mb="xs">{t('library.item.glossary')}</Title>
            <dl style={{ margin: 0 }}>
              {item.glossary.map((g) => (
                <div key={g.id}>
                  <dt style={{ fontWeight: 600 }}>{g.term}</dt>
                  <dd style={{ marginLeft: 16 }}>{g.definition}</dd>
                </div>
              ))}
            </dl>
          </Card>
        ) : null}

        {item.adaptations.length ? (
          <Card>
            <Title order={2} size="h4" mb="xs">{t('library.item.adaptations')}</Title>
            <List>
              {item.adaptations.map((ad, i) => (
                <List.Item key={ad.id ?? `${ad.schoolName}-${i}`}>
                  {ad.id ? <Anchor component={Link} to={`/videndeling/${ad.id}`}>{ad.title}</Anchor> : t('library.item.adaptationDraft', { school: ad.schoolName })}
                  {ad.authorName ? ` – ${ad.authorName}` : ''}
                </List.Item>
              ))}
            </List>
          </Card>
        ) : null}

        {can('libraryItem:lock') ? <LockPanel item={item} /> : null}
        <Versions id={item.id} />
        <Discussion id={item.id} canPost={can('libraryItem:comment')} />
      </Stack>
    </>
  );
}

function SpellResult({ issues, onClose }: { issues: TSpellIssue[]; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="blue.9" title={t('library.spell.title')} withCloseButton closeButtonLabel={t('library.spell.close')} onClose={onClose} data-testid="spell-result">
      <Text size="sm" mb="xs">{t('library.spell.private')}</Text>
      {issues.length === 0 ? (
        <Text size="sm">{t('library.spell.none')}</Text>
      ) : (
        <>
          <Text size="sm" fw={600}>{t('library.spell.found', { count: issues.length })}</Text>
          <List size="sm">
            {issues.map((i) => (
              <List.Item key={`${i.field}-${i.word}`}>
                <mark>{i.word}</mark> ({fieldLabel(t, i.field)}) – {i.suggestions.length ? t('library.spell.suggestions', { list: i.suggestions.join(', ') }) : t('library.spell.noSuggestions')}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}

function ReviewPanel({ item }: { item: TItem }) {
  const { t } = useTranslation();
  const open = item.reviews.find((r) => !r.decision);
  const [checklist, setChecklist] = useState<Record<string, boolean>>(open?.checklist ?? {});
  const [comments, setComments] = useState<Record<string, string>>(open?.fieldComments ?? {});
  const [feedback, setFeedback] = useState('');
  const [toNetwork, setToNetwork] = useState(false);
  const action = useItemAction(item.id);
  const fields = item.kind === 'forlob' ? [...RELATION_FIELDS, 'general'] : ['general'];
  const navigate = useNavigate();
  // a returned item is the author's draft again: the reviewer goes back to the queue
  const decide = (decision: 'approve' | 'return') =>
    action.mutate(
      { path: '/decision', json: { decision, feedback, checklist, fieldComments: comments, ...(decision === 'approve' ? { toNetwork } : {}) } },
      { onSuccess: () => (decision === 'return' ? void navigate('/videndeling/review') : undefined) },
    );
  return (
    <Card withBorder data-testid="review-panel">
      <Stack>
        <Title order={2} size="h3">{t('library.review.title')}</Title>
        <Text size="sm" c="dimmed">{t('library.review.lead')}</Text>
        <ProblemAlert error={action.error} />
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontWeight: 600, marginBottom: 8 }}>{t('library.review.checklist')}</legend>
          <Stack gap={6}>
            {item.criteria.map((c, i) => (
              <Checkbox key={c} label={c} checked={checklist[String(i)] === true} onChange={(e) => setChecklist({ ...checklist, [String(i)]: e.currentTarget.checked })} />
            ))}
          </Stack>
        </fieldset>
        {fields.map((f) => (
          <Textarea
            key={f}
            label={f === 'general' ? t('library.review.general') : t('library.review.fieldComment', { field: t(`library.relation.${f}`) })}
            value={comments[f] ?? ''}
            onChange={(e) => setComments({ ...comments, [f]: e.currentTarget.value })}
            autosize
            minRows={1}
          />
        ))}
        <Button variant="default" w="fit-content" onClick={() => action.mutate({ path: '/review', method: 'PUT', json: { checklist, fieldComments: comments } }, { onSuccess: () => notifications.show({ message: t('library.review.saved'), color: 'teal' }) })}>
          {t('library.review.save')}
        </Button>
        <Divider />
        <Textarea label={t('library.review.feedback')} value={feedback} onChange={(e) => setFeedback(e.currentTarget.value)} autosize minRows={2} />
        <Checkbox label={t('library.review.toNetwork')} checked={toNetwork} onChange={(e) => setToNetwork(e.currentTarget.checked)} />
        <Group>
          <Button color="teal.9" onClick={() => decide('approve')} loading={action.isPending}>{t('library.review.approve')}</Button>
          <Button color="orange.9" variant="light" onClick={() => decide('return')} loading={action.isPending}>{t('library.review.return')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}

function LockPanel({ item }: { item: TItem }) {
  const { t } = useTranslation();
  const [fields, setFields] = useState(item.lockedFields);
  const action = useItemAction(item.id);
  const options = ['title', 'summary', 'subject', 'duration', 'lmsUrl', ...RELATION_FIELDS].map((f) => ({ value: f, label: fieldLabel(t, f) }));
  return (
    <Card>
      <Group align="flex-end">
        <MultiSelect label={t('library.item.lockFields')} data={options} value={fields} onChange={setFields} style={{ flex: 1 }} />
        <Button variant="default" onClick={() => action.mutate({ path: '/locks', method: 'PUT', json: { fields } })}>{t('library.item.lockSave')}</Button>
      </Group>
    </Card>
  );
}

const show = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? v.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim() : JSON.stringify(v));

function Versions({ id }: { id: string }) {
  const { t } = useTranslation();
  const versions = useVersions(id);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>('current');
  const diff = useCompare(id, from, to);
  const options = [...(versions.data?.versions ?? []).map((v) => ({ value: v.id, label: t('library.versions.row', { version: v.version, event: t(`library.versions.event.${v.event}`), name: v.by }) })), { value: 'current', label: t('library.versions.current') }];
  return (
    <Card>
      <Title order={2} size="h4" mb="xs">{t('library.versions.title')}</Title>
      {!versions.data?.versions.length ? (
        <Text size="sm" c="dimmed">{t('library.versions.none')}</Text>
      ) : (
        <Stack>
          <Group grow>
            <Select label={t('library.versions.from')} data={options} value={from} onChange={setFrom} />
            <Select label={t('library.versions.to')} data={options} value={to} onChange={setTo} />
          </Group>
          {diff.data ? (
            diff.data.changes.length === 0 ? (
              <Text size="sm">{t('library.versions.noChanges')}</Text>
            ) : (
              <ScrollTable label={t('tables.versionDiff')}>
                <Table data-testid="version-diff">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('fields.name')}</Table.Th>
                      <Table.Th scope="col">{t('library.versions.before')}</Table.Th>
                      <Table.Th scope="col">{t('library.versions.after')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {diff.data.changes.map((c) => (
                      <Table.Tr key={c.field}>
                        <Table.Th scope="row">{fieldLabel(t, c.field)}</Table.Th>
                        <Table.Td><del>{show(c.before)}</del></Table.Td>
                        <Table.Td><ins>{show(c.after)}</ins></Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            )
          ) : null}
        </Stack>
      )}
    </Card>
  );
}

function Discussion({ id, canPost }: { id: string; canPost: boolean }) {
  const { t, i18n } = useTranslation();
  const comments = useComments(id);
  const post = usePostComment(id);
  const [body, setBody] = useState('');
  return (
    <Card>
      <Title order={2} size="h4" mb="xs">{t('library.comments.title')}</Title>
      <Stack gap="sm">
        {comments.data?.length ? (
          comments.data.map((c) => (
            <div key={c.id}>
              <Text size="xs" c="dimmed">{c.authorName} · {formatDateTime(c.createdAt, i18n.language)}</Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{c.body}</Text>
            </div>
          ))
        ) : (
          <Text size="sm" c="dimmed">{t('library.comments.empty')}</Text>
        )}
        {canPost ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              post.mutate(body, { onSuccess: () => setBody('') });
            }}
          >
            <Stack gap="xs">
              <ProblemAlert error={post.error} />
              <Textarea label={t('library.comments.label')} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={2} />
              <Button type="submit" variant="light" w="fit-content" loading={post.isPending}>{t('library.comments.post')}</Button>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Card>
  );
}
