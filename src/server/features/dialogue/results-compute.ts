import type { TDialogueSlider } from '../../../shared/api/dialogue';
import type { TBoundaryGap, TComparedPair, TItemResult } from '../../../shared/api/dialogue-results';

/**
 * The figures after a session (docs/dialogue.md, "After the session"), from shaped sliders only:
 * a median that the anonymity module did not show never enters a shift, a distance or the
 * boundary view, so nothing here can reveal what the threshold hides.
 */

/** Buckets of a tenth of the 0–100 scale: 0–9, 10–19, …, 90–100 (100 joins the last tenth). */
export const TENTHS = 10;
export function countsPerTenth(values: readonly number[]): number[] {
  const counts = Array.from({ length: TENTHS }, () => 0);
  for (const v of values) {
    const k = Math.min(TENTHS - 1, Math.floor(v / 10));
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : round1(b - a));
const distance = (a: number | null, b: number | null) => (a === null || b === null ? null : round1(Math.abs(a - b)));
const shownMedian = (s: TDialogueSlider) => (s.shown ? (s.median ?? null) : null);

/** Wanted − now of one item, where both medians are shown. */
export const shiftOf = (now: TDialogueSlider, wanted: TDialogueSlider) => diff(shownMedian(now), shownMedian(wanted));

type Item = Pick<TItemResult, 'pairKey' | 'left' | 'right' | 'boundary' | 'now' | 'wanted' | 'shift'>;

/**
 * Pairs of two sessions matched by pair key, in the first session's order: each side's shown
 * medians and shift, and the distances between the groups where both sides are shown.
 */
export function comparePairs(a: readonly Item[], b: readonly Item[]): TComparedPair[] {
  const byKey = new Map(b.map((i) => [i.pairKey, i]));
  return a.flatMap((x) => {
    const y = byKey.get(x.pairKey);
    if (!y) return [];
    const side = (i: Item) => ({ now: shownMedian(i.now), wanted: shownMedian(i.wanted), shift: i.shift });
    const sa = side(x);
    const sb = side(y);
    const distanceNow = distance(sa.now, sb.now);
    const distanceWanted = distance(sa.wanted, sb.wanted);
    const both = [distanceNow, distanceWanted].filter((d): d is number => d !== null);
    return [
      {
        pairKey: x.pairKey,
        left: x.left,
        right: x.right,
        boundaries: [...new Set([x.boundary, y.boundary].filter((k): k is string => !!k))],
        a: sa,
        b: sb,
        distanceNow,
        distanceWanted,
        gap: both.length ? Math.max(...both) : null,
      },
    ];
  });
}

/**
 * The boundary view: per boundary type the mean and the largest gap over the compared pairs
 * tagged with it (a pair tagged differently in the two sessions counts under both), largest first.
 */
export function boundaryGaps(pairs: readonly TComparedPair[], nameOf: (key: string) => TBoundaryGap['name']): TBoundaryGap[] {
  const groups = new Map<string, { gap: number; pairKey: string }[]>();
  for (const p of pairs) {
    if (p.gap === null) continue;
    for (const b of p.boundaries) groups.set(b, [...(groups.get(b) ?? []), { gap: p.gap, pairKey: p.pairKey }]);
  }
  return [...groups.entries()]
    .map(([boundary, list]) => {
      const top = list.reduce((m, x) => (x.gap > m.gap ? x : m));
      return { boundary, name: nameOf(boundary), pairs: list.length, mean: round1(list.reduce((s, x) => s + x.gap, 0) / list.length), largest: top.gap, largestPairKey: top.pairKey };
    })
    .sort((x, y) => y.largest - x.largest || y.mean - x.mean || x.boundary.localeCompare(y.boundary));
}
