import { useMemo, useState } from 'react';
import { Anchor, Card, List, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDepartments } from '../../../shared/api/departments';
import { EmptyState } from '../../../shared/EmptyState';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { overviewQuery, type Counts, type Status } from '../api/strategy';
import { STATUS_HEX, StatusBadge } from '../components/StatusBadge';
import { EChart } from '../../../shared/EChart';
import { useStrategyCharts } from '../components/useStrategyCharts';
import { dk } from '../../../shared/dates';

const STATUSES: Status[] = ['on_track', 'behind', 'at_risk', 'no_data', 'not_reached', 'achieved', 'stopped'];

function StatusBars({ title, rows }: { title: string; rows: { label: string; counts: Counts }[] }) {
  const { t } = useTranslation();
  const chartsReady = useStrategyCharts();
  const option = useMemo<EChartsOption>(
    () => ({
      grid: { left: 8, right: 16, top: 30, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, textStyle: { color: '#212529' } },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#495057' } },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => (r.label.length > 40 ? `${r.label.slice(0, 38)}…` : r.label)), axisLabel: { color: '#212529' } },
      series: STATUSES.map((s) => ({ type: 'bar', stack: 'x', name: t(`strategy.status.${s}`), data: rows.map((r) => r.counts[s]), itemStyle: { color: STATUS_HEX[s] }, barMaxWidth: 24 })),
    }),
    [rows, t],
  );
  return (
    <Card>
      <Title order={2} fz="lg" mb="sm">
        {title}
      </Title>
      {chartsReady ? <EChart option={option} height={Math.max(180, rows.length * 44 + 40)} label={title} /> : <div style={{ height: Math.max(180, rows.length * 44 + 40) }} />}
      <Table className="visually-hidden">
        <caption>{title}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{title}</Table.Th>
            {STATUSES.map((s) => (
              <Table.Th key={s} scope="col">
                {t(`strategy.status.${s}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.label}>
              <Table.Td>{r.label}</Table.Td>
              {STATUSES.map((s) => (
                <Table.Td key={s}>{r.counts[s]}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** /strategi/overblik: for leaders, initiatives by status per sigtelinje and department, upcoming milestones, overdue follow-ups and indicators off track. */
export function StrategyOverviewPage() {
  const { t } = useTranslation();
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const departments = useDepartments();
  const q = useQuery(overviewQuery(departmentId));
  return (
    <>
      <PageHeader eyebrow={t('nav.strategyGroup')} title={t('strategy.overview.title')} description={t('strategy.overview.lead')} />
      <Select label={t('fields.department')} placeholder={t('strategy.filters.all')} data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))} value={departmentId} onChange={setDepartmentId} clearable w={240} mb="lg" />
      <QueryState query={q}>
        {(o) =>
          o.initiatives === 0 ? (
            <EmptyState
              title={t('strategy.overview.emptyTitle')}
              hint={t('strategy.overview.emptyHint')}
              action={
                <Anchor underline="always" component={Link} to="/strategi">
                  {t('strategy.overview.toStrategy')}
                </Anchor>
              }
            />
          ) : (
            <Stack gap="lg">
              <SimpleGrid cols={{ base: 1, lg: 2 }}>
                <StatusBars title={t('strategy.overview.bySigtelinje')} rows={o.bySigtelinje.map((s) => ({ label: `${s.key}. ${s.label}`, counts: s.counts }))} />
                <StatusBars title={t('strategy.overview.byDepartment')} rows={o.byDepartment.map((d) => ({ label: d.name ?? t('strategy.initiatives.central'), counts: d.counts }))} />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, md: 3 }}>
                <Card>
                  <Title order={2} fz="lg" mb="sm">
                    {t('strategy.overview.upcoming')}
                  </Title>
                  {o.upcomingMilestones.length ? (
                    <List size="sm">
                      {o.upcomingMilestones.map((m) => (
                        <List.Item key={m.id}>
                          {dk(m.dueOn)} · {m.title} (<Anchor underline="always" component={Link} to={`/strategi/indsatser/${m.initiativeId}`}>{m.initiativeTitle}</Anchor>)
                        </List.Item>
                      ))}
                    </List>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('strategy.overview.noUpcoming')}
                    </Text>
                  )}
                </Card>
                <Card>
                  <Title order={2} fz="lg" mb="sm">
                    {t('strategy.overview.overdue')}
                  </Title>
                  {o.overdueFollowups.length ? (
                    <List size="sm">
                      {o.overdueFollowups.map((f) => (
                        <List.Item key={f.id}>
                          {dk(f.dueOn)} · {f.title} (<Anchor underline="always" component={Link} to={`/strategi/indsatser/${f.initiativeId}`}>{f.initiativeTitle}</Anchor>){f.ownerName ? ` – ${f.ownerName}` : ''}
                        </List.Item>
                      ))}
                    </List>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('strategy.overview.noOverdue')}
                    </Text>
                  )}
                </Card>
                <Card>
                  <Title order={2} fz="lg" mb="sm">
                    {t('strategy.overview.offTrack')}
                  </Title>
                  {o.offTrackIndicators.length ? (
                    <Stack gap={6}>
                      {o.offTrackIndicators.map((i) => (
                        <Text key={i.id} size="sm">
                          <StatusBadge status={i.status} /> {i.name}: {i.latestValue ?? '–'} / {i.target} {i.unit} (<Anchor underline="always" component={Link} to={`/strategi/indsatser/${i.initiativeId}`}>{i.initiativeTitle}</Anchor>)
                        </Text>
                      ))}
                    </Stack>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('strategy.overview.noOffTrack')}
                    </Text>
                  )}
                </Card>
              </SimpleGrid>
            </Stack>
          )
        }
      </QueryState>
    </>
  );
}
