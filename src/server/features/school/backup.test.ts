import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import type { Config } from '../../config';
import type { Database, Db } from '../../db/client';
import {
  accounts,
  calendarFeeds,
  people,
} from '../../db/schema/index';
import { hashPassword } from '../../platform/passwords';
import { createMailer } from '../../platform/mail';
import { AppError } from '../../platform/errors';
import { seedDemo } from '../../seed/demo';
import { seedDemoModules } from '../../seed/demo-modules';
import { DEMO_PASSWORD } from '../../seed/demo-data';
import { signIn } from '../../test/client';
import { testConfig, testDatabase } from '../../test/database';
import { freshPglite, linesOf, manifestOf, readArchive, writeArchive } from './archive.fixtures';
import { packArchive } from './archive';
import { prepareSchoolExport } from './export';
import { restoreSchool } from './restore';
import { fillEveryTable } from './backup-fixture';
import { NOT_EXPORTED, tablesWithSchoolId } from './school-tables';

const dirs: string[] = [];
const databases: Database[] = [];
afterAll(async () => {
  for (const d of databases) await d.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
const storage = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'retning-backup-'));
  dirs.push(dir);
  return dir;
};
const track = (d: Database) => {
  databases.push(d);
  return d;
};

async function exportOf(db: Db, config: Config, schoolId: string): Promise<Buffer> {
  const prepared = await prepareSchoolExport(db, config, schoolId);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  try {
    await packArchive(prepared.manifest, prepared.entries, out);
  } finally {
    await prepared.dispose();
  }
  return Buffer.concat(chunks);
}

const restore = (db: Db, config: Config, archive: Buffer, networkId?: string) => restoreSchool(db, config, Readable.from([archive]), { by: 'test', networkId });
const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
};
const count = async (db: Db, table: string) => Number(((await db.execute(sql`select count(*) as n from ${sql.identifier(table)}`)) as unknown as { rows: { n: number }[] }).rows[0]?.n);

/** Every part of two archives equal, but for the time of the export and the restore events a restore adds to the school's log. */
function expectSameSchool(first: Map<string, Buffer>, second: Map<string, Buffer>, restores: number) {
  const a = manifestOf(first);
  const b = manifestOf(second);
  const names = a.tables.map((t) => t.name);
  expect(b.tables.map((t) => t.name)).toEqual(names);
  for (const name of names) {
    if (name === 'audit_events') continue;
    expect(linesOf(second, name), name).toEqual(linesOf(first, name));
  }
  const before = linesOf(first, 'audit_events');
  const after = linesOf(second, 'audit_events');
  const added = after.filter((l) => !before.includes(l));
  expect(after.filter((l) => before.includes(l))).toEqual(before);
  expect(added.map((l) => (JSON.parse(l) as { action: string }).action)).toEqual(Array.from({ length: restores }, () => 'school.restored'));
  const { exportedAt: _a, tables: tablesA, ...restA } = a;
  const { exportedAt: _b, tables: tablesB, ...restB } = b;
  expect(restB).toEqual(restA);
  const withoutLog = (parts: typeof tablesA) => parts.filter((t) => t.name !== 'audit_events');
  expect(withoutLog(tablesB)).toEqual(withoutLog(tablesA));
  expect(a.files.length).toBeGreaterThan(0);
  for (const f of a.files) expect(second.get(f.path)?.equals(first.get(f.path) ?? Buffer.alloc(0)), f.path).toBe(true);
}


let source: Database;
let sourceConfig: Config;
let schoolId: string;
let archive: Buffer;
let entries: Map<string, Buffer>;
const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n'), Buffer.alloc(3000, 32), Buffer.from('\n%%EOF\n')]);

