import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { SizeKeepingNodeFS } from './pglite-file-sizes';

// PostgreSQL reads a relation's size from the kept sizes; after every kind of change it must be
// the size of the file on disk, or PostgreSQL would miss pages or read past the end.
const dir = mkdtempSync(join(tmpdir(), 'retning-sizes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const onDisk = async (pg: PGlite, table: string) => {
  const { rows } = await pg.query<{ path: string; size: string }>(`select pg_relation_filepath('${table}') as path, pg_relation_size('${table}') as size`);
  const row = rows[0];
  if (!row) throw new Error('no relation');
  return { kept: Number(row.size), file: statSync(join(dir, row.path)).size };
};

/** Each statement on its own (VACUUM cannot run inside the transaction of a multi-statement exec). */
const run = async (pg: PGlite, script: string) => {
  for (const statement of script.split(';').map((x) => x.trim()).filter(Boolean)) await pg.exec(statement);
};

describe('PGlite with the file sizes kept', () => {
  it('answers the size on disk after growth, deletion with vacuum, truncation and a rewrite, and the data survives a restart', async () => {
    const pg = new PGlite({ fs: new SizeKeepingNodeFS(dir) });
    await run(pg, `create table t (id int primary key, body text); checkpoint;`);
    expect(await onDisk(pg, 't')).toEqual({ kept: 0, file: 0 });

    // a scan before the growth learns the size; the inserts then extend the file page by page
    expect((await pg.query<{ n: number }>('select count(*)::int as n from t')).rows[0]?.n).toBe(0);
    await run(pg, `insert into t select g, repeat('x', 200) from generate_series(1, 5000) g; checkpoint;`);
    const grown = await onDisk(pg, 't');
    expect(grown.kept).toBeGreaterThan(100 * 8192);
    expect(grown.kept).toBe(grown.file);
    expect((await pg.query<{ n: number }>('select count(*)::int as n from t')).rows[0]?.n).toBe(5000);

    // vacuum cuts the empty pages off the end of the file
    await run(pg, `delete from t where id > 1000; vacuum t; checkpoint;`);
    const cut = await onDisk(pg, 't');
    expect(cut.kept).toBeLessThan(grown.kept);
    expect(cut.kept).toBe(cut.file);

    // a rewrite gives the table a new file; truncate another new, empty one
    await run(pg, `vacuum full t; checkpoint;`);
    const rewritten = await onDisk(pg, 't');
    expect(rewritten.kept).toBe(rewritten.file);
    await run(pg, `insert into t select g, 'y' from generate_series(5001, 5100) g; checkpoint;`);
    expect((await onDisk(pg, 't')).kept).toBe((await onDisk(pg, 't')).file);
    await run(pg, `truncate t; checkpoint;`);
    expect(await onDisk(pg, 't')).toEqual({ kept: 0, file: 0 });
    await run(pg, `insert into t select g, 'z' from generate_series(1, 300) g; checkpoint;`);
    await pg.close();

    const again = new PGlite({ dataDir: dir });
    expect((await again.query<{ n: number; s: string }>(`select count(*)::int as n, string_agg(distinct body, '') as s from t`)).rows[0]).toEqual({ n: 300, s: 'z' });
    const after = await onDisk(again, 't');
    expect(after.kept).toBe(after.file);
    await again.close();
  });
});
