import type { z } from 'zod';
import type { ZHome } from '../../../shared/api/home';
import { HOME_MODULES, HOME_URGENCIES } from '../../../shared/home';
import type { Executor } from '../../db/client';
import type { SchoolActor } from '../../platform/actor';
import type { HomeContext, HomeHook, HomeItem } from '../../platform/feature';
import { todayInCopenhagen } from '../../platform/time';

/** The features' home hooks, by feature name (from the manifests, through features/index.ts). */
export type HomeSources = () => readonly { name: string; home?: HomeHook | undefined }[];

export const homeContext = (now = new Date()): HomeContext => ({ now, today: todayInCopenhagen(now) });

const moduleRank = (i: HomeItem) => HOME_MODULES.indexOf(i.module);
const urgencyRank = (i: HomeItem) => HOME_URGENCIES.indexOf(i.urgency);
/** Dates compare as ISO strings; an item without one comes after those with one. */
const whenOf = (i: HomeItem) => i.dueOn ?? i.startsAt?.toISOString().slice(0, 10) ?? '9999-12-31';

/** Grouped by module in the page's order, the most pressing first, then by date; otherwise as the feature gave them. */
export const sortItems = (items: HomeItem[]): HomeItem[] =>
  items
    .map((item, at) => ({ item, at }))
    .sort((a, b) => moduleRank(a.item) - moduleRank(b.item) || urgencyRank(a.item) - urgencyRank(b.item) || whenOf(a.item).localeCompare(whenOf(b.item)) || a.at - b.at)
    .map((x) => x.item);

/** The count per navigation entry: each item adds its own count (a queue of 3 adds 3) or 1. */
export function navCounts(items: HomeItem[]): { path: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const i of items) if (i.nav) counts.set(i.nav, (counts.get(i.nav) ?? 0) + (i.count ?? 1));
  return [...counts].map(([path, count]) => ({ path, count }));
}

/** Every feature's part of the person's home page, asked together (each hook issues its own few reads). */
export async function homeFor(exec: Executor, actor: SchoolActor, sources: HomeSources, ctx: HomeContext): Promise<z.output<typeof ZHome>> {
  const hooks = sources().flatMap((f) => (f.home ? [f.home] : []));
  const parts = await Promise.all(hooks.map((hook) => hook(exec, actor, ctx)));
  const items = sortItems(parts.flat());
  return { items, counts: navCounts(items) };
}
