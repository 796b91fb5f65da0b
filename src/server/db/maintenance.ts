import { sql } from 'drizzle-orm';
import type { Db } from './client';

/**
 * PGlite has no autovacuum, so nothing refreshes the planner's statistics by itself. At start we
 * ANALYZE the tables that were never analysed or whose size on disk no longer matches what the last
 * ANALYZE saw (pg_class.relpages), which is what matters to the planner; an unchanged database costs
 * one catalogue query instead of a full ANALYZE. Returns the tables analysed.
 */
export async function analyzeStale(db: Db): Promise<string[]> {
  const result = await db.execute<{ relname: string }>(sql`
    select c.relname from pg_class c
    where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace
      and (c.reltuples < 0 or c.relpages <> pg_relation_size(c.oid) / current_setting('block_size')::int)
    order by c.relname`);
  const names = ((result as unknown as { rows?: { relname: string }[] }).rows ?? (result as unknown as { relname: string }[])).map((r) => r.relname);
  if (names.length) await db.execute(sql.raw(`analyze ${names.map((n) => `"${n.replaceAll('"', '""')}"`).join(', ')}`));
  return names;
}
