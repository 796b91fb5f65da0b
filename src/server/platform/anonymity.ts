/**
 * The anonymity module (ARCHITECTURE rule 5, docs/ANONYMITY.md). Every aggregate of people's
 * answers is shaped here before it leaves the server:
 *
 * - A group is shown only from `THRESHOLD` people (10 for free text).
 * - A group whose people all gave the same answer (all at one level, all the same rating) is hidden
 *   (in a table: that cell): its mean or distribution would tell each member's answer.
 * - What the shown groups and the total let a reader subtract (the residual: all hidden groups
 *   together) must itself be safe by the same two rules; if it is not, more groups are hidden,
 *   smallest first. So no hidden group can be recovered by subtraction, whatever set is hidden.
 * - Distributions are shown as ranges of levels: one partition of the scale per measure, the same
 *   for every row of a response and for the residual, coarse enough that each range holds no one
 *   or at least `THRESHOLD` people in every row. So no bucket of 1–2 people appears, and rows can
 *   be subtracted from one another bucket by bucket without revealing a small bucket either.
 * How results of an open round may change over time (in steps) is kept by the feature that
 * stores them (competence: `publish.ts`), with `THRESHOLD` from here.
 */
export const THRESHOLD = 5;
export const FREE_TEXT_THRESHOLD = 10;

/** People per level (index = level) for one measure, e.g. one competence area. */
export type Histogram = number[];
/** A group of a response: its people count, its value, and one histogram per measure (optional). */
export type Group<T> = { key: string; count: number; value: T; histograms?: Histogram[] };
export type Cell<T> = { key: string; suppressed: false; count: number; value: T } | { key: string; suppressed: true };
export type Range = { from: number; to: number; count: number };

/** Everyone in the histogram is at one level. */
export const isUniform = (h: Histogram): boolean => h.filter((n) => n > 0).length === 1;

const unsafe = (count: number, histograms: Histogram[] | undefined, threshold: number) =>
  (count > 0 && count < threshold) || (count > 0 && (histograms ?? []).some(isUniform));

function combine(groups: { count: number; histograms?: Histogram[] | undefined }[]): { count: number; histograms: Histogram[] } {
  const histograms: Histogram[] = [];
  for (const g of groups) {
    (g.histograms ?? []).forEach((h, k) => {
      const acc = histograms[k] ?? (histograms[k] = []);
      h.forEach((n, level) => (acc[level] = (acc[level] ?? 0) + n));
    });
  }
  return { count: groups.reduce((s, g) => s + g.count, 0), histograms };
}

/**
 * Which groups of one partition (e.g. departments of a school, schools of a network) may be shown
 * beside their total, and whether the total may be shown.
 */
export function suppress<T>(groups: Group<T>[], threshold: number = THRESHOLD): { cells: Cell<T>[]; totalShown: boolean } {
  const total = combine(groups);
  if (unsafe(total.count, total.histograms, threshold) || total.count === 0) {
    return { cells: groups.map((g) => ({ key: g.key, suppressed: true })), totalShown: false };
  }
  const hidden = new Set(groups.filter((g) => unsafe(g.count, g.histograms, threshold)).map((g) => g.key));
  for (;;) {
    const residual = combine(groups.filter((g) => hidden.has(g.key)));
    if (residual.count === 0 || !unsafe(residual.count, residual.histograms, threshold)) break;
    const next = groups.filter((g) => !hidden.has(g.key) && g.count > 0).sort((a, b) => a.count - b.count || a.key.localeCompare(b.key))[0];
    if (!next) break;
    hidden.add(next.key);
  }
  return {
    cells: groups.map((g) => (hidden.has(g.key) ? { key: g.key, suppressed: true } : { key: g.key, suppressed: false, count: g.count, value: g.value })),
    totalShown: true,
  };
}

/**
 * One partition of the levels 0..n-1 into ranges, shared by the given rows (shown rows, the
 * total, the residual), such that every range holds 0 or at least `threshold` people in each row.
 * Starts from single levels and merges the offending range with its emptier neighbour.
 */
export function commonRanges(rows: Histogram[], levels: number, threshold: number = THRESHOLD): [number, number][] {
  let parts: [number, number][] = Array.from({ length: levels }, (_, l) => [l, l]);
  const sumIn = (h: Histogram, [a, b]: [number, number]) => h.slice(a, b + 1).reduce((s, n) => s + n, 0);
  const across = (p: [number, number]) => rows.reduce((s, h) => s + sumIn(h, p), 0);
  for (;;) {
    const bad = parts.findIndex((p) => rows.some((h) => ((n) => n > 0 && n < threshold)(sumIn(h, p))));
    if (bad < 0 || parts.length === 1) return parts;
    const left = bad > 0 ? bad - 1 : -1;
    const right = bad < parts.length - 1 ? bad + 1 : -1;
    const other = left < 0 ? right : right < 0 ? left : across(parts[left] as [number, number]) <= across(parts[right] as [number, number]) ? left : right;
    const [i, j] = [Math.min(bad, other), Math.max(bad, other)];
    const merged: [number, number] = [(parts[i] as [number, number])[0], (parts[j] as [number, number])[1]];
    parts = [...parts.slice(0, i), merged, ...parts.slice(j + 1)];
  }
}

