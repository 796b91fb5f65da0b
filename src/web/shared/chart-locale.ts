import type { EChartsOption } from 'echarts';

type Translate = (key: string) => string;

/** ECharts' own words as `init(el, theme, { locale })` takes them: the parts our charts can show. */
export type ChartLocale = { time: { month: string[]; monthAbbr: string[]; dayOfWeek: string[]; dayOfWeekAbbr: string[] } };

const abbreviation = (name: string) => name.slice(0, 3);

/**
 * The month and day names a time axis or its tooltip shows, from the locale files (ECharts'
 * default is English: "May", "Oct", "Monday"). The abbreviations are the first three letters, as
 * on the årshjul's month ring.
 */
export function chartLocale(t: Translate): ChartLocale {
  const month = Array.from({ length: 12 }, (_, i) => t(`months.${i + 1}`));
  const dayOfWeek = Array.from({ length: 7 }, (_, i) => t(`weekdays.${i}`));
  return { time: { month, monthAbbr: month.map(abbreviation), dayOfWeek, dayOfWeekAbbr: dayOfWeek.map(abbreviation) } };
}

/** Numbers as the language writes them (Danish: 1.234,5), for value axes and tooltips. */
export const numberFormat = (language: string) => new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'da-DK', { maximumFractionDigits: 2 });

type Axis = { type?: string; axisLabel?: { formatter?: unknown } & Record<string, unknown> } & Record<string, unknown>;
type AxisKey = 'xAxis' | 'yAxis' | 'radiusAxis' | 'angleAxis' | 'singleAxis';
const AXES: AxisKey[] = ['xAxis', 'yAxis', 'radiusAxis', 'angleAxis', 'singleAxis'];

const formatValue = (format: Intl.NumberFormat) => (value: unknown) => (typeof value === 'number' ? format.format(value) : String(value ?? ''));

/**
 * The option with ECharts' English number format (1,234.5) replaced where the chart did not
 * choose its own: the labels of value axes and the values in tooltips.
 */
export function localiseNumbers(option: EChartsOption, format: Intl.NumberFormat): EChartsOption {
  const out: Record<string, unknown> = { ...option };
  const axis = (a: Axis): Axis => (a.type === 'value' && !a.axisLabel?.formatter ? { ...a, axisLabel: { ...a.axisLabel, formatter: formatValue(format) } } : a);
  for (const key of AXES) {
    const value = out[key] as Axis | Axis[] | undefined;
    if (value) out[key] = Array.isArray(value) ? value.map(axis) : axis(value);
  }
  const tooltip = out.tooltip as Record<string, unknown> | undefined;
  if (tooltip && !Array.isArray(tooltip) && !tooltip.formatter && !tooltip.valueFormatter) out.tooltip = { ...tooltip, valueFormatter: formatValue(format) };
  return out as EChartsOption;
}
