import { meanAt, type GroupReport, type RowKey } from './report-build';
import { round2 } from './report-figures';

/** Where two groups see the school differently: per item (and area) asked of both, where both means are shown. */
export type GapRow = { key: string; area: string; a: number; b: number; gap: number };

function gaps<T extends { area: string }>(a: T[], b: T[], keyOf: (x: T) => string, mean: (x: T | undefined) => number | null): GapRow[] {
  return a
    .flatMap((x) => {
      const y = b.find((z) => keyOf(z) === keyOf(x));
      const ma = mean(x);
      const mb = mean(y);
      return ma === null || mb === null ? [] : [{ key: keyOf(x), area: x.area, a: ma, b: mb, gap: round2(ma - mb) }];
    })
    .sort((p, q) => Math.abs(q.gap) - Math.abs(p.gap) || p.key.localeCompare(q.key));
}

/** Items sorted by the largest gap (either way) between group a and group b; areas likewise. */
export function gapBetween(a: GroupReport, b: GroupReport, row: RowKey): { items: GapRow[]; areas: GapRow[] } {
  return {
    items: gaps(a.items, b.items, (x) => x.key, (x) => meanAt(x, row)),
    areas: gaps(a.areas, b.areas, (x) => x.area, (x) => meanAt(x, row)),
  };
}
