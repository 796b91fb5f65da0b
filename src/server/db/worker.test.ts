import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../app';
import { createMailer } from '../platform/mail';
import { testConfig, testDatabase } from '../test/database';
import { signIn, type TestClient } from '../test/client';
import { buildPerson, buildSchool, type BuiltSchool } from '../test/factories';
import { openPglite, openPgliteWorker, QueryOutsideTransactionError } from './client';
import { isUniqueViolation } from './errors';
import { auditEvents, initiatives, people } from './schema/index';

// The API on PGlite in a worker thread (EMBEDDED_DB=worker, the server's default), whatever TEST_EMBEDDED_DB says.
const database = await testDatabase({ mode: 'worker' });
const db = database.db;
const config = testConfig();
const app = await buildApp({ config, database, mailer: createMailer(undefined, 'test@retning') });
await app.ready();
afterAll(async () => {
  await app.close();
  await database.close();
});

let school: BuiltSchool;
let boss: TestClient;
let deptA = '';

beforeAll(async () => {
  school = await buildSchool(db, { departments: ['Bygge og Anlæg', 'Handel og Kontor'] });
  deptA = school.departments[0]?.id ?? '';
  boss = await signIn(app, (await buildPerson(db, school, { roles: ['top_management', 'school_admin'], departmentId: null })).email);
  for (let i = 0; i < 30; i++) await buildPerson(db, school, { roles: ['teacher'], departmentId: deptA });
});

const initiativeBody = (title: string) => ({
  title,
  why: 'Eleverne lærer mere, når de får feedback, de kan se igen.',
  level: 'department',
  departmentId: deptA,
  pedagogicalGoals: ['feedback'],
  sigtelinjer: ['3'],
  startsOn: '2024-01-01',
  endsOn: '2024-12-31',
});

describe('the API on PGlite in a worker thread', () => {
  it('serves the database-backed reads', async () => {
    const list = await boss.get('/api/v1/people?page=1');
    expect(list.statusCode).toBe(200);
    expect((list.json() as { total: number }).total).toBe(31);
    for (const url of ['/api/v1/initiatives', '/api/v1/strategy/overview', '/api/v1/competence/heatmap', '/api/v1/library/items?q=feedback']) {
      expect((await boss.get(url)).statusCode, url).toBe(200);
    }
  });

  it('runs a command in one transaction, with its audit event, while reads go on around it', async () => {
    const before = (await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.schoolId, school.id)))[0]?.n ?? 0;
    const answers = await Promise.all([
      boss.post('/api/v1/initiatives', initiativeBody('Feedback med video')),
      ...Array.from({ length: 20 }, (_, i) => boss.get(i % 2 ? '/api/v1/people?page=1' : '/api/v1/strategy/overview')),
      boss.post('/api/v1/initiatives', initiativeBody('Logbog i værkstedet')),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([201, ...Array<number>(20).fill(200), 201]);
    const items = (await boss.get('/api/v1/initiatives')).json() as { title: string }[];
    expect(items.map((i) => i.title).sort()).toEqual(['Feedback med video', 'Logbog i værkstedet']);
    const after = (await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.schoolId, school.id)))[0]?.n ?? 0;
    expect(after).toBeGreaterThanOrEqual(before + 2);
  });
});

