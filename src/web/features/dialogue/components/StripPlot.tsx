import { useEffect, useRef, useState } from 'react';
import { Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** One slider's distribution as the server sends it: the sorted values only when shown, the count always. */
export type Distribution = { count: number; values: number[] | null; median: number | null };

type Props = {
  /** What the slider asks ("Hvor er vi nu?"). */
  title: string;
  left: string;
  right: string;
  dist: Distribution;
  color: string;
  /** The big screen: larger dots and text, readable from the back of a room. */
  large?: boolean;
  testId?: string;
};

/** The height the stacked dots may take, in pixels. */
const MAX_STACK = 140;
const MAX_STACK_LARGE = 220;

/** The box's width in pixels, so that the dots keep their size on a phone and on a projector. */
function useWidth() {
  const ref = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry?.contentRect.width ?? 0)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/**
 * A light SVG strip plot: every answer a dot between the two poles, equal answers stacked, the
 * median a dashed line (its value in the line above). Drawn without ECharts so that the live views redraw many times a second cheaply.
 * Under the anonymity threshold the server sends no values and only the count is shown.
 */
export function StripPlot({ title, left, right, dist, color, large = false, testId }: Props) {
  const { t } = useTranslation();
  const { ref, width: measured } = useWidth();
  const width = Math.max(measured, 200);
  const r = large ? 14 : 8;
  const pad = r + 2;
  const x = (v: number) => pad + (v / 100) * (width - 2 * pad);
  const stacks = new Map<number, number>();
  const dots = (dist.values ?? []).map((v) => {
    // dots that would overlap share a column and are stacked, so every answer is seen
    const bin = Math.round(x(v) / (2 * r));
    const level = stacks.get(bin) ?? 0;
    stacks.set(bin, level + 1);
    return { v, level, cx: bin * 2 * r };
  });
  const levels = Math.max(1, ...dots.map((d) => d.level + 1));
  // a tall column (a whole room agreeing) is packed closer rather than pushing the page down
  const step = Math.min(2 * r, (large ? MAX_STACK_LARGE : MAX_STACK) / levels);
  const baseline = 12 + (levels - 1) * step + 2 * r;
  const height = baseline + 12;
  const fz = large ? 'clamp(18px, 2.2vw, 30px)' : 'sm';
  const label =
    dist.values === null
      ? t('dialogue.plot.hiddenLabel', { title, count: dist.count })
      : t('dialogue.plot.label', { title, count: dist.count, median: dist.median ?? '–', left, right });
  return (
    <Box data-testid={testId} data-count={dist.count} data-shown={dist.values !== null}>
      <Group justify="space-between" align="baseline" gap="xs" wrap="wrap">
        <Text fw={700} fz={large ? 'clamp(22px, 2.8vw, 40px)' : 'md'}>
          {title}
        </Text>
        <Text fz={fz} c="dimmed">
          {dist.values === null ? t('dialogue.plot.hidden', { count: dist.count }) : t('dialogue.plot.summary', { count: dist.count, median: dist.median ?? '–' })}
        </Text>
      </Group>
      <svg ref={ref} width="100%" height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} style={{ display: 'block' }}>
        <line x1={x(0)} x2={x(100)} y1={baseline} y2={baseline} stroke="var(--mantine-color-gray-6)" strokeWidth={2} />
        {[0, 25, 50, 75, 100].map((tick) => (
          <line key={tick} x1={x(tick)} x2={x(tick)} y1={baseline - 6} y2={baseline + 6} stroke="var(--mantine-color-gray-6)" strokeWidth={2} />
        ))}
        {dots.map((d, i) => (
          <circle key={i} cx={Math.min(Math.max(d.cx, pad), width - pad)} cy={baseline - r - d.level * step} r={r * 0.9} fill={color} fillOpacity={0.85} />
        ))}
        {dist.values !== null && dist.median !== null ? (
          <line x1={x(dist.median)} x2={x(dist.median)} y1={2} y2={baseline + 10} stroke="var(--mantine-color-dark-9)" strokeWidth={large ? 5 : 3} strokeDasharray={large ? '10 5' : '6 3'} />
        ) : null}
      </svg>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Text fz={fz} maw="45%">
          {left}
        </Text>
        <Text fz={fz} maw="45%" ta="right">
          {right}
        </Text>
      </Group>
    </Box>
  );
}