export const rangesOf = (h: Histogram, parts: [number, number][]): Range[] =>
  parts.map(([from, to]) => ({ from, to, count: h.slice(from, to + 1).reduce((s, n) => s + n, 0) }));

export type TableCell = { suppressed: true } | { suppressed: false; distribution: Range[] };
export type TableRow<T> = { key: string; suppressed: true } | { key: string; suppressed: false; count: number; value: T; cells: TableCell[] };
export type Table<T> = {
  rows: TableRow<T>[];
  total: { suppressed: true } | { suppressed: false; count: number; cells: TableCell[] };
};

/**
 * A response of rows × measures and their total (a heatmap, a network view). Rows are first shown
 * or hidden by their people count (`suppress`). Then, in each measure's column, a cell where all
 * of the row's people are at one level is hidden, and more cells of that column (smallest rows
 * first) while the column's residual (hidden rows and cells together) would be all at one level.
 * Each shown cell's distribution is given as ranges shared by the column's shown cells, its total
 * and its residual.
 */
export function anonymousTable<T>(groups: Group<T>[], levels: number, threshold: number = THRESHOLD): Table<T> {
  const { cells: rowCells, totalShown } = suppress(
    groups.map(({ histograms: _h, ...g }) => g),
    threshold,
  );
  const shownRows = groups.filter((g) => rowCells.some((c) => c.key === g.key && !c.suppressed));
  const measures = Math.max(0, ...groups.map((g) => g.histograms?.length ?? 0));
  const total = combine(groups);
  const hist = (g: Group<T>, k: number): Histogram => g.histograms?.[k] ?? [];
  const columns = Array.from({ length: measures }, (_, k) => {
    const hiddenCells = new Set(shownRows.filter((g) => isUniform(hist(g, k))).map((g) => g.key));
    let residual: Histogram = [];
    for (;;) {
      residual = combine(groups.filter((g) => !shownRows.includes(g) || hiddenCells.has(g.key)).map((g) => ({ count: g.count, histograms: [hist(g, k)] }))).histograms[0] ?? [];
      if (!isUniform(residual)) break;
      const next = shownRows.filter((g) => !hiddenCells.has(g.key) && g.count > 0).sort((a, b) => a.count - b.count || a.key.localeCompare(b.key))[0];
      if (!next) break;
      hiddenCells.add(next.key);
    }
    const totalHist = total.histograms[k] ?? [];
    const totalCellShown = totalShown && !isUniform(totalHist) && !isUniform(residual);
    const visible = shownRows.filter((g) => !hiddenCells.has(g.key));
    const parts = commonRanges([...visible.map((g) => hist(g, k)), ...(totalCellShown ? [totalHist, residual] : [])], levels, threshold);
    return { hiddenCells, parts, totalCellShown, totalHist };
  });
  const cellOf = (h: Histogram, hidden: boolean, parts: [number, number][]): TableCell => (hidden ? { suppressed: true } : { suppressed: false, distribution: rangesOf(h, parts) });
  return {
    rows: rowCells.map((c) => {
      if (c.suppressed) return c;
      const g = groups.find((x) => x.key === c.key) as Group<T>;
      return { ...c, cells: columns.map((col, k) => cellOf(hist(g, k), col.hiddenCells.has(g.key), col.parts)) };
    }),
    total: totalShown ? { suppressed: false, count: total.count, cells: columns.map((col) => cellOf(col.totalHist, !col.totalCellShown, col.parts)) } : { suppressed: true },
  };
}

/**
 * A single aggregate under a filter (a course's evaluations, one group's answers): shown only when
 * the group is large enough and, given its answers' histogram, not all alike.
 */
export function showAggregate(count: number, freeText = false, histogram?: Histogram): boolean {
  if (count < (freeText ? FREE_TEXT_THRESHOLD : THRESHOLD)) return false;
  return !(histogram && isUniform(histogram));
}

/**
 * Dialogue sliders (docs/dialogue.md, "Privacy"): a slider's distribution (its sorted values, no
 * participant, no time) and median are shown only from `DIALOGUE_THRESHOLD` answers; under it the
 * count alone. Workshops are small groups answering together in one room, where the facilitator
 * shows a distribution to discuss it, so the threshold is lower than a survey's.
 */
export const DIALOGUE_THRESHOLD = 3;

export type DialogueSlider = { count: number; shown: boolean; values?: number[]; median?: number };

/** The median of sorted values (the mean of the middle two for an even count). */
export function medianOf(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? 0) + hi) / 2;
}

/** One slider as a view may see it: `revealed` false (the facilitator has not shown it to this view) gives the count alone. */
export function dialogueSlider(values: number[], revealed = true): DialogueSlider {
  const count = values.length;
  if (!revealed || count < DIALOGUE_THRESHOLD) return { count, shown: false };
  const sorted = [...values].sort((a, b) => a - b);
  return { count, shown: true, values: sorted, median: medianOf(sorted) };
}

/**
 * Asynchronous sessions with live results are read from a published copy (as competence's open
 * rounds, "Over time" in docs/ANONYMITY.md). The copy is replaced by the live answers only once at
 * least `DIALOGUE_THRESHOLD` participants have answered or changed an answer since the last copy,
 * so the difference between two readings is the work of at least that many people.
 */
export function dialogueCopyMoves(participantsChangedSinceCopy: number): boolean {
  return participantsChangedSinceCopy >= DIALOGUE_THRESHOLD;
}
