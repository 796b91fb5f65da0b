import type { SurveyItemSnapshot } from '../../db/schema/index';
import { addCounts, type Counts } from './report-figures';
import { groupTable, type CellFigures } from './report-table';

/**
 * A round's report per group from its counts (pure: the caller chooses closed counts, live
 * published copies or nothing). Every figure comes from `groupTable`, so the anonymity rules are
 * applied once to the whole school; a department filter only picks rows afterwards.
 */
export type CountRow = { group: string; departmentKey: string; itemKey: string; counts: Counts };
export type RespondentRow = { group: string; departmentKey: string; respondents: number };
export type ReportSource = { items: SurveyItemSnapshot[]; groups: string[]; respondents: RespondentRow[]; totals: CountRow[] };

export type Figures = { school: CellFigures; departments: { key: string; cell: CellFigures }[] };
export type GroupReport = {
  group: string;
  respondents: number | null;
  departments: { key: string; respondents: number | null }[];
  areas: ({ area: string } & Figures)[];
  items: ({ key: string; area: string } & Figures)[];
};

/** The items a group was asked, in the questionnaire's order. */
export const itemsOf = (items: SurveyItemSnapshot[], group: string) => items.filter((i) => i.texts[group]);

export function buildGroupReport(src: ReportSource, group: string): GroupReport {
  const items = itemsOf(src.items, group);
  const areas = [...new Set(items.map((i) => i.area))];
  const deptKeys = [...new Set(src.respondents.filter((r) => r.group === group && r.respondents > 0).map((r) => r.departmentKey))].sort();
  const counts = new Map<string, Counts>();
  for (const t of src.totals) if (t.group === group) counts.set(`${t.departmentKey}|${t.itemKey}`, t.counts);
  const countOf = (dk: string, itemKey: string) => counts.get(`${dk}|${itemKey}`) ?? addCounts();
  const respondentsOf = (dk: string) => src.respondents.filter((r) => r.group === group && r.departmentKey === dk).reduce((s, r) => s + r.respondents, 0);
  const rows = deptKeys.map((dk) => ({
    key: dk,
    respondents: respondentsOf(dk),
    columns: [...items.map((i) => countOf(dk, i.key)), ...areas.map((a) => addCounts(...items.filter((i) => i.area === a).map((i) => countOf(dk, i.key))))],
  }));
  const table = groupTable(rows, items.length + areas.length);
  const figures = (k: number): Figures => ({
    school: table.school.cells[k] as CellFigures,
    departments: table.departments.map((d) => ({ key: d.key, cell: d.cells[k] as CellFigures })),
  });
  return {
    group,
    respondents: table.school.respondents,
    departments: table.departments.map((d) => ({ key: d.key, respondents: d.respondents })),
    items: items.map((i, k) => ({ key: i.key, area: i.area, ...figures(k) })),
    areas: areas.map((area, k) => ({ area, ...figures(items.length + k) })),
  };
}

/** The row a reader looks at: the school, or one department as the whole view shows it. */
export type RowKey = 'school' | { departmentKey: string };
export function cellAt(f: Figures, row: RowKey): CellFigures | null {
  if (row === 'school') return f.school;
  return f.departments.find((d) => d.key === row.departmentKey)?.cell ?? null;
}
export const meanAt = (f: Figures | undefined, row: RowKey): number | null => (f ? (cellAt(f, row)?.mean ?? null) : null);
