import { useState } from 'react';
import { Alert, Anchor, Button, Card, Group, MultiSelect, SegmentedControl, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import isoWeek from 'dayjs/plugin/isoWeek';
import { useTranslation } from 'react-i18next';
import { FORM_STYLE } from '../components/formStyle';
import { Link } from 'react-router';
import { fieldErrors } from '../../../app/api';
import { CopyLink } from '../../../shared/CopyLink';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { useDepartments } from '../../../shared/api/departments';
import { calendarQuery, feedsQuery, type CalendarItem, type FeedCreated } from '../api/calendar';
import { usePlaces, usePlacesAhead, useStrategyMutation, useTerms } from '../api/strategy';
import { ScrollTable } from '../../../shared/ui/ScrollTable';
import { Wheel } from '../components/CalendarWheel';
import { dk } from '../../../shared/dates';

dayjs.extend(isoWeek);

type ItemInput = { title: string; description: string; startsOn: string; endsOn: string; departmentId: string | null | undefined; sigtelinjer: string[] };

/** Adds an item to the årshjul by hand, or edits one that was added by hand. */
function ItemForm({ item, onDone }: { item?: CalendarItem; onDone: () => void }) {
  const { t } = useTranslation();
  const places = usePlaces('calendar:manage');
  const terms = useTerms();
  // departmentId undefined: not chosen yet, so the first place the person may add to
  const [v, setV] = useState<ItemInput>({
    title: item?.title ?? '',
    description: item?.description ?? '',
    startsOn: item?.startsOn ?? '',
    endsOn: item?.endsOn ?? '',
    departmentId: item ? item.departmentId : undefined,
    sigtelinjer: item?.sigtelinjer ?? [],
  });
  const departmentId = v.departmentId === undefined ? places.defaultDepartment : v.departmentId;
  const save = useStrategyMutation<ItemInput>(item ? 'PATCH' : 'POST', () => (item ? `/calendar/items/${item.id}` : '/calendar/items'), (i) =>
    item
      ? { title: i.title, description: i.description || null, startsOn: i.startsOn, endsOn: i.endsOn || i.startsOn }
      : { ...i, description: i.description || null, endsOn: i.endsOn || undefined },
  );
  const errors = fieldErrors(save.error);
  const set = <K extends keyof ItemInput>(k: K, value: ItemInput[K]) => setV((s) => ({ ...s, [k]: value }));
  return (
    <form
      noValidate
      style={FORM_STYLE}
      aria-label={item ? t('calendar.items.editLabel', { title: item.title }) : t('calendar.items.add')}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ ...v, departmentId }, { onSuccess: onDone });
      }}
    >
      <Stack gap="sm">
        <TextInput label={t('fields.title')} value={v.title} onChange={(e) => set('title', e.currentTarget.value)} error={errors.title} required />
        <Group grow align="flex-start">
          <TextInput type="date" label={t('fields.startsOn')} value={v.startsOn} onChange={(e) => set('startsOn', e.currentTarget.value)} error={errors.startsOn} required />
          <TextInput type="date" label={t('fields.endsOn')} description={t('calendar.items.endHint')} value={v.endsOn} onChange={(e) => set('endsOn', e.currentTarget.value)} error={errors.endsOn} />
        </Group>
        {item ? null : (
          <Group grow align="flex-start">
            <Select
              label={t('fields.department')}
              placeholder={places.schoolWide ? t('calendar.items.wholeSchool') : undefined}
              data={places.departments}
              value={departmentId}
              onChange={(x) => set('departmentId', x)}
              clearable={places.schoolWide}
              error={errors.departmentId}
            />
            <MultiSelect label={t('fields.sigtelinjer')} data={(terms.data?.sigtelinje ?? []).filter((x) => !x.archived).map((x) => ({ value: x.key, label: `${x.key}. ${x.label}` }))} value={v.sigtelinjer} onChange={(x) => set('sigtelinjer', x)} />
          </Group>
        )}
        <Textarea label={t('calendar.items.description')} value={v.description} onChange={(e) => set('description', e.currentTarget.value)} error={errors.description} autosize minRows={2} />
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!item && !places.ready}>
            {item ? t('common.save') : t('calendar.items.add')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Edit and cancel buttons for an item added by hand (items from other modules are changed where they come from). */
function ItemActions({ item, onEdit }: { item: CalendarItem; onEdit: () => void }) {
  const { t } = useTranslation();
  const cancel = useStrategyMutation<string>('PATCH', (id) => `/calendar/items/${id}`, () => ({ cancelled: true }));
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="compact-xs" variant="subtle" onClick={onEdit} aria-label={t('calendar.items.editLabel', { title: item.title })}>
        {t('calendar.items.edit')}
      </Button>
      <Button
        size="compact-xs"
        variant="subtle"
        color="red.9"
        loading={cancel.isPending}
        aria-label={t('calendar.items.cancelLabel', { title: item.title })}
        onClick={() => {
          if (window.confirm(t('calendar.items.confirmCancel', { title: item.title }))) cancel.mutate(item.id);
        }}
      >
        {t('calendar.items.cancel')}
      </Button>
    </Group>
  );
}

