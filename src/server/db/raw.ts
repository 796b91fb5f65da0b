import type { SQL } from 'drizzle-orm';
import type { Executor } from './client';

/** The rows of a driver result: node-postgres and PGlite both answer `{ rows }`. */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows?: T[] }).rows ?? (result as T[]);

/** A raw SQL query with typed rows, for what the query builder does not say well. */
export async function rawQuery<T>(exec: Executor, query: SQL): Promise<T[]> {
  return rowsOf<T>(await exec.execute(query));
}
