import { describe, expect, it } from 'vitest';
import { dialogueSlider } from '../../platform/anonymity';
import { boundaryGaps, comparePairs, countsPerTenth, shiftOf } from './results-compute';

/* The figures after a session: only shown medians enter a shift, a distance or the boundary view. */

const text = (s: string) => ({ da: s, en: s });
const item = (pairKey: string, boundary: string | null, now: number[], wanted: number[]) => {
  const n = dialogueSlider(now);
  const w = dialogueSlider(wanted);
  return { pairKey, left: text(`${pairKey} L`), right: text(`${pairKey} R`), boundary, now: n, wanted: w, shift: shiftOf(n, w) };
};

describe('dialogue results figures', () => {
  it('counts per tenth put 100 into the last tenth and 9 into the first', () => {
    expect(countsPerTenth([0, 9, 10, 55, 99, 100])).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
  });

  it('the shift is wanted minus now, and none while either slider is hidden', () => {
    expect(item('a', null, [10, 20, 30], [60, 70, 80]).shift).toBe(50);
    expect(item('a', null, [10, 20], [60, 70, 80]).shift).toBeNull();
  });

  it('compares pairs by key in the first session order, with distances only where both sides are shown', () => {
    const a = [item('x', 'vertical', [20, 20, 30], [70, 80, 90]), item('y', 'horizontal', [50, 50, 50], [50, 50, 50]), item('only-a', null, [1, 2, 3], [1, 2, 3])];
    const b = [item('y', 'stakeholder', [40, 40], [60, 60, 60]), item('x', 'vertical', [60, 60, 70], [30, 40, 50])];
    const pairs = comparePairs(a, b);
    expect(pairs.map((p) => p.pairKey)).toEqual(['x', 'y']);
    const [x, y] = pairs;
    expect(x).toMatchObject({ distanceNow: 40, distanceWanted: 40, gap: 40, boundaries: ['vertical'], a: { now: 20, wanted: 80, shift: 60 }, b: { now: 60, wanted: 40, shift: -20 } });
    // B's now has two answers: its median is not shown, so there is no now distance, but the wanted one stands
    expect(y).toMatchObject({ distanceNow: null, distanceWanted: 10, gap: 10, boundaries: ['horizontal', 'stakeholder'], b: { now: null } });
  });

  it('the boundary view gives per type the mean and the largest gap, largest first, and leaves out pairs without one', () => {
    const a = [item('p1', 'vertical', [10, 10, 10], [10, 10, 10]), item('p2', 'vertical', [50, 50, 50], [50, 50, 50]), item('p3', 'horizontal', [30, 30, 30], [30, 30, 30]), item('p4', 'geographic', [1], [1])];
    const b = [item('p1', 'vertical', [70, 70, 70], [10, 10, 10]), item('p2', 'vertical', [60, 60, 60], [50, 50, 50]), item('p3', 'horizontal', [55, 55, 55], [30, 30, 30]), item('p4', 'geographic', [90, 90, 90], [1, 1, 1])];
    const view = boundaryGaps(comparePairs(a, b), text);
    expect(view).toEqual([
      { boundary: 'vertical', name: text('vertical'), pairs: 2, mean: 35, largest: 60, largestPairKey: 'p1' },
      { boundary: 'horizontal', name: text('horizontal'), pairs: 1, mean: 25, largest: 25, largestPairKey: 'p3' },
    ]);
  });
});
