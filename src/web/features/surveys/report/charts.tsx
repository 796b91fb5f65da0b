import { useMemo } from 'react';
import { use } from 'echarts/core';
import { LineChart, ScatterChart } from 'echarts/charts';
import { LegendComponent } from 'echarts/components';
import type { EChartsOption } from 'echarts';
import { EChart } from '../../../shared/EChart';

use([LineChart, ScatterChart, LegendComponent]);

/** Colours per respondent group, distinguishable and with contrast on white. */
export const GROUP_COLOR: Record<string, string> = { leader: '#005d7e', teacher: '#c2255c', student: '#2b8a3e', supervisor: '#e8590c' };
const AXIS = { color: '#212529' };
const SCALE = { type: 'value' as const, min: 1, max: 5, interval: 1, axisLabel: AXIS };

type Series = { name: string; color: string; values: (number | null)[] };

/** Bars of means on the 1–5 scale: categories along the axis, one series per group. */
export function MeansChart({ categories, series, label, horizontal = false }: { categories: string[]; series: Series[]; label: string; horizontal?: boolean }) {
  const option = useMemo<EChartsOption>(() => {
    const cat = { type: 'category' as const, data: categories, axisLabel: { ...AXIS, interval: 0, width: horizontal ? 220 : 90, overflow: 'break' as const } };
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, textStyle: AXIS },
      grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
      xAxis: horizontal ? SCALE : cat,
      yAxis: horizontal ? { ...cat, inverse: true } : SCALE,
      series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values.map((v) => v ?? '-'), itemStyle: { color: s.color } })),
    };
  }, [categories, series, horizontal]);
  const height = horizontal ? Math.max(200, categories.length * series.length * 22 + 90) : 320;
  return <EChart option={option} height={height} label={label} />;
}

/** Lines of means through the rounds. */
export function TrendChart({ rounds, series, label }: { rounds: string[]; series: Series[]; label: string }) {
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, textStyle: AXIS, type: 'scroll' },
      grid: { left: 8, right: 16, top: 16, bottom: 48, containLabel: true },
      xAxis: { type: 'category', data: rounds, axisLabel: AXIS },
      yAxis: SCALE,
      series: series.map((s) => ({ type: 'line', name: s.name, data: s.values.map((v) => v ?? '-'), connectNulls: false, itemStyle: { color: s.color }, lineStyle: { color: s.color } })),
    }),
    [rounds, series],
  );
  return <EChart option={option} height={320} label={label} />;
}

/** The network's middle half (first to third quartile) per area as a band, the median and the school's own mean as points. */
export function BenchmarkChart({
  areas,
  bands,
  own,
  names,
  label,
}: {
  areas: string[];
  bands: ({ q1: number; median: number; q3: number } | null)[];
  own: (number | null)[];
  names: { band: string; median: string; own: string };
  label: string;
}) {
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, textStyle: AXIS },
      grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: areas, axisLabel: { ...AXIS, interval: 0, width: 90, overflow: 'break' } },
      yAxis: SCALE,
      series: [
        { type: 'bar', stack: 'band', name: '', data: bands.map((b) => (b ? b.q1 : '-')), itemStyle: { color: 'transparent' }, tooltip: { show: false }, silent: true },
        { type: 'bar', stack: 'band', name: names.band, data: bands.map((b) => (b ? b.q3 - b.q1 : '-')), itemStyle: { color: '#a5d8ff' } },
        { type: 'scatter', name: names.median, data: bands.map((b) => (b ? b.median : '-')), symbol: 'rect', symbolSize: [28, 3], itemStyle: { color: '#1c7ed6' } },
        { type: 'scatter', name: names.own, data: own.map((v) => v ?? '-'), symbolSize: 12, itemStyle: { color: '#c2255c' } },
      ],
    }),
    [areas, bands, own, names],
  );
  return <EChart option={option} height={320} label={label} />;
}
