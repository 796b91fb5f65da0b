import { anonymousTable, isUniform, THRESHOLD, type Range, type TableCell } from '../../platform/anonymity';
import { addCounts, DONT_KNOW, meanOf, onScale, round2, scaleHistogram, type Counts } from './report-figures';

/**
 * One group's figures of one round, departments beside the school, shaped by the anonymity module
 * (docs/ANONYMITY.md) before any filter: a filtered view shows exactly what the whole view shows
 * for that department (rule 5), so no combination of filters shows more than the whole.
 *
 * Each item and each area is a column of `anonymousTable` over six levels (1–5 and "ved ikke"):
 * rows under the threshold, cells where everyone answered alike, and what subtraction from the
 * school would reveal are hidden there. A mean is shown only in a shown cell whose answers on the
 * scale are themselves at least the threshold and not all alike, and only while the hidden means
 * together (the school's minus the shown) are safe by the same rule; otherwise the smallest shown
 * mean is hidden too. "Ønsker ikke at svare" is counted nowhere.
 */
export const LEVELS = 6;

export type CellFigures = { mean: number | null; distribution: Range[] | null; dontKnowShare: number | null };
export type RowFigures<K extends string> = { key: K; respondents: number | null; cells: CellFigures[] };
export type GroupTable = { school: RowFigures<'school'>; departments: RowFigures<string>[] };

export type DepartmentCounts = { key: string; respondents: number; columns: Counts[] };

const histogram6 = (c: Counts) => [...scaleHistogram(c), c[DONT_KNOW] ?? 0];
const HIDDEN: CellFigures = { mean: null, distribution: null, dontKnowShare: null };

/** "Ved ikke" as a share, only where the distribution shows it as a range of its own. */
function dontKnowShare(distribution: Range[]): number | null {
  const own = distribution.find((r) => r.from === DONT_KNOW && r.to === DONT_KNOW);
  const all = distribution.reduce((s, r) => s + r.count, 0);
  return own && all ? round2(own.count / all) : null;
}

const meanSafe = (c: Counts) => onScale(c) >= THRESHOLD && !isUniform(scaleHistogram(c));

/**
 * Which of a column's candidate means may be shown beside the total: the candidates that are safe
 * on their own, then while the rest (total minus shown) is not safe, the smallest shown is hidden.
 */
function shownMeans(total: Counts, rows: { key: string; counts: Counts; candidate: boolean }[]): { keys: Set<string>; total: boolean } {
  if (!meanSafe(total)) return { keys: new Set(), total: false };
  const shown = new Set(rows.filter((r) => r.candidate && meanSafe(r.counts)).map((r) => r.key));
  for (;;) {
    const rest = addCounts(...rows.filter((r) => !shown.has(r.key)).map((r) => r.counts));
    if (onScale(rest) === 0 || meanSafe(rest)) return { keys: shown, total: true };
    const next = rows.filter((r) => shown.has(r.key)).sort((a, b) => onScale(a.counts) - onScale(b.counts) || a.key.localeCompare(b.key))[0];
    if (!next) return { keys: shown, total: true };
    shown.delete(next.key);
  }
}

/** The table of one group: `columns` are the items' (or areas') counts in the same order in every row. */
export function groupTable(rows: DepartmentCounts[], columns: number): GroupTable {
  const table = anonymousTable(
    rows.map((r) => ({ key: r.key, count: r.respondents, value: r, histograms: r.columns.map(histogram6) })),
    LEVELS,
  );
  const totals = Array.from({ length: columns }, (_, k) => addCounts(...rows.map((r) => r.columns[k] ?? [])));
  const cellOf = (c: TableCell | undefined): CellFigures | null => (c && !c.suppressed ? { mean: null, distribution: c.distribution, dontKnowShare: dontKnowShare(c.distribution) } : null);
  const shownRows = new Map(table.rows.flatMap((r) => (r.suppressed ? [] : [[r.key, r] as const])));
  const means = totals.map((total, k) =>
    shownMeans(
      total,
      rows.map((r) => {
        const tr = shownRows.get(r.key);
        return { key: r.key, counts: r.columns[k] ?? [], candidate: !!tr && !tr.cells[k]?.suppressed };
      }),
    ),
  );
  const withMean = (cell: CellFigures | null, counts: Counts, shown: boolean): CellFigures => {
    if (!cell) return HIDDEN;
    const m = shown ? meanOf(counts) : null;
    return { ...cell, mean: m === null ? null : round2(m) };
  };
  const school: RowFigures<'school'> = table.total.suppressed
    ? { key: 'school', respondents: null, cells: totals.map(() => HIDDEN) }
    : {
        key: 'school',
        respondents: table.total.count,
        cells: totals.map((t, k) => withMean(cellOf(table.total.suppressed ? undefined : table.total.cells[k]), t, means[k]?.total === true)),
      };
  const departments = rows.map((r): RowFigures<string> => {
    const tr = shownRows.get(r.key);
    if (!tr) return { key: r.key, respondents: null, cells: r.columns.map(() => HIDDEN) };
    return { key: r.key, respondents: tr.count, cells: r.columns.map((c, k) => withMean(cellOf(tr.cells[k]), c, means[k]?.keys.has(r.key) === true)) };
  });
  return { school, departments };
}
