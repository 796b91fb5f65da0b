import { useEffect, useRef } from 'react';
import type { EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import { chartLocale, localiseNumbers, numberFormat } from './chart-locale';

type Props = { option: EChartsOption; height: number; label: string };

/**
 * A tiny ECharts wrapper: renders into a div, resizes with it and is labelled for screen readers.
 * ECharts itself is fetched when the first chart mounts (a chunk of its own), so a page with a
 * chart shows its text first and draws the chart a moment later into the already sized box.
 * Month and day names and numbers follow the UI's language, not ECharts' English defaults.
 */
export function EChart({ option, height, label }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let dispose: (() => void) | null = null;
    let cancelled = false;
    void import('./echarts').then(({ init }) => {
      if (cancelled) return;
      // ECharts merges the parts we leave out (toolbox, legend selector, its own aria text) from English; no chart of ours uses them
      const locale = chartLocale(t) as unknown as NonNullable<Parameters<typeof init>[2]>['locale'];
      const chart = init(el, undefined, { renderer: 'svg', locale });
      chart.setOption(localiseNumbers(option, numberFormat(language)));
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
  }, [option, t, language]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
