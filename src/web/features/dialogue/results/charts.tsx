import { useMemo } from 'react';
import { use } from 'echarts/core';
import { ScatterChart } from 'echarts/charts';
import { LegendComponent } from 'echarts/components';
import type { EChartsOption } from 'echarts';
import { EChart } from '../../../shared/EChart';

use([ScatterChart, LegendComponent]);

/** Now and wanted, and the two compared groups: distinguishable colours with contrast on white. */
export const NOW_COLOR = '#005d7e';
export const WANTED_COLOR = '#c2255c';
export const GROUP_A_COLOR = '#005d7e';
export const GROUP_B_COLOR = '#e8590c';
const AXIS = { color: '#212529' };
const SCALE = { type: 'value' as const, min: 0, max: 100, interval: 25, axisLabel: AXIS };

/** Points that share a value are spread a little up and down, so a crowd reads as a crowd. */
const spread = (values: number[], row: number) => {
  const seen = new Map<number, number>();
  return values.map((v) => {
    const k = seen.get(v) ?? 0;
    seen.set(v, k + 1);
    return [v, row + ((k % 5) - 2) * 0.08];
  });
};

type Strip = { name: string; color: string; values: number[]; median: number | null };

/**
 * A strip plot of one pair: a row of dots per slider (now above, wanted below) on the scale from
 * the left pole (0) to the right pole (100), each row's median as a larger diamond.
 */
export function StripPlot({ rows, label, medianName }: { rows: Strip[]; label: string; medianName: string }) {
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, textStyle: AXIS },
      grid: { left: 8, right: 16, top: 8, bottom: 36, containLabel: true },
      xAxis: SCALE,
      yAxis: { type: 'value', min: -0.5, max: rows.length - 0.5, inverse: true, show: false },
      series: [
        ...rows.map((r, i) => ({ type: 'scatter' as const, name: r.name, data: spread(r.values, i), symbolSize: 9, itemStyle: { color: r.color, opacity: 0.55 } })),
        {
          type: 'scatter' as const,
          name: medianName,
          data: rows.flatMap((r, i) => (r.median === null ? [] : [{ value: [r.median, i], itemStyle: { color: r.color, borderColor: '#212529', borderWidth: 1.5 } }])),
          symbol: 'diamond',
          symbolSize: 20,
          itemStyle: { color: '#212529' },
          z: 3,
        },
      ],
    }),
    [rows, medianName],
  );
  return <EChart option={option} height={70 + rows.length * 38} label={label} />;
}

type Medians = { name: string; color: string; values: (number | null)[] };

/** The medians of both groups per pair, side by side on the 0–100 scale (one row per pair). */
export function MediansChart({ pairs, series, label }: { pairs: string[]; series: Medians[]; label: string }) {
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, textStyle: AXIS },
      grid: { left: 8, right: 16, top: 8, bottom: 40, containLabel: true },
      xAxis: SCALE,
      yAxis: { type: 'category', data: pairs, inverse: true, axisLabel: { ...AXIS, width: 130, overflow: 'break', lineHeight: 14 } },
      series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values.map((v) => v ?? '-'), itemStyle: { color: s.color } })),
    }),
    [pairs, series],
  );
  return <EChart option={option} height={Math.max(200, pairs.length * series.length * 22 + 90)} label={label} />;
}

/** The boundary view: per boundary type its largest and mean gap, largest first. */
export function BoundaryChart({ names, largest, mean, labels, label }: { names: string[]; largest: number[]; mean: number[]; labels: { largest: string; mean: string }; label: string }) {
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, textStyle: AXIS },
      grid: { left: 8, right: 16, top: 8, bottom: 40, containLabel: true },
      xAxis: { type: 'value', min: 0, axisLabel: AXIS },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: AXIS },
      series: [
        { type: 'bar', name: labels.largest, data: largest, itemStyle: { color: GROUP_B_COLOR } },
        { type: 'bar', name: labels.mean, data: mean, itemStyle: { color: GROUP_A_COLOR } },
      ],
    }),
    [names, largest, mean, labels],
  );
  return <EChart option={option} height={Math.max(180, names.length * 48 + 80)} label={label} />;
}
