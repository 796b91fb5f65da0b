import { useEffect, useRef } from 'react';
import type { EChartsOption } from 'echarts';

type Props = { option: EChartsOption; height: number; label: string };

/**
 * A tiny ECharts wrapper: renders into a div, resizes with it and is labelled for screen readers.
 * ECharts itself is fetched when the first chart mounts (a chunk of its own), so a page with a
 * chart shows its text first and draws the chart a moment later into the already sized box.
 */
export function EChart({ option, height, label }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let dispose: (() => void) | null = null;
    let cancelled = false;
    void import('./echarts').then(({ init }) => {
      if (cancelled) return;
      const chart = init(el, undefined, { renderer: 'svg' });
      chart.setOption(option);
      const observer = new ResizeObserver(() => chart.resize());
      observer.observe(el);
      dispose = () => {
        observer.disconnect();
        chart.dispose();
      };
    });
    return () => {
      cancelled = true;
      dispose?.();
    };
  }, [option]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
