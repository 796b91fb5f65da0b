import { useMemo, useState } from 'react';
import { Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import { FORM_STYLE } from './formStyle';
import { fieldErrors } from '../../../app/api';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { useStrategyMutation, type Indicator, type Initiative } from '../api/strategy';
import { StatusBadge } from './StatusBadge';
import { EChart } from '../../../shared/EChart';
import { useStrategyCharts } from './useStrategyCharts';
import { todayInCopenhagen, dk } from '../../../shared/dates';
import { ScrollTable } from '../../../shared/ui/ScrollTable';

/** An indicator of an initiative: baseline, target and measurements as a chart and a table, and a measurement form for those who may record. */
export function IndicatorCard({ ind, canRecord }: { ind: Indicator; canRecord: boolean }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<number | string>('');
  const [on, setOn] = useState(todayInCopenhagen());
  const record = useStrategyMutation<{ value: number; measuredOn: string }>('POST', () => `/indicators/${ind.id}/measurements`);
  const errors = fieldErrors(record.error);
  const chartsReady = useStrategyCharts();
  const option = useMemo<EChartsOption>(
    () => ({
      grid: { left: 8, right: 16, top: 30, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { color: '#212529' } },
      xAxis: { type: 'time', axisLabel: { color: '#495057' } },
      yAxis: { type: 'value', scale: true, axisLabel: { color: '#495057' } },
      series: [
        { type: 'line', name: t('strategy.indicators.expected'), data: ind.expected.map((p) => [p.on, p.value]), lineStyle: { type: 'dashed', color: '#868e96' }, itemStyle: { color: '#868e96' }, symbol: 'none' },
        { type: 'line', name: t('strategy.indicators.actual'), data: ind.measurements.map((m) => [m.measuredOn, m.value]), lineStyle: { color: '#005d7e', width: 2 }, itemStyle: { color: '#005d7e' } },
      ],
    }),
    [ind, t],
  );
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} fz="md">
            {ind.name} ({ind.unit})
          </Title>
          <StatusBadge status={ind.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {t('strategy.indicators.summary', { baseline: ind.baseline, target: ind.target, date: dk(ind.targetOn), latest: ind.latestValue ?? '–', direction: t(`strategy.direction.${ind.direction}`) })}
        </Text>
        {chartsReady ? <EChart option={option} height={220} label={t('strategy.indicators.chartLabel', { name: ind.name })} /> : <div style={{ height: 220 }} />}
        <ScrollTable label={t('strategy.indicators.measurements', { name: ind.name })}>
          <Table>
            <caption className="visually-hidden">{t('strategy.indicators.measurements', { name: ind.name })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('fields.measuredOn')}</Table.Th>
                <Table.Th scope="col">{t('fields.value')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ind.measurements.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{dk(m.measuredOn)}</Table.Td>
                  <Table.Td>{m.value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
        {canRecord ? (
          <form
            noValidate
            style={FORM_STYLE}
            aria-label={t('strategy.indicators.record', { name: ind.name })}
            onSubmit={(e) => {
              e.preventDefault();
              record.mutate({ value: Number(value), measuredOn: on }, { onSuccess: () => setValue('') });
            }}
          >
            <Group align="flex-end">
              <NumberInput label={t('fields.value')} value={value} onChange={setValue} error={errors.value} decimalSeparator="," w={140} />
              <TextInput type="date" label={t('fields.measuredOn')} value={on} onChange={(e) => setOn(e.currentTarget.value)} error={errors.measuredOn} />
              <Button type="submit" loading={record.isPending}>
                {t('strategy.indicators.recordButton')}
              </Button>
            </Group>
            {record.error && !errors.value && !errors.measuredOn ? <ProblemAlert error={record.error} /> : null}
          </form>
        ) : null}
      </Stack>
    </Card>
  );
}

/** Adds an indicator (name, unit, baseline, target and its date, direction) to an initiative. */
export function NewIndicator({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const empty = () => ({ name: '', unit: '%', baseline: '' as number | string, target: '' as number | string, targetOn: initiative.endsOn, direction: 'increase' });
  const [v, setV] = useState(empty);
  const add = useStrategyMutation<typeof v>('POST', () => `/initiatives/${initiative.id}/indicators`, (x) => ({ ...x, baseline: Number(x.baseline), target: Number(x.target), baselineOn: initiative.startsOn }));
  const errors = fieldErrors(add.error);
  return (
    <form
      noValidate
      style={FORM_STYLE}
      aria-label={t('strategy.indicators.new')}
      onSubmit={(e) => {
        e.preventDefault();
        // Saved: the form is empty again for the next indicator.
        add.mutate(v, { onSuccess: () => setV(empty()) });
      }}
    >
      <Stack gap="xs">
        <Title order={3} fz="md">
          {t('strategy.indicators.new')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('fields.name')} value={v.name} onChange={(e) => setV({ ...v, name: e.currentTarget.value })} error={errors.name} required />
          <TextInput label={t('fields.unit')} value={v.unit} onChange={(e) => setV({ ...v, unit: e.currentTarget.value })} error={errors.unit} required />
          <Select
            label={t('strategy.indicators.direction')}
            data={['increase', 'decrease', 'maintain'].map((d) => ({ value: d, label: t(`strategy.direction.${d}`) }))}
            value={v.direction}
            onChange={(x) => setV({ ...v, direction: x ?? 'increase' })}
            allowDeselect={false}
          />
          <NumberInput label={t('fields.baseline')} value={v.baseline} onChange={(x) => setV({ ...v, baseline: x })} error={errors.baseline} decimalSeparator="," required />
          <NumberInput label={t('fields.target')} value={v.target} onChange={(x) => setV({ ...v, target: x })} error={errors.target} decimalSeparator="," required />
          <TextInput type="date" label={t('fields.targetOn')} value={v.targetOn} onChange={(e) => setV({ ...v, targetOn: e.currentTarget.value })} error={errors.targetOn} required />
        </SimpleGrid>
        {add.error && !Object.keys(errors).length ? <ProblemAlert error={add.error} /> : null}
        {errors.tolerance ? <ProblemAlert error={add.error} /> : null}
        <Group>
          <Button type="submit" loading={add.isPending}>
            {t('strategy.indicators.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
