import { and, asc, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, people } from '../../db/schema/index';
import { resolveSession } from '../../platform/sessions';
import type { SchoolActor } from '../../platform/actor';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, TEST_PASSWORD, type BuiltSchool } from '../../test/factories';
import { commitImport } from './commit';
import type { ImportRow } from './preview';

const { app, database, config } = await testApp();
const db = database.db;

const CP1252: Record<string, number> = { æ: 0xe6, ø: 0xf8, å: 0xe5, Æ: 0xc6, Ø: 0xd8, Å: 0xc5 };
const cp1252 = (s: string) => Buffer.from([...s].map((ch) => CP1252[ch] ?? ch.charCodeAt(0)));

async function snapshot(schoolId: string) {
  const rows = await db.select().from(people).where(eq(people.schoolId, schoolId)).orderBy(asc(people.email));
  const [a] = await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.schoolId, schoolId));
  return { rows, audit: a?.n };
}

async function newSchool() {
  const school = await buildSchool(db, { departments: ['Bygge og Anlæg', 'Handel og Kontor'] });
  const adminPerson = await buildPerson(db, school, { roles: ['school_admin'], departmentId: null });
  return { school, adminPerson, admin: await signIn(app, adminPerson.email) };
}

let school: BuiltSchool;
let admin: TestClient;
beforeAll(async () => {
  ({ school, admin } = await newSchool());
});

const BAD = [
  'Navn;E-mail;Afdeling;Ansættelsesdato',
  'Jens Hansen;jens@import.example;Bygge og Anlæg;01-08-2024',
  'Ida Ilse;ikke-en-mail;Handel og Kontor;',
  'Ole Olsen;ole@import.example;Kantinen;',
  '"Mette ""M"" Berg";JENS@import.example;;',
  ';uden-navn@import.example;;',
  'Kim Kvist;kim@import.example;;31-02-2024',
  'Karen Kofod;karen@import.example;handel og kontor;1.8.2024',
].join('\r\n');

describe('preview', () => {
  it('shows every row with its errors by line number and summary counts, writing nothing', async () => {
    const before = await snapshot(school.id);
    const res = await admin.post('/api/v1/people/import/preview', BAD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ encoding: 'utf-8', separator: ';', columns: ['Navn', 'E-mail', 'Afdeling', 'Ansættelsesdato'] });
    expect(body.rows).toHaveLength(7);
    const errorsAt = (line: number) => body.rows.find((r: { line: number }) => r.line === line).errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
    expect(errorsAt(2)).toEqual([]);
    expect(errorsAt(3)).toEqual(['email:invalid_email']);
    expect(errorsAt(4)).toEqual(['department:unknown_department']);
    expect(errorsAt(5)).toEqual(['email:duplicate_in_file']);
    expect(body.rows[3].errors[0].message).toMatch(/linje 2/);
    expect(errorsAt(6)).toEqual(['name:required']);
    expect(errorsAt(7)).toEqual(['employmentStart:invalid_format']);
    expect(errorsAt(8)).toEqual([]);
    expect(body.rows[0]).toMatchObject({ name: 'Jens Hansen', email: 'jens@import.example', department: 'Bygge og Anlæg', employmentStart: '2024-08-01', action: 'create' });
    expect(body.rows[3].name).toBe('Mette "M" Berg');
    expect(body.summary).toEqual({ total: 7, create: 2, update: 0, unchanged: 0, errors: 5 });
    expect(await snapshot(school.id)).toEqual(before);
  });

  it('refuses to commit a file with errors (422 import_has_errors), writing nothing', async () => {
    const before = await snapshot(school.id);
    const res = await admin.post('/api/v1/people/import', BAD);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('import_has_errors');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('line 3: email');
    expect(await snapshot(school.id)).toEqual(before);
  });

  it('names a missing column, and refuses an empty file (422)', async () => {
    const noMail = await admin.post('/api/v1/people/import/preview', 'Navn;Afdeling\nJens;Bygge og Anlæg');
    expect(noMail.statusCode).toBe(422);
    expect(noMail.json().detail).toMatch(/E-mail/);
    const noName = await admin.post('/api/v1/people/import/preview', 'Fornavn;E-mail\nJens;j@x.dk');
    expect(noName.statusCode).toBe(422);
    expect(noName.json().detail).toMatch(/Navn/);
    for (const empty of ['', '\r\n\r\n']) {
      const res = await admin.post('/api/v1/people/import', empty);
      expect(res.statusCode).toBe(422);
      expect(res.json().errors[0].code).toBe('empty_file');
    }
  });

  it('refuses a body that is not a file (415) and a file with too many rows (413), writing nothing', async () => {
    const before = await snapshot(school.id);
    const json = await admin.post('/api/v1/people/import', { rows: [{ name: 'A', email: 'a@x.dk' }] });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('unsupported_media_type');
    const rows = ['Navn;E-mail', ...Array.from({ length: 20_001 }, (_, i) => `P${i};p${i}@big.example`)].join('\n');
    const big = await admin.post('/api/v1/people/import', rows);
    expect(big.statusCode).toBe(413);
    expect(await snapshot(school.id)).toEqual(before);
  });

  it('refuses a non-administrator (403)', async () => {
    const teacher = await signIn(app, (await buildPerson(db, school, { roles: ['department_head'] })).email);
    const before = await snapshot(school.id);
    expect((await teacher.post('/api/v1/people/import/preview', 'Navn;E-mail\nA;a@x.dk')).statusCode).toBe(403);
    expect((await teacher.post('/api/v1/people/import', 'Navn;E-mail\nA;a@x.dk')).statusCode).toBe(403);
    expect(await snapshot(school.id)).toEqual(before);
  });
});

