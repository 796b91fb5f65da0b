import type { z } from 'zod';
import type { ZDialogueResults } from '../../../shared/api/dialogue-results';
import { toCsv } from '../../platform/csv';
import { translate, type Locale } from '../../platform/messages';
import { countsPerTenth, TENTHS } from './results-compute';

type Results = z.output<typeof ZDialogueResults>;

/** "0–9", "10–19", …, "90–100": the tenths of the scale the CSV counts in. */
export const tenthLabels = () => Array.from({ length: TENTHS }, (_, k) => `${k * 10}–${k === TENTHS - 1 ? 100 : k * 10 + 9}`);
const number = (n: number | null | undefined, locale: Locale) => (n === null || n === undefined ? '' : new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 }).format(n));

/**
 * A session's results as CSV (semicolon, UTF-8 with BOM for Danish Excel), in the reader's
 * language: one line per pair × slider with its answer count, median and the answers counted per
 * tenth of the scale, and the shift. No participant, no time; a slider under the threshold has its
 * count only (what the results page shows).
 */
export function resultsCsv(r: Results, locale: Locale): string {
  const t = (k: string) => translate(locale, `dialogue.results.csv.${k}`);
  const text = (x: { da: string; en: string }) => (locale === 'en' && x.en ? x.en : x.da);
  const boundary = (key: string | null) => {
    const b = r.boundaries.find((x) => x.key === key);
    return b ? text(b.name) : '';
  };
  const lines: (string | number | null)[][] = [[t('pairKey'), t('pair'), t('boundary'), t('slider'), t('answers'), t('median'), t('shift'), ...tenthLabels()]];
  for (const i of r.items) {
    for (const slider of ['now', 'wanted'] as const) {
      const s = i[slider];
      const tenths = s.shown ? countsPerTenth(s.values ?? []) : Array.from({ length: TENTHS }, () => null);
      lines.push([i.pairKey, `${text(i.left)} – ${text(i.right)}`, boundary(i.boundary), t(slider), s.count, s.shown ? number(s.median, locale) : '', number(i.shift, locale), ...tenths]);
    }
  }
  return toCsv(lines, { bom: true, separator: ';' });
}