describe('transactions through the worker', () => {
  it('commits, rolls back on a throw, and keeps savepoints', async () => {
    await db.transaction(async (tx) => {
      await tx.update(people).set({ jobTitle: 'Underviser' }).where(eq(people.schoolId, school.id));
      await tx
        .transaction(async (inner) => {
          await inner.update(people).set({ jobTitle: 'Rolled back' }).where(eq(people.schoolId, school.id));
          throw new Error('inner');
        })
        .catch(() => {});
    });
    const titles = await db.selectDistinct({ t: people.jobTitle }).from(people).where(eq(people.schoolId, school.id));
    expect(titles).toEqual([{ t: 'Underviser' }]);
    const error = await db
      .transaction(async (tx) => {
        await tx.update(people).set({ jobTitle: 'Never' }).where(eq(people.schoolId, school.id));
        throw new Error('boom');
      })
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe('boom');
    expect(await db.selectDistinct({ t: people.jobTitle }).from(people).where(eq(people.schoolId, school.id))).toEqual([{ t: 'Underviser' }]);
  });

  it('holds the one session for a transaction: other queries wait and then see the commit', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inside = () => {};
    const started = new Promise<void>((resolve) => (inside = resolve));
    const tx = db.transaction(async (t) => {
      await t.update(people).set({ jobTitle: 'Mid-transaction' }).where(eq(people.schoolId, school.id));
      inside();
      await gate;
    });
    await started;
    const outside = db.selectDistinct({ t: people.jobTitle }).from(people).where(eq(people.schoolId, school.id));
    let done = false;
    void outside.then(() => (done = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(done).toBe(false);
    release();
    await tx;
    expect(await outside).toEqual([{ t: 'Mid-transaction' }]);
  });

  it('turns a query on db inside db.transaction into an error instead of a hang', async () => {
    const error = await db.transaction(async () => db.execute(sql`select 1`)).catch((e: unknown) => e);
    expect((error as { cause?: unknown }).cause ?? error).toBeInstanceOf(QueryOutsideTransactionError);
    expect(((await db.execute(sql`select 3 as three`)) as unknown as { rows: { three: number }[] }).rows[0]?.three).toBe(3);
  });

  it('passes PostgreSQL errors on with their code and goes on working', async () => {
    const [row] = await db.select({ id: initiatives.id }).from(initiatives).limit(1);
    const error = await db.execute(sql`insert into initiatives (school_id, id, title, why, level, owner_id, starts_on, ends_on) select school_id, id, title, why, level, owner_id, starts_on, ends_on from initiatives where id = ${row?.id}`).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    await expect(db.execute(sql`select nope`)).rejects.toThrow();
    expect((await db.select({ n: count() }).from(initiatives))[0]?.n).toBe(2);
  });
});

describe('rows built on the main thread from the worker\'s bytes', () => {
  it('gives the same values, fields and counts as PGlite in-process, for every kind of column', async () => {
    const inline = openPglite(undefined);
    try {
      const create = sql`create table kinds (id serial primary key, name text, born date, at timestamptz, n numeric, big int8, ok boolean,
        tags text[], doc jsonb, bin bytea, ids uuid[], f float8, d interval, counts int4[], days date[])`;
      const insert = sql`insert into kinds (name, born, at, n, big, ok, tags, doc, bin, ids, f, d, counts, days) values
        ('Søren æøå', '2024-02-29', '2024-05-01T10:00:00Z', 12.50, 9007199254740993, true, array['a', 'b,c', 'd"e'], '{"x": [1, "y"]}',
         '\\x0001ff', array['7d3c1a2b-1111-2222-3333-444455556666']::uuid[], 1.5, '1 day', array[1, null, 3], array['2024-01-01']::date[]),
        (null, null, null, null, null, null, null, null, null, null, null, null, null, null) returning id`;
      const select = sql`select * from kinds order by id`;
      const answers = [];
      for (const target of [db, inline.db]) {
        await target.execute(create);
        const inserted = (await target.execute(insert)) as unknown as { rows: unknown[]; affectedRows: number };
        answers.push({ inserted: inserted.rows, affected: inserted.affectedRows, rows: await target.execute(select) });
      }
      expect(answers[0]?.affected).toBe(2);
      expect(answers[0]).toEqual(answers[1]);
      // Drizzle's selects ask for rows as arrays, with dates as text.
      const [typed] = await db.select({ startsOn: initiatives.startsOn, sigtelinjer: initiatives.sigtelinjer }).from(initiatives).limit(1);
      expect(typed).toEqual({ startsOn: '2024-01-01', sigtelinjer: ['3'] });
    } finally {
      await inline.close();
    }
  });
});

// Two PGlite starts on disk: slow on a busy machine.
describe('a worker database on disk', { timeout: 120_000 }, () => {
  it('closes PGlite cleanly, so the in-process mode reopens what the worker wrote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'retning-worker-'));
    try {
      // From the migrated template when there is one (not in the PostgreSQL run: then migrate() below does it all).
      const templatePath = inject('templatePath');
      const first = openPgliteWorker(join(dir, 'pglite'), templatePath ? { loadDataDir: new Uint8Array(readFileSync(templatePath)) } : {});
      await first.migrate();
      await first.db.execute(sql`create table kept (v text)`);
      await first.db.transaction(async (tx) => tx.execute(sql`insert into kept values ('committed')`));
      await first.close();
      await expect(first.db.execute(sql`select 1`)).rejects.toThrow();
      const again = openPglite(join(dir, 'pglite'));
      const rows = (await again.db.execute(sql`select v from kept`)) as unknown as { rows: { v: string }[] };
      expect(rows.rows).toEqual([{ v: 'committed' }]);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
