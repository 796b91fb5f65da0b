import { meanAt, type GroupReport, type RowKey } from './report-build';
import { round2 } from './report-figures';

/**
 * The trend against earlier closed rounds: each round is its own population, shaped on its own;
 * items and areas are matched by their stable keys. Rounds come oldest first, the current last.
 */
export type TrendRound = { id: string; name: string; closesOn: string; groups: Map<string, GroupReport> };
export type TrendPoint = { roundId: string; mean: number | null };
export type TrendSeries = { group: string; area: string; points: TrendPoint[] };
export type ItemChange = { group: string; key: string; area: string; previous: number; current: number; change: number; previousRoundId: string };

/** Area means per group through the rounds (null where a round did not ask or hides the figure). */
export function areaTrend(rounds: TrendRound[], groups: string[], row: RowKey): TrendSeries[] {
  const current = rounds[rounds.length - 1];
  if (!current) return [];
  return groups.flatMap((group) =>
    (current.groups.get(group)?.areas ?? []).map((a) => ({
      group,
      area: a.area,
      points: rounds.map((r) => ({ roundId: r.id, mean: meanAt(r.groups.get(group)?.areas.find((x) => x.area === a.area), row) })),
    })),
  );
}

/** Each item's change from the latest earlier round that shows it, for the groups given; largest falls first. */
export function itemChanges(rounds: TrendRound[], groups: string[], row: RowKey): ItemChange[] {
  const current = rounds[rounds.length - 1];
  if (!current) return [];
  const earlier = rounds.slice(0, -1).reverse();
  return groups
    .flatMap((group) =>
      (current.groups.get(group)?.items ?? []).flatMap((item) => {
        const now = meanAt(item, row);
        if (now === null) return [];
        for (const r of earlier) {
          const before = meanAt(r.groups.get(group)?.items.find((x) => x.key === item.key), row);
          if (before !== null) return [{ group, key: item.key, area: item.area, previous: before, current: now, change: round2(now - before), previousRoundId: r.id }];
        }
        return [];
      }),
    )
    .sort((a, b) => a.change - b.change || a.key.localeCompare(b.key));
}
