import { PGlite, types } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { columnsOf, readResult } from './pglite-results';
import { PreparedStatements } from './pglite-statements';

// Drizzle's options (drizzle-orm/pglite): timestamps, dates and intervals stay text.
const raw = (value: string) => value;
const drizzleParsers = { [types.TIMESTAMP]: raw, [types.TIMESTAMPTZ]: raw, [types.INTERVAL]: raw, [types.DATE]: raw, 1231: raw, 1115: raw, 1185: raw, 1187: raw, 1182: raw };

describe('prepared statements on PGlite', { timeout: 120_000 }, () => {
  const pg = new PGlite();
  const prepared = new PreparedStatements(pg);
  afterAll(() => pg.close());
  // The answer's bytes read as the worker's client reads them (db/worker-client.ts), with PGlite's own parsers.
  const statements = {
    query: async (sql: string, params: unknown[], options: Parameters<PGlite['query']>[2], inTransaction: boolean) => {
      const { data, names, typeIds } = await prepared.queryRaw(sql, params, inTransaction);
      return readResult(data, columnsOf(names, typeIds, pg.parsers, options?.parsers), options?.rowMode ?? 'object');
    },
  };

  const both = async (sql: string, params: unknown[] = [], options?: Parameters<PGlite['query']>[2]) => {
    const ours = await statements.query(sql, params, options, false);
    const theirs = await pg.query(sql, params, options);
    return { ours, theirs };
  };

  it('gives the same rows, fields and counts as PGlite query() for every kind of value', async () => {
    await pg.exec(`create table t (id serial primary key, name text unique, born date, at timestamptz, n numeric, big int8, ok boolean,
      tags text[], doc jsonb, bin bytea, ids uuid[], f float8, d interval)`);
    const insert = `insert into t (name, born, at, n, big, ok, tags, doc, bin, ids, f, d) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning id, name`;
    const values = ['Søren æøå', '2024-02-29', new Date('2024-05-01T10:00:00Z'), '12.50', 9007199254740993n, true, ['a', 'b,c', 'd"e'], { x: [1, 'y'] }, new Uint8Array([0, 1, 255]), ['7d3c1a2b-1111-2222-3333-444455556666'], 1.5, '1 day'];
    const ours = await statements.query(insert, values, undefined, false);
    expect(ours.rows).toEqual([{ id: 1, name: 'Søren æøå' }]);
    expect(ours.affectedRows).toBe(1);
    await pg.query(insert, ['Other', null, null, null, null, null, null, null, null, null, null, null]);
    for (const options of [undefined, { rowMode: 'array' as const, parsers: drizzleParsers }, { rowMode: 'object' as const, parsers: drizzleParsers }]) {
      const { ours, theirs } = await both('select * from t where id >= $1 order by id', [1], options);
      expect(ours.rows).toEqual(theirs.rows);
      expect(ours.fields).toEqual(theirs.fields);
      expect(ours.rowCount).toBe(theirs.rowCount);
    }
    const updated = await both(`update t set ok = $1 where id > $2`, [false, 0]);
    expect(updated.ours.affectedRows).toBe(2);
    expect(updated.ours.affectedRows).toBe(updated.theirs.affectedRows);
    expect((await both('select 1 as one where false')).ours).toMatchObject({ rows: [], fields: [{ name: 'one' }] });
  });

  it('raises PostgreSQL errors with their fields, and goes on working', async () => {
    const error = await statements.query(`insert into t (name) values ($1)`, ['Other'], undefined, false).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: '23505', constraint: 't_name_key', table: 't' });
    expect((await statements.query('select count(*)::int as n from t', [], undefined, false)).rows).toEqual([{ n: 2 }]);
    await expect(statements.query('select nope from t', [], undefined, false)).rejects.toMatchObject({ code: '42703' });
  });

  it('prepares a statement again when its table changed under it', async () => {
    await pg.exec('create table u (a int)');
    await statements.query('select * from u', [], undefined, false);
    await pg.exec('alter table u add column b int; insert into u values (1, 2)');
    expect((await statements.query('select * from u', [], undefined, false)).rows).toEqual([{ a: 1, b: 2 }]);
  });

  it('runs inside a PGlite transaction and waits for it from outside', async () => {
    const order: string[] = [];
    let outside: Promise<unknown> | undefined;
    const tx = pg.transaction(async () => {
      outside = statements.query('select count(*)::int as n from t', [], undefined, false).then((r) => {
        order.push('outside');
        return r.rows[0];
      });
      await statements.query(`insert into t (name) values ($1)`, ['In tx'], undefined, true);
      order.push('tx');
    });
    await tx;
    expect(await outside).toEqual({ n: 3 });
    expect(order).toEqual(['tx', 'outside']);
  });
});
