import type { GapRow } from './gap';
import { meanAt, type GroupReport, type RowKey } from './report-build';
import type { ItemChange } from './trend';

/** What the report says to look at first: the three largest gaps, the three lowest items, the three largest falls. */
export const FIRST_LOOK_COUNT = 3;
export type LowItem = { group: string; key: string; area: string; mean: number };

export function lowestItems(groups: GroupReport[], row: RowKey): LowItem[] {
  return groups
    .flatMap((g) => g.items.flatMap((i) => ((m) => (m === null ? [] : [{ group: g.group, key: i.key, area: i.area, mean: m }]))(meanAt(i, row))))
    .sort((a, b) => a.mean - b.mean || a.key.localeCompare(b.key) || a.group.localeCompare(b.group))
    .slice(0, FIRST_LOOK_COUNT);
}

export function firstLook(gaps: GapRow[], groups: GroupReport[], changes: ItemChange[], row: RowKey) {
  return {
    gaps: gaps.filter((g) => g.gap !== 0).slice(0, FIRST_LOOK_COUNT),
    lowest: lowestItems(groups, row),
    falls: changes.filter((c) => c.change < 0).slice(0, FIRST_LOOK_COUNT),
  };
}
