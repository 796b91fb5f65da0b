import type { z } from 'zod';
import type { ZReportCell, ZSurveyReport } from '../../../shared/api/surveys-report';
import { toCsv } from '../../platform/csv';
import { translate, type Locale } from '../../platform/messages';

type Report = z.output<typeof ZSurveyReport>;
type Cell = z.output<typeof ZReportCell>;

/** A level range of the distribution in words: "1–2", "5", "ved ikke", "4–ved ikke". */
export function rangeLabel(from: number, to: number, locale: Locale): string {
  const level = (l: number) => (l === 5 ? translate(locale, 'surveys.report.dontKnowShort') : String(l + 1));
  return from === to ? level(from) : `${level(from)}–${level(to)}`;
}
export const distributionText = (c: Cell, locale: Locale) =>
  (c.distribution ?? []).filter((r) => r.count > 0).map((r) => `${rangeLabel(r.from, r.to, locale)}: ${r.count}`).join(' | ');
const number = (n: number | null, locale: Locale) => (n === null ? '' : new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 2 }).format(n));

/**
 * The report's figures as CSV (semicolon, UTF-8 with BOM for Danish Excel), in the reader's
 * language: one line per group × area or item × the school and each department shown. Only what
 * the report shows; a hidden figure is an empty cell. Cells pass the formula guard of platform/csv.
 */
export function reportCsv(report: Report, locale: Locale): string {
  const t = (k: string) => translate(locale, `surveys.report.csv.${k}`);
  const header = [t('group'), t('kind'), t('area'), t('key'), t('text'), t('row'), t('respondents'), t('mean'), t('distribution'), t('dontKnow')];
  const lines: (string | number | null)[][] = [header];
  for (const g of report.groups) {
    const group = translate(locale, `surveys.report.group.${g.group}`);
    const deptName = (id: string | null) => g.departments.find((d) => d.departmentId === id)?.name || translate(locale, 'surveys.report.noDepartment');
    const deptRespondents = (id: string | null) => g.departments.find((d) => d.departmentId === id)?.respondents ?? null;
    const emit = (kind: string, area: string, key: string, text: string, school: Cell, departments: { departmentId: string | null; cell: Cell }[]) => {
      const rows = [
        { name: t('school'), respondents: g.respondents, cell: school },
        ...departments.map((d) => ({ name: deptName(d.departmentId), respondents: deptRespondents(d.departmentId), cell: d.cell })),
      ];
      for (const r of rows) {
        lines.push([group, kind, area, key, text, r.name, r.respondents, number(r.cell.mean, locale), distributionText(r.cell, locale), number(r.cell.dontKnowShare, locale)]);
      }
    };
    for (const a of g.areas) emit(t('areaRow'), a.title[locale], '', a.title[locale], a.school, a.departments);
    for (const i of g.items) {
      const area = g.areas.find((a) => a.area === i.area)?.title[locale] ?? i.area;
      emit(t('itemRow'), area, i.key, i.text[locale], i.school, i.departments);
    }
  }
  return toCsv(lines, { bom: true, separator: ';' });
}
