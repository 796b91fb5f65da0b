import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite, QueryOutsideTransactionError } from './client';

describe('PGlite guard', () => {
  const database = openPglite(undefined);
  afterAll(() => database.close());

  it('fails instead of hanging when db is used inside db.transaction', async () => {
    const db = database.db;
    const error = await db.transaction(async () => db.execute(sql`select 1`)).catch((e: unknown) => e);
    const cause = (error as { cause?: unknown }).cause ?? error;
    expect(cause).toBeInstanceOf(QueryOutsideTransactionError);
  });

  it('lets the transaction itself and later queries work', async () => {
    const db = database.db;
    const inside = await db.transaction(async (tx) => tx.execute(sql`select 2 as two`));
    expect((inside as unknown as { rows: { two: number }[] }).rows[0]?.two).toBe(2);
    const after = await db.execute(sql`select 3 as three`);
    expect((after as unknown as { rows: { three: number }[] }).rows[0]?.three).toBe(3);
  });
});
