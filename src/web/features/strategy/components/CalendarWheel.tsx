import { useMemo } from 'react';
import { Group, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import dayjs from 'dayjs';
import isoWeek from 'dayjs/plugin/isoWeek';
import type { EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import { escapeHtml } from '../../../shared/html';
import { EChart } from '../../../shared/EChart';
import { dk } from '../../../shared/dates';
import type { Calendar } from '../api/calendar';
import { useStrategyCharts } from './useStrategyCharts';
import { placeLabels } from './wheel-labels';

dayjs.extend(isoWeek);
const KIND_COLOR: Record<string, string> = { milestone: '#005d7e', followup: '#d9480f', event: '#5f3dc4', contract_followup: '#2b8a3e' };
/** The label beside an item's dot: its own title without the initiative it belongs to, "(…)", cut to the label's width. */
const shortTitle = (title: string) => title.replace(/\s*\([^()]*\)$/, '') || title;
const LABEL_WIDTH = 96;
const LABEL_FONT = { size: 10, family: 'sans-serif' };
const WHEEL_HEIGHT = 560;
/** Which kinds' labels are placed first when there is no room for all. */
const LABEL_ORDER = ['milestone', 'event', 'followup', 'contract_followup'];
let measureContext: CanvasRenderingContext2D | null | undefined;
/** The width of a label's text in the chart's font (a canvas, as ECharts measures). */
const measureLabel = (text: string) => {
  if (measureContext === undefined) {
    measureContext = document.createElement('canvas').getContext('2d');
    if (measureContext) measureContext.font = `${LABEL_FONT.size}px ${LABEL_FONT.family}`;
  }
  return measureContext ? measureContext.measureText(text).width : text.length * LABEL_FONT.size * 0.6;
};

/** The school year as a circular wheel: months outside, ISO weeks inside, items as dots by date. */
export function Wheel({ cal }: { cal: Calendar }) {
  const { t } = useTranslation();
  const chartsReady = useStrategyCharts();
  const { ref, width } = useElementSize();
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
    const radiusOf: Record<string, number> = { milestone: 0.88, followup: 0.66, event: 0.44, contract_followup: 0.3 };
    const points = cal.items.map((i) => ({ day: dayjs(i.startsOn).diff(start, 'day') + 0.5, ring: radiusOf[i.kind] ?? 0.2, text: shortTitle(i.title) }));
    // the polar radius is 68 % and the week ring starts at 70 % of half the smaller side (below); no labels until the width is known
    const side = Math.min(width, WHEEL_HEIGHT) / 2;
    const rank = (kind: string) => (LABEL_ORDER.indexOf(kind) + LABEL_ORDER.length + 1) % (LABEL_ORDER.length + 1);
    const order = cal.items.map((_, index) => index).sort((a, b) => rank(cal.items[a]?.kind ?? '') - rank(cal.items[b]?.kind ?? '') || a - b);
    const placed = width
      ? placeLabels(
          order.map((index) => points[index] ?? { day: 0, ring: 0, text: '' }),
          { total, radius: 0.68 * side, inner: 0.7 * side, measure: measureLabel, maxWidth: LABEL_WIDTH, lineHeight: LABEL_FONT.size + 2, dot: 10, gap: 4 },
        )
      : [];
    const labels = new Map(order.map((index, k) => [index, placed[k]]));
    return {
      tooltip: { trigger: 'item' },
      polar: { radius: ['0%', '68%'], center: ['50%', '50%'] },
      angleAxis: { type: 'value', min: 0, max: total, startAngle: 90, clockwise: true, show: false },
      radiusAxis: { type: 'value', min: 0, max: 1, show: false },
      series: [
        { type: 'pie', radius: ['84%', '98%'], startAngle: 90, clockwise: true, silent: true, data: months, label: { position: 'inside', color: '#fff', fontSize: 11 }, itemStyle: { color: '#005d7e', borderColor: '#fff', borderWidth: 2 }, tooltip: { show: false } },
        { type: 'pie', radius: ['70%', '83%'], startAngle: 90, clockwise: true, silent: true, data: weeks, label: { position: 'inside', color: '#212529', fontSize: 8 }, itemStyle: { color: '#e7f5ff', borderColor: '#fff', borderWidth: 1 }, tooltip: { show: false } },
        {
          type: 'scatter',
          coordinateSystem: 'polar',
          symbolSize: 10,
          data: cal.items.map((i, index) => {
            const label = labels.get(index);
            return {
              value: [points[index]?.ring ?? 0.2, points[index]?.day ?? 0],
              name: `${dk(i.startsOn)} ${i.title}`,
              short: label?.text ?? '',
              itemStyle: { color: KIND_COLOR[i.kind] ?? '#495057' },
              label: { show: label?.show ?? false, position: label?.position ?? 'right' },
            };
          }),
          // labels are SVG text (never HTML): the short title cut to fit, where there is room (wheel-labels.ts); the list has them all
          label: {
            distance: 4,
            fontSize: LABEL_FONT.size,
            fontFamily: LABEL_FONT.family,
            color: '#212529',
            formatter: (p: unknown) => (p as { data: { short: string } }).data.short,
          },
          // an item's title is the school's own text: escaped, since ECharts renders tooltips as HTML
          tooltip: { formatter: (p: unknown) => escapeHtml((p as { name: string }).name) },
        },
      ],
    } as EChartsOption;
  }, [cal, t, width]);
  return (
    <>
      <div ref={ref}>
        {chartsReady ? <EChart option={option} height={WHEEL_HEIGHT} label={t('calendar.wheelLabel', { count: cal.items.length })} /> : <div style={{ height: WHEEL_HEIGHT }} />}
      </div>
      <Group gap="lg" justify="center" aria-hidden>
        {Object.entries(KIND_COLOR).map(([kind, color]) => (
          <Group key={kind} gap={6}>
            <span style={{ width: 10, height: 10, borderRadius: 5, background: color, display: 'inline-block' }} />
            <Text size="sm">{t(`calendar.kinds.${kind}`)}</Text>
          </Group>
        ))}
      </Group>
    </>
  );
}
