import { useMemo } from 'react';
import { use } from 'echarts/core';
import { HeatmapChart, RadarChart } from 'echarts/charts';
import { LegendComponent, VisualMapComponent } from 'echarts/components';
import type { EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../shared/EChart';
import { numberFormat } from '../../../shared/chart-locale';

use([RadarChart, HeatmapChart, LegendComponent, VisualMapComponent]);

type Series = { name: string; values: number[]; color: string };

/** A radar of area levels (0–6), one polygon per round. */
export function AreaRadar({ indicators, series, label }: { indicators: string[]; series: Series[]; label: string }) {
  const option = useMemo<EChartsOption>(
    () => ({
      legend: { bottom: 0, textStyle: { color: '#212529' } },
      radar: { indicator: indicators.map((name) => ({ name, max: 6, min: 0 })), radius: '62%', axisName: { color: '#212529', fontSize: 12 }, splitNumber: 6 },
      series: [{ type: 'radar', data: series.map((s) => ({ name: s.name, value: s.values, lineStyle: { color: s.color }, itemStyle: { color: s.color }, areaStyle: { color: s.color, opacity: 0.15 } })) }],
    }),
    [indicators, series],
  );
  return <EChart option={option} height={360} label={label} />;
}

/** Areas × departments coloured by mean level; hidden cells (under 5 persons) are left grey. */
export function LevelHeatmap({ areas, rows, values, label }: { areas: string[]; rows: string[]; values: [number, number, number | null][]; label: string }) {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const option = useMemo<EChartsOption>(
    () => ({
      grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
      xAxis: { type: 'category', data: areas, axisLabel: { interval: 0, rotate: 30, color: '#212529', fontSize: 11 } },
      yAxis: { type: 'category', data: rows, axisLabel: { color: '#212529' } },
      visualMap: { min: 0, max: 6, show: false, inRange: { color: ['#fde2e1', '#fff3bf', '#d3f9d8', '#2b8a3e'] } },
      series: [
        {
          type: 'heatmap',
          data: values.map(([x, y, v]) => (v === null ? { value: [x, y, '-'], itemStyle: { color: '#e9ecef' } } : [x, y, v])),
          // a mean level as the language writes it (3,4 in Danish); a hidden cell keeps its dash
          label: {
            show: true,
            color: '#212529',
            formatter: (p) => {
              const v = (p.value as unknown[])[2];
              return typeof v === 'number' ? numberFormat(language).format(v) : String(v ?? '');
            },
          },
        },
      ],
    }),
    [areas, rows, values, language],
  );
  return <EChart option={option} height={Math.max(180, rows.length * 44 + 110)} label={label} />;
}
