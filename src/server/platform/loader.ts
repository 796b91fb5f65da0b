import { and, eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';
import type { Actor } from './actor';
import { notFound } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

type ScopedTable = PgTable & { schoolId: PgColumn; id: PgColumn };

/**
 * The school-scoped loader (ARCHITECTURE rule 1): a resource is found only inside the actor's
 * school. A missing resource and another school's resource both give the same 404.
 */
export async function loadScoped<T extends ScopedTable>(exec: Executor, actor: Actor, table: T, id: string): Promise<T['$inferSelect']> {
  if (!actor.school || !isUuid(id)) throw notFound();
  const rows = await exec
    .select()
    .from(table as PgTable)
    .where(and(eq(table.schoolId, actor.school.id), eq(table.id, id)))
    .limit(1);
  const row = rows[0];
  if (!row) throw notFound();
  return row as T['$inferSelect'];
}