describe('commit', () => {
  it('creates new people and updates people matched by e-mail case-insensitively, keeping æøå from Windows-1252', async () => {
    const s = await newSchool();
    const existing = await buildPerson(db, s.school, { name: 'Gammelt Navn', email: 'Soren.Aerbodig@Import.example', account: false });
    await db.update(people).set({ jobTitle: 'Faglærer' }).where(eq(people.id, existing.id));
    const file = cp1252('Fornavn;Efternavn;E-mail;Afdeling\r\nSøren;Ærbødig;SOREN.AERBODIG@import.example;Handel og Kontor\r\nÅse;Østergård;ase@import.example;Bygge og Anlæg\r\n');
    const preview = (await s.admin.post('/api/v1/people/import/preview', file)).json();
    expect(preview.encoding).toBe('windows-1252');
    expect(preview.summary).toMatchObject({ create: 1, update: 1, errors: 0 });

    const res = await s.admin.post('/api/v1/people/import', file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ created: 1, updated: 1, unchanged: 0 });
    const rows = (await snapshot(s.school.id)).rows.filter((r) => r.id !== s.adminPerson.id).sort((a, b) => (a.email.toLowerCase() < b.email.toLowerCase() ? -1 : 1));
    expect(rows.map((r) => ({ name: r.name, email: r.email.toLowerCase(), dept: r.departmentId }))).toEqual([
      { name: 'Åse Østergård', email: 'ase@import.example', dept: s.school.departments[0]?.id },
      { name: 'Søren Ærbødig', email: 'soren.aerbodig@import.example', dept: s.school.departments[1]?.id },
    ]);
    expect(rows.find((r) => r.id === existing.id)?.jobTitle).toBe('Faglærer');

    const again = await s.admin.post('/api/v1/people/import', file);
    expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: 2 });
    const events = (await s.admin.get('/api/v1/audit?action=people.imported')).json().items;
    expect(events).toHaveLength(2);
    expect(events[1].changes).toMatchObject({ created: 1, updated: 1 });
  });

  it('streams NDJSON progress ending with a done event', async () => {
    const s = await newSchool();
    const lines = ['Navn,E-mail,Stilling'];
    for (let i = 0; i < 1_100; i++) lines.push(`Person ${i},p${i}@stream.example,"Lærer, ${i}"`);
    const res = await s.admin.post('/api/v1/people/import', lines.join('\n'), { accept: 'application/x-ndjson' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/x-ndjson/);
    const events = res.body.trim().split('\n').map((l) => JSON.parse(l) as { type: string; done?: number; total?: number; created?: number });
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress[0]).toEqual({ type: 'progress', done: 0, total: 1_100 });
    expect(progress.map((p) => p.done)).toEqual([0, 500, 1_000, 1_100]);
    expect(events.at(-1)).toEqual({ type: 'done', created: 1_100, updated: 0, unchanged: 0 });
    const [n] = await db.select({ n: count() }).from(people).where(eq(people.schoolId, s.school.id));
    expect(n?.n).toBe(1_101);
  });

  it('is all or nothing: a row that fails in the database rolls back every row of the import', async () => {
    const s = await newSchool();
    const before = await snapshot(s.school.id);
    const row = (i: number, email: string): ImportRow => ({
      line: i + 2,
      name: `Række ${i}`,
      email,
      jobTitle: null,
      department: null,
      departmentId: null,
      employmentStart: null,
      action: 'create',
      personId: null,
      errors: [],
    });
    const rows = [...Array.from({ length: 700 }, (_, i) => row(i, `r${i}@atomic.example`)), row(700, 'r3@atomic.example')];
    const actor = await actorFor(s.adminPerson.email);
    await expect(commitImport(db, actor, rows, () => {})).rejects.toThrow();
    expect(await snapshot(s.school.id)).toEqual(before);
    const [leftover] = await db.select({ n: count() }).from(people).where(and(eq(people.schoolId, s.school.id), eq(people.name, 'Række 0')));
    expect(leftover?.n).toBe(0);
  });
});

/** The actor of a fresh session, resolved exactly as the server does. */
async function actorFor(email: string): Promise<SchoolActor> {
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: TEST_PASSWORD }, remoteAddress: '10.9.9.9' });
  const token = login.cookies.find((c) => c.name === 'retning_session')?.value ?? '';
  const actor = await resolveSession(db, config, token);
  if (!actor?.school || !actor.person) throw new Error('no school actor');
  return actor as SchoolActor;
}
