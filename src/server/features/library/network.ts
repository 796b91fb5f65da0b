import { and, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { libraryItems, schools } from '../../db/schema/index';
import type { Actor } from '../../platform/actor';
import { notFound } from '../../platform/errors';
import { isUuid } from '../../platform/loader';
import type { ItemRow } from './model';
import { networkLibraryScope, OPEN_LICENCES } from './policy';

/**
 * The network's shared library: a separate read path, across the schools of one network, that
 * only ever returns items that are published, shared to the network with an open licence and
 * not withdrawn (the coordinator also sees the withdrawn ones). Nothing else (drafts, reviews,
 * comments, people) crosses schools.
 */
function sharedIn(scope: { networkId: string; withdrawn: boolean }): SQL | undefined {
  return and(
    eq(libraryItems.networkShared, true),
    eq(libraryItems.status, 'published'),
    inArray(libraryItems.licence, OPEN_LICENCES),
    scope.withdrawn ? undefined : eq(libraryItems.networkWithdrawn, false),
    eq(schools.networkId, scope.networkId),
    isNull(schools.archivedAt),
  );
}

/** One shared item of another (or the reader's own) school of the network; 404 for anything not shared. */
export async function loadNetworkItem(exec: Executor, actor: Actor, schoolId: string, id: string): Promise<{ row: ItemRow; schoolName: string }> {
  const scope = networkLibraryScope(actor);
  if (!scope || !isUuid(schoolId) || !isUuid(id)) throw notFound();
  const [hit] = await exec
    .select({ row: libraryItems, schoolName: schools.name })
    .from(libraryItems)
    .innerJoin(schools, eq(schools.id, libraryItems.schoolId))
    .where(and(eq(libraryItems.schoolId, schoolId), eq(libraryItems.id, id), sharedIn(scope)));
  if (!hit) throw notFound();
  return hit;
}

/** The shared library: featured first, then by relevance to the query, then the newest. */
export async function listShared(exec: Executor, actor: Actor, q: string) {
  const scope = networkLibraryScope(actor);
  if (!scope) throw notFound();
  const tsq = sql`websearch_to_tsquery('danish', ${q})`;
  const match = q ? sql`(${libraryItems.search} @@ ${tsq} or lower(${q}) <% lower(${libraryItems.title} || ' ' || ${libraryItems.summary}))` : undefined;
  const rank = q ? sql`ts_rank_cd(${libraryItems.search}, ${tsq})` : sql`0::real`;
  return exec
    .select({
      id: libraryItems.id,
      schoolId: libraryItems.schoolId,
      schoolName: schools.name,
      kind: libraryItems.kind,
      title: libraryItems.title,
      summary: libraryItems.summary,
      licence: libraryItems.licence,
      featured: libraryItems.networkFeatured,
      withdrawn: libraryItems.networkWithdrawn,
      publishedAt: libraryItems.publishedAt,
    })
    .from(libraryItems)
    .innerJoin(schools, eq(schools.id, libraryItems.schoolId))
    .where(and(sharedIn(scope), match))
    .orderBy(desc(libraryItems.networkFeatured), desc(rank), desc(libraryItems.publishedAt))
    .limit(100);
}

/** The coordinator features or withdraws a shared item. */
export async function curateItem(exec: Executor, row: ItemRow, patch: { featured?: boolean; withdrawn?: boolean }): Promise<ItemRow> {
  const set: Partial<ItemRow> = {};
  if (patch.featured !== undefined) set.networkFeatured = patch.featured;
  if (patch.withdrawn !== undefined) set.networkWithdrawn = patch.withdrawn;
  if (!Object.keys(set).length) return row;
  const [updated] = await exec.update(libraryItems).set(set).where(and(eq(libraryItems.schoolId, row.schoolId), eq(libraryItems.id, row.id))).returning();
  return updated ?? row;
}