beforeAll(async () => {
  // The demo school with data in every module, on an embedded database of its own; e-mails made
  // unique to this run, so that the school can also be restored into a shared PostgreSQL test database.
  source = track(await freshPglite());
  sourceConfig = testConfig({ storageDir: await storage() });
  await seedDemo(source.db);
  // with the storage config: the demo logbook's photo is kept as files (original, display copy, thumbnail)
  await seedDemoModules(source.db, undefined, sourceConfig);
  const run = Math.random().toString(36).slice(2, 8);
  await source.db.execute(sql`update accounts set email = replace(email, '@demo.example', ${`@demo-${run}.example`})`);
  await source.db.execute(sql`update people set email = replace(email, '@demo.example', ${`@demo-${run}.example`})`);
  const [school] = ((await source.db.execute(sql`select id from schools`)) as unknown as { rows: { id: string }[] }).rows;
  schoolId = school?.id ?? '';

  // An uploaded file, through the API, so that it lies where the library keeps it.
  const app = await buildApp({ config: sourceConfig, database: source, mailer: createMailer(undefined, 'test@retning') });
  await app.ready();
  try {
    const teacher = await signIn(app, `laerer@demo-${run}.example`, DEMO_PASSWORD);
    const material = await teacher.post('/api/v1/library/items', { kind: 'material', title: 'Svejseguide – ærø', materialType: 'document' });
    expect(material.statusCode, material.body).toBe(201);
    const boundary = '----retning-backup';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Ærø ødegård.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const uploaded = await teacher.request('POST', `/api/v1/library/items/${material.json().id}/file`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
  } finally {
    await app.close();
  }
  await fillEveryTable(source.db, schoolId, `laerer@demo-${run}.example`);
  archive = await exportOf(source.db, sourceConfig, schoolId);
  entries = await readArchive(archive);
}, 120_000);

describe('the school export archive', () => {
  it('holds every table with a school_id (bar the listed ones), the school, its accounts and its files, each part with its checksum', async () => {
    const manifest = manifestOf(entries);
    expect([...entries.keys()][0]).toBe('manifest.json');
    expect(manifest.format).toBe('retning-school-export');
    expect(manifest.school.id).toBe(schoolId);
    const exported = manifest.tables.map((t) => t.name);
    expect(exported.slice(0, 2)).toEqual(['schools', 'accounts']);
    // A new module's table is exported without touching the exporter; a table left out fails here.
    expect([...exported.slice(2), ...Object.keys(NOT_EXPORTED)].sort()).toEqual(tablesWithSchoolId());
    const inDatabase = ((await source.db.execute(
      sql`select distinct table_name from information_schema.columns where table_schema = current_schema() and column_name = 'school_id' order by table_name`,
    )) as unknown as { rows: { table_name: string }[] }).rows.map((r) => r.table_name);
    expect([...exported.slice(2), ...Object.keys(NOT_EXPORTED)].sort()).toEqual(inDatabase);
    expect(Object.keys(NOT_EXPORTED).sort()).toEqual(['account_tokens', 'external_identities', 'network_event_projects', 'network_event_signups', 'sessions', 'sign_in_flows', 'sign_in_providers']);

    for (const part of manifest.tables) {
      const lines = linesOf(entries, part.name);
      expect(lines, part.name).toHaveLength(part.rows);
      const real = part.name === 'schools' ? 1 : part.name === 'accounts' ? -1 : await count(source.db, part.name);
      if (real >= 0 && part.name !== 'schools') expect(part.rows, part.name).toBe(real);
    }
    // Rows in every table, so that the round trip below covers each (a new table needs a row in fillEveryTable).
    expect(manifest.tables.filter((t) => t.rows === 0).map((t) => t.name)).toEqual([]);
    // the library's upload, and the logbook photo's three files, which are not file_key columns
    const [libraryFile, ...logbook] = [...manifest.files].sort((a, b) => Number(a.key.includes('/logbook/')) - Number(b.key.includes('/logbook/')));
    expect(entries.get(libraryFile?.path ?? '')?.equals(pdf)).toBe(true);
    expect(logbook.map((f) => f.key.replace(/^.*\/logbook\/[0-9a-f-]{36}/, '<key>')).sort()).toEqual(['<key>', '<key>.display', '<key>.thumb']);

    // Accounts of the school's people with their password hash (they sign in after a move); never sessions or links.
    const accounts = linesOf(entries, 'accounts').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(accounts.length).toBeGreaterThan(5);
    expect(Object.keys(accounts[0] ?? {}).sort()).toEqual(['created_at', 'disabled_at', 'email', 'id', 'locale', 'password_hash']);
    expect(accounts.filter((a) => typeof a.password_hash === 'string' && a.password_hash.startsWith('$argon2')).length).toBeGreaterThan(5);
    const text = [...entries.values()].map((b) => b.toString('utf8')).join('\n');
    expect(text).not.toMatch(/token_hash.*csrf|csrf_token/);
    expect(manifest.tables.map((t) => t.name)).not.toContain('sessions');

    // Exact values as the database holds them: microseconds, arrays, jsonb, generated columns left out.
    const item = JSON.parse(linesOf(entries, 'library_items')[0] ?? '{}') as Record<string, unknown>;
    expect(item).not.toHaveProperty('search');
    expect(item).not.toHaveProperty('tag_list');
    expect(item.tags).toBeTypeOf('object');
    expect(String(item.created_at)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+00:00$/);
    const initiative = JSON.parse(linesOf(entries, 'initiatives')[0] ?? '{}') as Record<string, unknown>;
    expect(Array.isArray(initiative.sigtelinjer)).toBe(true);
  });

  it('restores into an empty installation, and exporting that gives the same school table by table and file by file', async () => {
    const target = track(await freshPglite());
    const config = testConfig({ storageDir: await storage() });
    const result = await restore(target.db, config, archive);
    expect(result.schoolId).toBe(schoolId);
    expect(result.files).toBe(4);
    expect(result.accounts.linked).toBe(0);
    const again = await readArchive(await exportOf(target.db, config, schoolId));
    expectSameSchool(entries, again, 1);

    // The people sign in with the passwords they had.
    const app = await buildApp({ config, database: target, mailer: createMailer(undefined, 'test@retning') });
    await app.ready();
    try {
      const teacher = linesOf(entries, 'people')
        .map((l) => JSON.parse(l) as { email: string })
        .find((p) => p.email.startsWith('laerer@'));
      const client = await signIn(app, teacher?.email ?? '', DEMO_PASSWORD);
      const items = await client.get('/api/v1/library/items?kind=material');
      expect(items.statusCode, items.body).toBe(200);
      const withFile = (items.json() as { items: { id: string; title: string }[] }).items.find((i) => i.title.startsWith('Svejseguide'));
      const file = await client.get(`/api/v1/library/items/${withFile?.id}/file`);
      expect(file.statusCode).toBe(200);
      expect(file.rawPayload.equals(pdf)).toBe(true);
      const log = await client.get('/api/v1/school');
      expect(log.statusCode).toBe(200);
    } finally {
      await app.close();
    }

    // Restoring the same school twice is refused, and changes nothing.
    const before = { schools: await count(target.db, 'schools'), accounts: await count(target.db, 'accounts'), audit: await count(target.db, 'audit_events') };
    const twice = await refusal(restore(target.db, config, archive));
    expect(twice.status).toBe(409);
    expect(twice.code).toBe('restore_school_exists');
    expect({ schools: await count(target.db, 'schools'), accounts: await count(target.db, 'accounts'), audit: await count(target.db, 'audit_events') }).toEqual(before);
    expect((await readdir(join(config.storageDir, schoolId))).filter((f) => f !== 'logbook')).toHaveLength(1);
    expect(await readdir(join(config.storageDir, schoolId, 'logbook'))).toHaveLength(3);
  });

  it('moves to the test database (PostgreSQL in the PostgreSQL run) and back to the embedded database unchanged', async () => {
    const hosted = track(await testDatabase());
    const hostedConfig = testConfig({ storageDir: await storage() });
    const network = manifestOf(entries).school.network;
    // A hosted installation with other schools: the school joins the network named for it.
    await hosted.db.execute(sql`insert into networks (id, name) values (${network.id}, ${network.name}) on conflict do nothing`);
    await restore(hosted.db, hostedConfig, archive, network.id);
    const fromHosted = await exportOf(hosted.db, hostedConfig, schoolId);

    const laptop = track(await freshPglite());
    const laptopConfig = testConfig({ storageDir: await storage() });
    await restore(laptop.db, laptopConfig, fromHosted);
    expectSameSchool(entries, await readArchive(await exportOf(laptop.db, laptopConfig, schoolId)), 2);
  });

  it('gives up when the client goes away during the download, instead of waiting for ever', async () => {
    const prepared = await prepareSchoolExport(source.db, sourceConfig, schoolId);
    let taken = 0;
    const gone = new Writable({
      write(_chunk, _encoding, callback) {
        taken++;
        callback(taken > 1 ? new Error('client gone') : null);
      },
    });
    try {
      await expect(packArchive(prepared.manifest, prepared.entries, gone)).rejects.toThrow(/client gone/);
    } finally {
      await prepared.dispose();
    }
  });

  it('re-links accounts by e-mail to the accounts already here, keeping their passwords', async () => {
    const target = track(await freshPglite());
    const config = testConfig({ storageDir: await storage() });
    const teacher = linesOf(entries, 'people')
      .map((l) => JSON.parse(l) as { email: string; account_id: string })
      .find((p) => p.email.startsWith('laerer@'));
    const email = teacher?.email ?? '';
    const [existing] = await target.db.insert(accounts).values({ email: email.toUpperCase(), passwordHash: await hashPassword('her-findes-jeg-allerede') }).returning();
    const result = await restore(target.db, config, archive);
    expect(result.accounts.linked).toBe(1);
    expect(result.accounts.created).toBe(linesOf(entries, 'accounts').length - 1);
    const [person] = await target.db.select().from(people).where(and(eq(people.schoolId, schoolId), eq(people.email, email)));
    expect(person?.accountId).toBe(existing?.id);
    expect(person?.accountId).not.toBe(teacher?.account_id);
    const [feed] = await target.db.select().from(calendarFeeds).where(eq(calendarFeeds.schoolId, schoolId));
    expect(feed?.createdBy).toBe(existing?.id);
    const app = await buildApp({ config, database: target, mailer: createMailer(undefined, 'test@retning') });
    await app.ready();
    try {
      await signIn(app, email, 'her-findes-jeg-allerede');
      await expect(signIn(app, email, DEMO_PASSWORD)).rejects.toThrow(/401/);
    } finally {
      await app.close();
    }
  });

  it('refuses a damaged archive, a newer format and a file that is no export, writing nothing', async () => {
    const target = track(await freshPglite());
    const config = testConfig({ storageDir: await storage() });
    const nothingWritten = async () => {
      for (const table of ['networks', 'accounts', 'schools', 'people', 'audit_events', 'library_items']) expect(await count(target.db, table), table).toBe(0);
      expect(await readdir(config.storageDir)).toEqual([]);
    };

    // One changed byte in a table: its checksum no longer matches.
    const damagedPart = new Map(entries);
    const people = entries.get('tables/people.jsonl') ?? Buffer.alloc(0);
    damagedPart.set('tables/people.jsonl', Buffer.from(people.toString('utf8').replace('Lærer', 'Lærar')));
    const bad = await refusal(restore(target.db, config, await writeArchive(damagedPart)));
    expect(bad.code).toBe('restore_damaged');
    expect(bad.options.vars?.part).toBe('tables/people.jsonl');
    await nothingWritten();

    // A changed file, after the tables: the file staged so far is removed again.
    const damagedFile = new Map(entries);
    const key = manifestOf(entries).files[0]?.path ?? '';
    damagedFile.set(key, Buffer.concat([pdf.subarray(0, 100), Buffer.from('x'), pdf.subarray(101)]));
    expect((await refusal(restore(target.db, config, await writeArchive(damagedFile)))).code).toBe('restore_damaged');
    await nothingWritten();

    // A part missing altogether, and an archive cut short.
    const missing = new Map(entries);
    missing.delete('tables/competence_answers.jsonl');
    expect((await refusal(restore(target.db, config, await writeArchive(missing)))).code).toBe('restore_damaged');
    expect((await refusal(restore(target.db, config, archive.subarray(0, Math.floor(archive.length * 0.6))))).code).toMatch(/^restore_(damaged|not_an_export)$/);

    // A newer format, and something else altogether.
    const newer = new Map(entries);
    newer.set('manifest.json', Buffer.from(JSON.stringify({ ...manifestOf(entries), formatVersion: 99, appVersion: '9.0.0' })));
    const newerRefusal = await refusal(restore(target.db, config, await writeArchive(newer)));
    expect(newerRefusal.code).toBe('restore_newer_version');
    expect(newerRefusal.options.vars?.version).toBe('9.0.0');
    expect((await refusal(restore(target.db, config, Buffer.from('{"format":"json"}')))).code).toBe('restore_not_an_export');

    // Rows of another school slipped into a part (its checksum made to match): refused too.
    const foreign = new Map(entries);
    const otherSchool = '00000000-0000-4000-8000-000000000000';
    const swapped = Buffer.from((entries.get('tables/glossary_terms.jsonl') ?? Buffer.alloc(0)).toString('utf8').replaceAll(schoolId, otherSchool));
    foreign.set('tables/glossary_terms.jsonl', swapped);
    const { createHash } = await import('node:crypto');
    const manifest = manifestOf(entries);
    foreign.set(
      'manifest.json',
      Buffer.from(
        JSON.stringify({
          ...manifest,
          tables: manifest.tables.map((t) => (t.name === 'glossary_terms' ? { ...t, sha256: createHash('sha256').update(swapped).digest('hex'), bytes: swapped.length } : t)),
        }),
      ),
    );
    expect((await refusal(restore(target.db, config, await writeArchive(foreign)))).code).toBe('restore_damaged');
    await nothingWritten();
  });
});
