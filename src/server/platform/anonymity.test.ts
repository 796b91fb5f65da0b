import { describe, expect, it } from 'vitest';
import { DIALOGUE_THRESHOLD, THRESHOLD, anonymousTable, dialogueCopyMoves, dialogueSlider, commonRanges, showAggregate, suppress, type Group, type Histogram, type Range } from './anonymity';

const LEVELS = 7;
const g = (key: string, count: number) => ({ key, count, value: count * 2 });
const shown = (r: ReturnType<typeof suppress>) => r.cells.filter((c) => !c.suppressed).map((c) => c.key);
const hist = (levels: number[]): Histogram => levels.reduce((h, l) => ((h[l] = (h[l] ?? 0) + 1), h), Array<number>(LEVELS).fill(0));

/** Seeded pseudo-random numbers, so that a failing configuration can be reproduced. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0), s / 2 ** 32);
}

type Pattern = (dept: number, size: number, measure: number) => number[];
const patterns: Record<string, Pattern> = {
  everyoneAlike: (_d, size) => Array(size).fill(3),
  alikePerDepartment: (d, size) => Array(size).fill(d * 2),
  spread: (d, size, m) => Array.from({ length: size }, (_, i) => (i * 3 + d + m) % LEVELS),
  twoLevels: (d, size, m) => Array.from({ length: size }, (_, i) => (i % 2 === 0 ? m % LEVELS : 6 - d)),
  random: (d, size, m) => ((r) => Array.from({ length: size }, () => Math.floor(r() * LEVELS)))(rng(d * 7919 + size * 104729 + m * 31)),
};

/**
 * What a reader learns from one response and the department sizes (assumed known: the completion
 * view and the staff list tell them): each shown row, the total, and by subtraction the residual
 * (all hidden departments together), each as counts per range. Fails when any of these holds a
 * range of 1–4 people, when any shows everyone at one level, or when a hidden department's
 * people are forced into one level.
 */
function assertNothingDerivable(sizes: number[], levelsOf: Pattern, measures: number) {
  const groups: Group<null>[] = sizes.map((size, d) => ({
    key: `d${d}`,
    count: size,
    value: null,
    histograms: Array.from({ length: measures }, (_, m) => hist(levelsOf(d, size, m))),
  }));
  const table = anonymousTable(groups, LEVELS);
  const context = `sizes ${sizes.join(',')}`;
  const shownRows = table.rows.filter((r): r is Extract<typeof r, { suppressed: false }> => !r.suppressed);
  const isSafe = (ranges: Range[], count: number) => {
    expect(count === 0 || count >= THRESHOLD, context).toBe(true);
    for (const r of ranges) expect(r.count === 0 || r.count >= THRESHOLD, `${context}: range ${r.from}-${r.to} holds ${r.count}`).toBe(true);
    const occupied = ranges.filter((r) => r.count > 0);
    if (occupied.length === 1 && occupied[0]) expect(occupied[0].from < occupied[0].to, `${context}: everyone at level ${occupied[0].from}`).toBe(true);
  };
  for (const row of shownRows) for (const cell of row.cells) if (!cell.suppressed) isSafe(cell.distribution, row.count);
  // Without the total nothing can be subtracted; the shown cells alone must be safe, checked above.
  if (table.total.suppressed) return;
  const total = table.total;
  for (let m = 0; m < measures; m++) {
    const totalCell = total.cells[m];
    if (!totalCell || totalCell.suppressed) continue;
    const shownHere = shownRows.filter((r) => r.cells[m]?.suppressed === false);
    const ranges = (r: (typeof shownRows)[number]) => (r.cells[m] as { distribution: Range[] }).distribution;
    // Every shown cell of the column uses the total's ranges, so subtraction works range by range.
    for (const row of shownHere) expect(ranges(row).map((r) => [r.from, r.to]), context).toEqual(totalCell.distribution.map((r) => [r.from, r.to]));
    const residualCount = total.count - shownHere.reduce((s, r) => s + r.count, 0);
    const residual = totalCell.distribution.map((r, i) => ({ ...r, count: r.count - shownHere.reduce((s, row) => s + (ranges(row)[i]?.count ?? 0), 0) }));
    isSafe(residual, residualCount);
    // A hidden row or cell of n people: how many of them must be at one level. One under the
    // threshold may have none forced; a larger one (hidden with the others) must keep at least
    // THRESHOLD of its people undetermined.
    const hiddenSizes = table.rows.filter((r) => r.suppressed || r.cells[m]?.suppressed).map((r) => sizes[Number(r.key.slice(1))] ?? 0);
    expect(residualCount, context).toBe(hiddenSizes.reduce((s, n) => s + n, 0));
    for (const n of hiddenSizes.filter((x) => x > 0)) {
      for (const [i, r] of residual.entries()) {
        if (r.from !== r.to) continue;
        const elsewhere = residual.reduce((s, x, j) => (j === i ? s : s + x.count), 0);
        const forced = Math.max(0, n - elsewhere);
        expect(forced === 0 || forced <= n - THRESHOLD, `${context}: ${forced} of a hidden group of ${n} are forced to level ${r.from}`).toBe(true);
      }
    }
  }
}

