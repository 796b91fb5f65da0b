import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, departments, programmes, teams } from '../../db/schema/index';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltSchool } from '../../test/factories';

const { app, database } = await testApp();
const db = database.db;

type Unit = { id: string; name: string; archived: boolean; departmentId: string | null };

async function counts(schoolId: string) {
  const n = async (t: typeof departments | typeof programmes | typeof teams) => (await db.select({ n: count() }).from(t).where(eq(t.schoolId, schoolId)))[0]?.n;
  const [a] = await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.schoolId, schoolId));
  return { departments: await n(departments), programmes: await n(programmes), teams: await n(teams), audit: a?.n };
}

let school: BuiltSchool;
let admin: TestClient;
let teacher: TestClient;
beforeAll(async () => {
  school = await buildSchool(db, { departments: ['Bygge og Anlæg'] });
  admin = await signIn(app, (await buildPerson(db, school, { roles: ['school_admin'] })).email);
  teacher = await signIn(app, (await buildPerson(db, school, { roles: ['teacher'] })).email);
});

describe.each(['departments', 'programmes', 'teams'] as const)('%s', (kind) => {
  const url = `/api/v1/${kind}`;
  const resource = kind === 'departments' ? 'department' : kind === 'programmes' ? 'programme' : 'team';

  it('creates, renames, archives and restores, each audited', async () => {
    const created = await admin.post(url, { name: '  Øresund ' });
    expect(created.statusCode).toBe(201);
    const unit = created.json() as Unit;
    expect(unit).toMatchObject({ name: 'Øresund', archived: false });

    const renamed = await admin.patch(`${url}/${unit.id}`, { name: 'Ærø' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe('Ærø');

    const archived = await admin.patch(`${url}/${unit.id}`, { archived: true });
    expect(archived.json().archived).toBe(true);
    const active = (await admin.get(url)).json() as Unit[];
    expect(active.map((u) => u.id)).not.toContain(unit.id);
    const withArchived = (await admin.get(`${url}?archived=true`)).json() as Unit[];
    expect(withArchived.find((u) => u.id === unit.id)).toMatchObject({ name: 'Ærø', archived: true });

    const restored = await admin.patch(`${url}/${unit.id}`, { archived: false });
    expect(restored.json().archived).toBe(false);
    expect(((await admin.get(url)).json() as Unit[]).map((u) => u.id)).toContain(unit.id);

    const audit = (await admin.get(`/api/v1/audit?resourceType=${resource}&pageSize=200`)).json();
    const actions = audit.items.filter((e: { resourceId: string }) => e.resourceId === unit.id).map((e: { action: string }) => e.action);
    expect(actions.sort()).toEqual([`${resource}.archived`, `${resource}.created`, `${resource}.restored`, `${resource}.updated`]);
  });

  it('refuses a duplicate name case-insensitively (409 name_taken) on create and rename, writing nothing', async () => {
    const first = (await admin.post(url, { name: 'Fælles Navn' })).json() as Unit;
    const second = (await admin.post(url, { name: 'Andet Navn' })).json() as Unit;
    const before = await counts(school.id);
    const dup = await admin.post(url, { name: 'FÆLLES NAVN' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('name_taken');
    expect(dup.json().errors.map((e: { field: string }) => e.field)).toEqual(['name']);
    const rename = await admin.patch(`${url}/${second.id}`, { name: 'fælles navn' });
    expect(rename.statusCode).toBe(409);
    expect(await counts(school.id)).toEqual(before);
    expect(((await admin.get(url)).json() as Unit[]).find((u) => u.id === second.id)?.name).toBe('Andet Navn');
    expect(first.id).not.toBe(second.id);
  });

  it('rejects bad input naming the field', async () => {
    const before = await counts(school.id);
    const empty = await admin.post(url, { name: '   ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().errors[0].field).toBe('name');
    const unknown = await admin.post(url, { name: 'X', colour: 'red' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].field).toBe('colour');
    expect((await admin.post(url, { name: 7 })).statusCode).toBe(422);
    expect(await counts(school.id)).toEqual(before);
  });

  it("gives 404 for another school's unit and leaves it unchanged", async () => {
    const other = await buildSchool(db);
    const otherAdmin = await signIn(app, (await buildPerson(db, other, { roles: ['school_admin'] })).email);
    const theirs = (await otherAdmin.post(url, { name: 'Deres enhed' })).json() as Unit;
    const res = await admin.patch(`${url}/${theirs.id}`, { name: 'Overtaget', archived: true });
    expect(res.statusCode).toBe(404);
    expect((await admin.patch(`${url}/not-a-uuid`, { name: 'X' })).statusCode).toBe(404);
    expect(((await admin.get(`${url}?archived=true`)).json() as Unit[]).map((u) => u.id)).not.toContain(theirs.id);
    const [row] = ((await otherAdmin.get(url)).json() as Unit[]).filter((u) => u.id === theirs.id);
    expect(row).toMatchObject({ name: 'Deres enhed', archived: false });
  });

  it('lets members read but only administrators change (403)', async () => {
    expect((await teacher.get(url)).statusCode).toBe(200);
    const mine = (await admin.post(url, { name: `Lærer må ikke ${kind}` })).json() as Unit;
    const before = await counts(school.id);
    expect((await teacher.post(url, { name: 'Lærerens' })).statusCode).toBe(403);
    expect((await teacher.patch(`${url}/${mine.id}`, { archived: true })).statusCode).toBe(403);
    expect(await counts(school.id)).toEqual(before);
  });
});

describe('teams in departments', () => {
  it('creates a team in a department and moves it out again', async () => {
    const dept = school.departments[0];
    const res = await admin.post('/api/v1/teams', { name: 'Tømrer 1', departmentId: dept?.id });
    expect(res.statusCode).toBe(201);
    expect(res.json().departmentId).toBe(dept?.id);
    const moved = await admin.patch(`/api/v1/teams/${res.json().id}`, { departmentId: null });
    expect(moved.json().departmentId).toBeNull();
  });

  it("rejects an unknown or another school's department (422 naming departmentId), writing nothing", async () => {
    const other = await buildSchool(db);
    const team = (await admin.post('/api/v1/teams', { name: 'Murer 1' })).json() as Unit;
    const before = await counts(school.id);
    for (const departmentId of [other.departments[0]?.id, '00000000-0000-4000-8000-000000000000']) {
      const create = await admin.post('/api/v1/teams', { name: 'Fremmed team', departmentId });
      expect(create.statusCode).toBe(422);
      expect(create.json().errors[0].field).toBe('departmentId');
      const patch = await admin.patch(`/api/v1/teams/${team.id}`, { departmentId });
      expect(patch.statusCode).toBe(422);
    }
    expect(await counts(school.id)).toEqual(before);
  });

  it('does not accept a department on departments or programmes', async () => {
    const res = await admin.post('/api/v1/programmes', { name: 'Med afdeling', departmentId: school.departments[0]?.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('departmentId');
  });
});
