import { describe, expect, it } from 'vitest';
import { showAggregate, suppress } from './anonymity';

const g = (key: string, count: number) => ({ key, count, value: count * 2 });
const shown = (r: ReturnType<typeof suppress>) => r.cells.filter((c) => !c.suppressed).map((c) => c.key);

describe('anonymity', () => {
  it('shows every group at or above the threshold', () => {
    expect(shown(suppress([g('a', 5), g('b', 9)]))).toEqual(['a', 'b']);
  });

  it('hides a group below the threshold and, complementarily, the next-smallest group', () => {
    const r = suppress([g('a', 3), g('b', 6), g('c', 20)]);
    expect(shown(r)).toEqual(['c']);
    expect(r.totalShown).toBe(true);
  });

  it('does not add complementary suppression when two groups are already hidden', () => {
    expect(shown(suppress([g('a', 3), g('b', 4), g('c', 20), g('d', 7)]))).toEqual(['c', 'd']);
  });

  it('hides everything when the total is below the threshold', () => {
    const r = suppress([g('a', 2), g('b', 2)]);
    expect(shown(r)).toEqual([]);
    expect(r.totalShown).toBe(false);
  });

  it('treats empty groups as revealing nothing', () => {
    expect(shown(suppress([g('a', 0), g('b', 6), g('c', 8)]))).toEqual(['a', 'b', 'c']);
  });

  it('uses a higher threshold for free text', () => {
    expect(shown(suppress([g('a', 9), g('b', 12), g('c', 15)], 10))).toEqual(['c']);
    expect(showAggregate(9, true)).toBe(false);
    expect(showAggregate(10, true)).toBe(true);
    expect(showAggregate(4)).toBe(false);
    expect(showAggregate(5)).toBe(true);
  });

  it('never lets a hidden group be derived from the total and the shown groups', () => {
    for (let trial = 0; trial < 200; trial++) {
      const groups = Array.from({ length: 2 + (trial % 5) }, (_, i) => g(`k${i}`, (trial * (i + 3)) % 13));
      const r = suppress(groups);
      const hidden = r.cells.filter((c) => c.suppressed && (groups.find((x) => x.key === c.key)?.count ?? 0) > 0);
      if (r.totalShown) expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
    }
  });
});