describe('anonymity', () => {
  it('shows every group at or above the threshold', () => {
    expect(shown(suppress([g('a', 5), g('b', 9)]))).toEqual(['a', 'b']);
  });

  it('hides a group below the threshold and, complementarily, the next-smallest group', () => {
    const r = suppress([g('a', 3), g('b', 6), g('c', 20)]);
    expect(shown(r)).toEqual(['c']);
    expect(r.totalShown).toBe(true);
  });

  it('hides more groups when the hidden ones together are still too few to be subtracted safely', () => {
    // Two departments of one person and one of six: the total minus the six would give the two.
    const r = suppress([g('a', 1), g('b', 1), g('c', 6)]);
    expect(shown(r)).toEqual([]);
    expect(r.totalShown).toBe(true);
    // Two hidden groups of 3 and 4 are 7 together: safe to leave the rest shown.
    expect(shown(suppress([g('a', 3), g('b', 4), g('c', 20), g('d', 7)]))).toEqual(['c', 'd']);
  });

  it('hides a group whose people all gave the same answer, and the total when everyone did', () => {
    const groups = [
      { key: 'a', count: 6, value: 0, histograms: [hist([0, 0, 0, 0, 0, 0])] },
      { key: 'b', count: 6, value: 0, histograms: [hist([1, 2, 3, 1, 2, 3])] },
      { key: 'c', count: 7, value: 0, histograms: [hist([2, 2, 4, 5, 1, 1, 3])] },
    ];
    expect(shown(suppress(groups))).toEqual(['c']);
    const alike = suppress([{ key: 'a', count: 9, value: 0, histograms: [hist(Array(9).fill(4))] }]);
    expect(alike.totalShown).toBe(false);
  });

  it('hides everything when the total is below the threshold', () => {
    const r = suppress([g('a', 2), g('b', 2)]);
    expect(shown(r)).toEqual([]);
    expect(r.totalShown).toBe(false);
  });

  it('treats empty groups as revealing nothing', () => {
    expect(shown(suppress([g('a', 0), g('b', 6), g('c', 8)]))).toEqual(['a', 'b', 'c']);
  });

  it('uses a higher threshold for free text, and hides a single aggregate where all answered alike', () => {
    expect(shown(suppress([g('a', 9), g('b', 12), g('c', 15)], 10))).toEqual(['c']);
    expect(showAggregate(9, true)).toBe(false);
    expect(showAggregate(10, true)).toBe(true);
    expect(showAggregate(4)).toBe(false);
    expect(showAggregate(5)).toBe(true);
    expect(showAggregate(6, false, [0, 0, 0, 0, 6])).toBe(false);
    expect(showAggregate(6, false, [0, 0, 0, 1, 5])).toBe(true);
  });

  it('merges levels into ranges until each holds no one or at least the threshold, in every row', () => {
    expect(commonRanges([[5, 5, 5, 5, 5, 5, 5]], 7)).toEqual([0, 1, 2, 3, 4, 5, 6].map((l) => [l, l]));
    const parts = commonRanges([[1, 2, 6, 0, 0, 3, 3], [0, 0, 5, 0, 0, 0, 5]], 7);
    for (const h of [[1, 2, 6, 0, 0, 3, 3], [0, 0, 5, 0, 0, 0, 5]])
      for (const [a, b] of parts) expect(((n) => n === 0 || n >= 5)(h.slice(a, b + 1).reduce((s, x) => s + x, 0))).toBe(true);
    expect(parts.length).toBeGreaterThan(1);
  });

  it('lets no individual level be derived, for every configuration of up to 4 departments of 0–7 people', () => {
    let checked = 0;
    for (const [name, pattern] of Object.entries(patterns)) {
      for (let departments = 1; departments <= 4; departments++) {
        for (let code = 0; code < 8 ** departments; code++) {
          const sizes = Array.from({ length: departments }, (_, d) => Math.floor(code / 8 ** d) % 8);
          assertNothingDerivable(sizes, pattern, name === 'random' || name === 'spread' ? 2 : 1);
          checked++;
        }
      }
    }
    expect(checked).toBe(5 * (8 + 64 + 512 + 4096));
  });
});

describe('dialogue sliders', () => {
  it('shows the count alone under DIALOGUE_THRESHOLD answers, and the sorted values and median from it', () => {
    expect(DIALOGUE_THRESHOLD).toBe(3);
    expect(dialogueSlider([])).toEqual({ count: 0, shown: false });
    expect(dialogueSlider([40, 10])).toEqual({ count: 2, shown: false });
    expect(dialogueSlider([70, 10, 40])).toEqual({ count: 3, shown: true, values: [10, 40, 70], median: 40 });
    expect(dialogueSlider([70, 10, 40, 20])).toEqual({ count: 4, shown: true, values: [10, 20, 40, 70], median: 30 });
  });

  it('hides a distribution the facilitator has not revealed to the view, whatever its size', () => {
    expect(dialogueSlider([1, 2, 3, 4, 5, 6], false)).toEqual({ count: 6, shown: false });
  });

  it('moves the published copy only once enough participants changed since it was made', () => {
    expect(dialogueCopyMoves(0)).toBe(false);
    expect(dialogueCopyMoves(DIALOGUE_THRESHOLD - 1)).toBe(false);
    expect(dialogueCopyMoves(DIALOGUE_THRESHOLD)).toBe(true);
  });

  it('never lets one answer be read as the difference of two shown readings', () => {
    // Readers see the copy; it moves only in steps of at least DIALOGUE_THRESHOLD participants, so
    // any two readings differ by the answers of that many people (or not at all).
    let copy: number[] = [];
    const live: number[] = [];
    let changed = 0;
    for (let i = 0; i < 20; i++) {
      live.push((i * 37) % 101);
      changed++;
      if (dialogueCopyMoves(changed)) {
        expect(live.length - copy.length).toBeGreaterThanOrEqual(DIALOGUE_THRESHOLD);
        copy = [...live];
        changed = 0;
      }
      const shownNow = dialogueSlider(copy);
      if (shownNow.shown) expect(shownNow.count % DIALOGUE_THRESHOLD).toBe(0);
    }
  });
});
