import { useMemo, useState } from 'react';
import { Anchor, Button, Card, Group, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import isoWeek from 'dayjs/plugin/isoWeek';
import type { EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../app/api';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { calendarQuery, useStrategyMutation, useTerms, type Calendar } from '../api/strategy';
import { StrategyChart } from '../components/StrategyChart';

dayjs.extend(isoWeek);
const dk = (d: string) => `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}`;
const KIND_COLOR: Record<string, string> = { milestone: '#005d7e', followup: '#d9480f', event: '#5f3dc4' };

/** The school year as a circular wheel: months outside, ISO weeks inside, items as dots by date. */
function Wheel({ cal }: { cal: Calendar }) {
  const { t } = useTranslation();
  const option = useMemo<EChartsOption>(() => {
    const start = dayjs(cal.from);
    const total = dayjs(cal.to).diff(start, 'day') + 1;
    const months: { name: string; value: number }[] = [];
    for (let m = start; m.isBefore(dayjs(cal.to)); m = m.add(1, 'month')) months.push({ name: t(`months.${m.month() + 1}`).slice(0, 3), value: m.daysInMonth() });
    const weeks: { name: string; value: number }[] = [];
    let d = start;
    while (d.diff(start, 'day') < total) {
      const end = d.endOf('isoWeek');
      const days = Math.min(end.diff(d, 'day') + 1, total - d.diff(start, 'day'));
      weeks.push({ name: String(d.isoWeek()), value: days });
      d = d.add(days, 'day');
    }
    const radiusOf: Record<string, number> = { milestone: 0.75, followup: 0.5, event: 0.25 };
    return {
      tooltip: { trigger: 'item' },
      polar: { radius: ['0%', '66%'], center: ['50%', '50%'] },
      angleAxis: { type: 'value', min: 0, max: total, startAngle: 90, clockwise: true, show: false },
      radiusAxis: { type: 'value', min: 0, max: 1, show: false },
      series: [
        { type: 'pie', radius: ['84%', '98%'], startAngle: 90, clockwise: true, silent: true, data: months, label: { position: 'inside', color: '#fff', fontSize: 11 }, itemStyle: { color: '#005d7e', borderColor: '#fff', borderWidth: 2 }, tooltip: { show: false } },
        { type: 'pie', radius: ['70%', '83%'], startAngle: 90, clockwise: true, silent: true, data: weeks, label: { position: 'inside', color: '#212529', fontSize: 8 }, itemStyle: { color: '#e7f5ff', borderColor: '#fff', borderWidth: 1 }, tooltip: { show: false } },
        {
          type: 'scatter',
          coordinateSystem: 'polar',
          symbolSize: 10,
          data: cal.items.map((i) => ({ value: [radiusOf[i.kind] ?? 0.25, dayjs(i.startsOn).diff(start, 'day') + 0.5], name: `${dk(i.startsOn)} ${i.title}`, itemStyle: { color: KIND_COLOR[i.kind] ?? '#495057' } })),
          tooltip: { formatter: (p: unknown) => (p as { name: string }).name },
        },
      ],
    } as EChartsOption;
  }, [cal, t]);
  return <StrategyChart option={option} height={560} label={t('calendar.wheelLabel', { count: cal.items.length })} />;
}

function Subscribe({ departmentId }: { departmentId: string | null }) {
  const { t } = useTranslation();
  const create = useStrategyMutation<{ departmentId: string | null }, { id: string; url: string }>('POST', () => '/calendar/feeds');
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
        {create.data ? (
          <Group align="flex-end">
            <TextInput label={t('calendar.feedUrl')} value={create.data.url} readOnly style={{ flex: 1 }} onFocus={(e) => e.currentTarget.select()} />
            <Button component="a" href={new URL(create.data.url).pathname} download="aarshjul.ics">
              {t('calendar.downloadIcs')}
            </Button>
          </Group>
        ) : null}
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
  const terms = useTerms();
  const departments = useQuery({ queryKey: ['org', 'departments', { archived: false }], queryFn: () => api<{ id: string; name: string }[]>('/departments') });
  const q = useQuery(calendarQuery({ departmentId, sigtelinje }));
  return (
    <>
      <PageHeader eyebrow={t('nav.strategyGroup')} title={t('calendar.title')} description={t('calendar.lead')} />
      <Stack gap="lg">
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
              <Text size="sm" c="dimmed">
                {t('calendar.period', { from: dk(cal.from), to: dk(cal.to) })}
              </Text>
              {cal.items.length === 0 ? (
                <EmptyState title={t('calendar.emptyTitle')} hint={t('calendar.emptyHint')} />
              ) : view === 'wheel' ? (
                <Card>
                  <Wheel cal={cal} />
                </Card>
              ) : null}
              {cal.items.length > 0 ? (
                <Table.ScrollContainer minWidth={480}>
                  <Table striped data-testid="calendar-list" className={view === 'wheel' ? 'visually-hidden' : undefined}>
                    <caption className="visually-hidden">{t('calendar.listCaption')}</caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('calendar.date')}</Table.Th>
                        <Table.Th scope="col">{t('calendar.week')}</Table.Th>
                        <Table.Th scope="col">{t('calendar.item')}</Table.Th>
                        <Table.Th scope="col">{t('calendar.kind')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {cal.items.map((i) => (
                        <Table.Tr key={i.id}>
                          <Table.Td>{dk(i.startsOn)}</Table.Td>
                          <Table.Td>{dayjs(i.startsOn).isoWeek()}</Table.Td>
                          <Table.Td>{i.link ? <Anchor component={Link} to={i.link}>{i.title}</Anchor> : i.title}</Table.Td>
                          <Table.Td>{t(`calendar.kinds.${i.kind}`, { defaultValue: i.kind })}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              ) : null}
            </>
          )}
        </QueryState>
        <Subscribe departmentId={departmentId} />
      </Stack>
    </>
  );
}
