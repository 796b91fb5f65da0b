import { useMemo } from 'react';
import { Card, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../shared/EChart';
import type { TOverview } from '../../../../shared/api/school';

/** People per department as a bar chart, with the same numbers as a table for screen readers. */
export function DepartmentChart({ departments }: { departments: TOverview['departments'] }) {
  const { t } = useTranslation();
  const option = useMemo<EChartsOption>(
    () => ({
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#495057' } },
      yAxis: { type: 'category', inverse: true, data: departments.map((d) => d.name), axisLabel: { color: '#212529', fontSize: 13 } },
      series: [{ type: 'bar', name: t('overview.people'), data: departments.map((d) => d.people), itemStyle: { color: '#005d7e', borderRadius: [0, 4, 4, 0] }, barMaxWidth: 28, label: { show: true, position: 'right', color: '#212529' } }],
    }),
    [departments, t],
  );
  return (
    <Card>
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('overview.departmentsTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('overview.departmentsLead')}
        </Text>
        <EChart option={option} height={Math.max(160, departments.length * 48)} label={t('overview.chartLabel')} />
        <VisuallyHidden>
          <Table>
            <caption>{t('overview.departmentsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fields.department')}</th>
                <th scope="col">{t('overview.people')}</th>
              </tr>
            </thead>
            <tbody>
              {departments.map((d) => (
                <tr key={d.id}>
                  <td>{d.name}</td>
                  <td>{d.people}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </VisuallyHidden>
      </Stack>
    </Card>
  );
}
