import { readFileSync } from 'node:fs';
import type { EChartsOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { chartLocale, localiseNumbers, numberFormat } from './chart-locale';

/** A chart's month and day names and its numbers come from the UI's language, not ECharts' English. */
type Tree = { [k: string]: string | Tree };
const load = (l: string) => JSON.parse(readFileSync(new URL(`../locales/${l}.json`, import.meta.url), 'utf8')) as Tree;
const translator = (tree: Tree) => (key: string) => {
  const v = key.split('.').reduce<string | Tree | undefined>((n, p) => (typeof n === 'object' ? n[p] : undefined), tree);
  return typeof v === 'string' ? v : key;
};
// the names ECharts shows by default that Danish writes otherwise (Danish shares "Jan", "Feb", "Apr" …)
const ENGLISH = ['January', 'May', 'June', 'July', 'October', 'Oct', 'Monday', 'Sunday', 'Mon', 'Wed', 'Thu'];

describe('chart locale', () => {
  it('Danish month and day names, abbreviated as on the årshjul', () => {
    const { time } = chartLocale(translator(load('da')));
    expect(time.month).toHaveLength(12);
    expect(time.month[4]).toBe('Maj');
    expect(time.monthAbbr[9]).toBe('Okt');
    expect(time.dayOfWeek).toHaveLength(7);
    expect(time.dayOfWeek[1]).toBe('Mandag');
    expect(time.dayOfWeekAbbr[0]).toBe('Søn');
    for (const names of Object.values(time)) for (const name of names) expect(ENGLISH, name).not.toContain(name);
  });

  it('English in English', () => {
    const { time } = chartLocale(translator(load('en')));
    expect(time.monthAbbr[4]).toBe('May');
    expect(time.dayOfWeek[0]).toBe('Sunday');
  });

  it('numbers on value axes and in tooltips as the language writes them; a chart\'s own formatter and category axes are left alone', () => {
    const own = (v: unknown) => `${String(v)} pers.`;
    const option: EChartsOption = {
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', axisLabel: { color: '#495057' } },
      yAxis: [{ type: 'category', data: ['a'] }, { type: 'value', axisLabel: { formatter: own } }],
    };
    const out = localiseNumbers(option, numberFormat('da')) as { tooltip: { valueFormatter: (v: unknown) => string }; xAxis: { axisLabel: { color: string; formatter: (v: unknown) => string } }; yAxis: { axisLabel?: { formatter?: unknown } }[] };
    expect(out.xAxis.axisLabel.formatter(1234.5)).toBe('1.234,5');
    expect(out.xAxis.axisLabel.color).toBe('#495057');
    expect(out.tooltip.valueFormatter(0.25)).toBe('0,25');
    expect(out.yAxis[0]?.axisLabel?.formatter).toBeUndefined();
    expect(out.yAxis[1]?.axisLabel?.formatter).toBe(own);
    const en = localiseNumbers(option, numberFormat('en')) as typeof out;
    expect(en.xAxis.axisLabel.formatter(1234.5)).toBe('1,234.5');
  });
});
