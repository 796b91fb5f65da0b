import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { libraryItems } from '../../db/schema/index';
import { cleanRichAll } from './sanitize';

/**
 * Sanitises the stored relation-model fields of a school's items again, for rows that did not come
 * through the library's own save (a school restored from an archive, which anyone could have
 * edited). Pages render these fields as HTML; a field that cannot be cleaned is emptied. Rows whose
 * fields are already clean are left untouched.
 */
export async function recleanStoredFields(tx: Executor, schoolId: string): Promise<number> {
  const rows = await tx.select({ id: libraryItems.id, fields: libraryItems.fields }).from(libraryItems).where(eq(libraryItems.schoolId, schoolId));
  let changed = 0;
  for (const row of rows) {
    const names = Object.keys(row.fields) as (keyof typeof row.fields)[];
    if (!names.length) continue;
    const cleaned = await cleanRichAll(names.map((n) => row.fields[n] ?? ''));
    const next = Object.fromEntries(names.map((n, i) => ((c) => [n, c && 'html' in c ? c.html : ''])(cleaned?.[i])));
    if (names.every((n) => next[n] === row.fields[n])) continue;
    await tx.update(libraryItems).set({ fields: next }).where(and(eq(libraryItems.schoolId, schoolId), eq(libraryItems.id, row.id)));
    changed++;
  }
  return changed;
}
