import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from './client';
import { analyzeStale } from './maintenance';

describe('analyzeStale (PGlite has no autovacuum)', () => {
  const database = openPglite(undefined);
  afterAll(() => database.close());

  it('analyses never-analysed tables, then nothing until a table grows', async () => {
    const db = database.db;
    await db.execute(sql`create table bench_rows (id int primary key, label text)`);
    await db.execute(sql`create table other_rows (id int primary key)`);
    expect(await analyzeStale(db)).toEqual(['bench_rows', 'other_rows']);
    expect(await analyzeStale(db)).toEqual([]);
    await db.execute(sql`insert into bench_rows select g, repeat('x', 50) from generate_series(1, 5000) g`);
    expect(await analyzeStale(db)).toEqual(['bench_rows']);
    const res = (await db.execute(sql`select reltuples::int as n from pg_class where relname = 'bench_rows'`)) as unknown as { rows: { n: number }[] };
    expect(res.rows[0]?.n).toBe(5000);
    expect(await analyzeStale(db)).toEqual([]);
  });
});