function Subscribe({ departmentId }: { departmentId: string | null }) {
  const { t } = useTranslation();
  const create = useStrategyMutation<{ departmentId: string | null }, FeedCreated>('POST', () => '/calendar/feeds');
  const revoke = useStrategyMutation<string>('DELETE', (id) => `/calendar/feeds/${id}`);
  const feeds = useQuery(feedsQuery);
  const dtf = new Intl.DateTimeFormat('da-DK', { dateStyle: 'medium', timeZone: 'Europe/Copenhagen' });
  return (
    <Card>
      <Stack gap="xs">
        <Title order={2} fz="lg">
          {t('calendar.subscribeTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('calendar.subscribeHint')}
        </Text>
        <Group>
          <Button variant="light" onClick={() => create.mutate({ departmentId })} loading={create.isPending}>
            {departmentId ? t('calendar.subscribeDepartment') : t('calendar.subscribeSchool')}
          </Button>
        </Group>
        {create.data && feeds.data?.some((f) => f.id === create.data.id) ? (
          <Alert color="teal.9" title={t('calendar.feeds.onceTitle')}>
            <Stack gap="xs">
              <Text size="sm">{t('calendar.feeds.onceHint')}</Text>
              <CopyLink link={create.data.url} label={t('calendar.feedUrl')} />
              <Group>
                <Button component="a" href={new URL(create.data.url).pathname} download="aarshjul.ics" variant="light">
                  {t('calendar.downloadIcs')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}
        {revoke.error ? <ProblemAlert error={revoke.error} /> : null}
        <Title order={3} fz="md" mt="sm">
          {t('calendar.feeds.title')}
        </Title>
        {feeds.data && feeds.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('calendar.feeds.empty')}
          </Text>
        ) : (
          <ScrollTable label={t('calendar.feeds.title')}>
            <Table data-testid="feeds">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('calendar.feeds.scope')}</Table.Th>
                  <Table.Th scope="col">{t('calendar.feeds.created')}</Table.Th>
                  <Table.Th scope="col">{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(feeds.data ?? []).map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td>
                      {f.departmentName ?? t('calendar.feeds.wholeSchool')}
                      {f.mine ? null : ` (${t('calendar.feeds.someoneElse')})`}
                    </Table.Td>
                    <Table.Td>{dtf.format(new Date(f.createdAt))}</Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red.9"
                        loading={revoke.isPending && revoke.variables === f.id}
                        onClick={() => {
                          if (window.confirm(t('calendar.feeds.confirmRevoke'))) revoke.mutate(f.id);
                        }}
                      >
                        {t('calendar.feeds.revoke')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Stack>
    </Card>
  );
}

/** /strategi/aarshjul: the årshjul as a wheel and as a list, filtered by department and sigtelinje, with an iCalendar subscription. */
export function CalendarPage() {
  const { t } = useTranslation();
  const [view, setView] = useState<'wheel' | 'list'>(() => (typeof window !== 'undefined' && window.innerWidth < 700 ? 'list' : 'wheel'));
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [sigtelinje, setSigtelinje] = useState<string | null>(null);
  // null: the school year of today (the server knows the school's first month)
  const [schoolYear, setSchoolYear] = useState<number | null>(null);
  const terms = useTerms();
  const departments = useDepartments();
  const q = useQuery({ ...calendarQuery({ schoolYear, departmentId, sigtelinje }), placeholderData: keepPreviousData });
  const canManage = q.data?.abilities.includes('calendar:manage') ?? false;
  usePlacesAhead(canManage);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<CalendarItem | null>(null);
  return (
    <>
      <PageHeader
        eyebrow={t('nav.strategyGroup')}
        title={t('calendar.title')}
        description={t('calendar.lead')}
        actions={
          canManage && !adding ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
              {t('calendar.items.add')}
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        {adding || editing ? (
          <Card>
            <Title order={2} fz="lg" mb="sm">
              {editing ? t('calendar.items.editLabel', { title: editing.title }) : t('calendar.items.add')}
            </Title>
            <ItemForm
              key={editing?.id ?? 'new'}
              item={editing ?? undefined}
              onDone={() => {
                setAdding(false);
                setEditing(null);
              }}
            />
          </Card>
        ) : null}
        <Group align="flex-end">
          <Select label={t('fields.department')} placeholder={t('strategy.filters.all')} data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))} value={departmentId} onChange={setDepartmentId} clearable w={220} />
          <Select label={t('strategy.filters.sigtelinje')} placeholder={t('strategy.filters.all')} data={(terms.data?.sigtelinje ?? []).map((x) => ({ value: x.key, label: `${x.key}. ${x.label}` }))} value={sigtelinje} onChange={setSigtelinje} clearable w={280} />
          <SegmentedControl
            aria-label={t('calendar.view')}
            value={view}
            onChange={(v) => setView(v === 'list' ? 'list' : 'wheel')}
            data={[
              { value: 'wheel', label: t('calendar.wheel') },
              { value: 'list', label: t('calendar.list') },
            ]}
          />
        </Group>
        <QueryState query={q}>
          {(cal) => (
            <>
              <Group justify="space-between" align="center" gap="xs" role="group" aria-label={t('calendar.yearNav')}>
                <Button variant="default" size="compact-sm" leftSection={<IconChevronLeft size={16} aria-hidden />} onClick={() => setSchoolYear(cal.schoolYear - 1)} disabled={q.isPlaceholderData}>
                  {t('calendar.previousYear')}
                </Button>
                <Stack gap={0} align="center">
                  <Title order={2} fz="lg" aria-live="polite" data-testid="calendar-year">
                    {t('calendar.yearTitle', { start: cal.schoolYear, end: String((cal.schoolYear + 1) % 100).padStart(2, '0') })}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t('calendar.period', { from: dk(cal.from), to: dk(cal.to) })}
                  </Text>
                </Stack>
                <Group gap="xs">
                  {schoolYear !== null ? (
                    <Button variant="subtle" size="compact-sm" onClick={() => setSchoolYear(null)}>
                      {t('calendar.thisYear')}
                    </Button>
                  ) : null}
                  <Button variant="default" size="compact-sm" rightSection={<IconChevronRight size={16} aria-hidden />} onClick={() => setSchoolYear(cal.schoolYear + 1)} disabled={q.isPlaceholderData}>
                    {t('calendar.nextYear')}
                  </Button>
                </Group>
              </Group>
              {cal.items.length === 0 ? (
                <EmptyState title={t('calendar.emptyTitle')} hint={canManage ? t('calendar.emptyHintManage') : t('calendar.emptyHint')} />
              ) : view === 'wheel' ? (
                <Card>
                  <Wheel cal={cal} />
                </Card>
              ) : null}
              {cal.items.length > 0 ? (
                <ScrollTable minWidth={320} label={t('calendar.listCaption')} visuallyHidden={view === 'wheel'}>
                  <Table striped data-testid="calendar-list">
                    <caption className="visually-hidden">{t('calendar.listCaption')}</caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('calendar.date')}</Table.Th>
                        <Table.Th scope="col">{t('calendar.item')}</Table.Th>
                        <Table.Th scope="col">{t('calendar.kind')}</Table.Th>
                        {canManage ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {cal.items.map((i) => (
                        <Table.Tr key={i.id}>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            {dk(i.startsOn)}
                            {i.endsOn !== i.startsOn ? ` – ${dk(i.endsOn)}` : ''}
                            <Text size="xs" c="dimmed">
                              {t('calendar.weekN', { week: dayjs(i.startsOn).isoWeek() })}
                            </Text>
                          </Table.Td>
                          <Table.Td>{i.link ? <Anchor component={Link} to={i.link}>{i.title}</Anchor> : i.title}</Table.Td>
                          <Table.Td>{t(`calendar.kinds.${i.kind}`, { defaultValue: i.kind })}</Table.Td>
                          {canManage ? <Table.Td>{i.source === 'calendar' && view === 'list' ? <ItemActions item={i} onEdit={() => setEditing(i)} /> : null}</Table.Td> : null}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
              ) : null}
            </>
          )}
        </QueryState>
        <Subscribe departmentId={departmentId} />
      </Stack>
    </>
  );
}
