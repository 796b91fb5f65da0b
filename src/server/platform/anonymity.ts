/**
 * The anonymity module (ARCHITECTURE rule 5). Aggregates over people are shown only for groups of
 * at least `threshold` persons (5; 10 for free text). When one group of a published total is
 * hidden, its size could be derived from the total minus the others, so the next-smallest group
 * is hidden too (complementary suppression). A total below the threshold hides everything.
 */
export const THRESHOLD = 5;
export const FREE_TEXT_THRESHOLD = 10;

export type Group<T> = { key: string; count: number; value: T };
export type Cell<T> = { key: string; suppressed: false; count: number; value: T } | { key: string; suppressed: true };

export function suppress<T>(groups: Group<T>[], threshold: number = THRESHOLD): { cells: Cell<T>[]; totalShown: boolean } {
  const total = groups.reduce((s, g) => s + g.count, 0);
  if (total < threshold) {
    return { cells: groups.map((g) => ({ key: g.key, suppressed: true })), totalShown: false };
  }
  // Empty groups reveal nothing about anyone; only groups with members count as hidden.
  const hidden = new Set(groups.filter((g) => g.count > 0 && g.count < threshold).map((g) => g.key));
  if (hidden.size === 1) {
    const next = groups
      .filter((g) => !hidden.has(g.key) && g.count > 0)
      .sort((a, b) => a.count - b.count || a.key.localeCompare(b.key))[0];
    if (next) hidden.add(next.key);
  }
  return {
    cells: groups.map((g) =>
      hidden.has(g.key) ? { key: g.key, suppressed: true } : { key: g.key, suppressed: false, count: g.count, value: g.value },
    ),
    totalShown: true,
  };
}

/** A single aggregate under a filter: shown only when the filtered group is large enough. */
export function showAggregate(count: number, freeText = false): boolean {
  return count >= (freeText ? FREE_TEXT_THRESHOLD : THRESHOLD);
}
