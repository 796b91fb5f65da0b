import { useMemo } from 'react';
import { Box, Card, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import type { TNetworkSchool } from '../../../../shared/api/network';
import { EChart } from '../../../shared/EChart';

/** More bars than this would make the chart longer than a screen; the table below lists every school. */
const CHART_MAX_SCHOOLS = 15;
const PEOPLE = '#4198b9';
const ACTIVE = '#004f6b';

/**
 * People per open school beside how many of them signed in within 30 days: where the platform is
 * in use and where it is not, at a glance. The largest schools first; the figures also as a table
 * for screen readers.
 */
export function SchoolActivityChart({ schools }: { schools: TNetworkSchool[] }) {
  const { t } = useTranslation();
  const shown = useMemo(() => [...schools].sort((a, b) => b.people - a.people).slice(0, CHART_MAX_SCHOOLS), [schools]);
  const option = useMemo<EChartsOption>(
    () => ({
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#495057' } },
      yAxis: { type: 'category', inverse: true, data: shown.map((s) => s.name), axisLabel: { color: '#212529', fontSize: 13, width: 140, overflow: 'truncate' } },
      series: [
        { type: 'bar', name: t('network.chart.people'), data: shown.map((s) => s.people), itemStyle: { color: PEOPLE, borderRadius: [0, 4, 4, 0] }, barMaxWidth: 18, label: { show: true, position: 'right', color: '#212529' } },
        { type: 'bar', name: t('network.chart.active'), data: shown.map((s) => s.activeAccounts30d), itemStyle: { color: ACTIVE, borderRadius: [0, 4, 4, 0] }, barMaxWidth: 18, label: { show: true, position: 'right', color: '#212529' } },
      ],
    }),
    [shown, t],
  );
  const swatch = (color: string, label: string) => (
    <Group gap={6} wrap="nowrap">
      <Box w={12} h={12} style={{ background: color, borderRadius: 3 }} aria-hidden />
      <Text size="sm">{label}</Text>
    </Group>
  );
  return (
    <Card component="section" aria-labelledby="network-chart-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="network-chart-title">
          {t('network.chart.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {schools.length > CHART_MAX_SCHOOLS ? t('network.chart.leadLargest', { count: CHART_MAX_SCHOOLS }) : t('network.chart.lead')}
        </Text>
        <Group gap="lg" style={{ rowGap: 4 }} aria-hidden>
          {swatch(PEOPLE, t('network.chart.people'))}
          {swatch(ACTIVE, t('network.chart.active'))}
        </Group>
        <EChart option={option} height={Math.max(140, shown.length * 52)} label={t('network.chart.label')} />
        <VisuallyHidden>
          <Table>
            <caption>{t('network.chart.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('network.school')}</th>
                <th scope="col">{t('network.chart.people')}</th>
                <th scope="col">{t('network.chart.active')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((s) => (
                <tr key={s.id}>
                  <td>{s.name}</td>
                  <td>{s.people}</td>
                  <td>{s.activeAccounts30d}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </VisuallyHidden>
      </Stack>
    </Card>
  );
}
