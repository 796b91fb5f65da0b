import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, people, personRoles } from '../../db/schema/index';
import { testApp } from '../../test/app';
import { nextIp, signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, TEST_PASSWORD, type BuiltPerson, type BuiltSchool } from '../../test/factories';

const { app, database } = await testApp();
const db = database.db;

type Problem = { code: string; errors?: { field: string; code: string }[] };
const fields = (body: Problem) => (body.errors ?? []).map((e) => e.field);

/** Row counts of one school, to prove that a failed write wrote nothing. */
async function counts(schoolId: string) {
  const [p] = await db.select({ n: count() }).from(people).where(eq(people.schoolId, schoolId));
  const [r] = await db.select({ n: count() }).from(personRoles).where(eq(personRoles.schoolId, schoolId));
  const [a] = await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.schoolId, schoolId));
  return { people: p?.n, roles: r?.n, audit: a?.n };
}

let school: BuiltSchool;
let admin: BuiltPerson;
let client: TestClient;
beforeAll(async () => {
  school = await buildSchool(db, { departments: ['Bygge og Anlæg', 'Handel og Kontor', 'Tom afdeling'] });
  admin = await buildPerson(db, school, { roles: ['school_admin'], name: 'Anna Admin' });
  client = await signIn(app, admin.email);
});

describe('listing people', () => {
  let listSchool: BuiltSchool;
  let listAdmin: TestClient;
  beforeAll(async () => {
    listSchool = await buildSchool(db, { departments: ['Bygge og Anlæg', 'Handel og Kontor', 'Sundhed'] });
    const [d1, d2] = listSchool.departments;
    const la = await buildPerson(db, listSchool, { roles: ['school_admin'], name: 'Zoe Admin', departmentId: null });
    await db.insert(people).values(
      Array.from({ length: 120 }, (_, i) => ({
        schoolId: listSchool.id,
        name: `Bulk ${String(i).padStart(3, '0')}`,
        email: `bulk-${i}@${listSchool.id}.example`,
        departmentId: i % 2 === 0 ? (d1?.id ?? null) : (d2?.id ?? null),
        active: i % 10 !== 0,
      })),
    );
    await buildPerson(db, listSchool, { name: 'Søren Ærbødig', departmentId: d2?.id, email: `soren-${listSchool.id}@test.example`, roles: ['teacher'] });
    const p = await buildPerson(db, listSchool, { name: 'Åse Lærer', departmentId: d1?.id, roles: ['teacher'] });
    await db.update(people).set({ jobTitle: 'Faglærer i Tømrer' }).where(eq(people.id, p.id));
    listAdmin = await signIn(app, la.email);
  });

  it('pages in name order with total, page and pageSize', async () => {
    const first = (await listAdmin.get('/api/v1/people?pageSize=50')).json();
    // 120 bulk (12 inactive) + admin + 2 teachers, active only by default
    expect(first.total).toBe(111);
    expect(first.page).toBe(1);
    expect(first.pageSize).toBe(50);
    expect(first.items).toHaveLength(50);
    const names = first.items.map((p: { name: string }) => p.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    expect(names[0]).toBe('Bulk 001');
    const last = (await listAdmin.get('/api/v1/people?pageSize=50&page=3')).json();
    expect(last.items).toHaveLength(11);
    expect(last.total).toBe(111);
    const beyond = (await listAdmin.get('/api/v1/people?pageSize=50&page=9')).json();
    expect(beyond.items).toHaveLength(0);
    expect(beyond.total).toBe(111);
    const all = (await listAdmin.get('/api/v1/people?active=all&pageSize=200')).json();
    expect(all.total).toBe(123);
    expect(new Set(all.items.map((p: { id: string }) => p.id)).size).toBe(123);
    expect((await listAdmin.get('/api/v1/people?active=false')).json().total).toBe(12);
  });

  it('searches name, e-mail and job title case-insensitively, with æøå', async () => {
    const q = async (s: string) => (await listAdmin.get(`/api/v1/people?q=${encodeURIComponent(s)}`)).json().items.map((p: { name: string }) => p.name);
    expect(await q('ærbødig')).toEqual(['Søren Ærbødig']);
    expect(await q('ÅSE')).toEqual(['Åse Lærer']);
    expect(await q('tømrer')).toEqual(['Åse Lærer']);
    expect(await q(`SOREN-${listSchool.id}`)).toEqual(['Søren Ærbødig']);
    expect(await q('%')).toEqual([]);
  });

  it('filters by department and role', async () => {
    const [d1, d2, d3] = listSchool.departments;
    const byDept = (await listAdmin.get(`/api/v1/people?departmentId=${d2?.id}&pageSize=200`)).json();
    expect(byDept.total).toBe(61); // 60 odd-numbered bulk people (all active) plus Søren
    expect(byDept.items.every((p: { departmentId: string }) => p.departmentId === d2?.id)).toBe(true);
    expect((await listAdmin.get(`/api/v1/people?departmentId=${d3?.id}`)).json().total).toBe(0);
    const teachers = (await listAdmin.get('/api/v1/people?role=teacher')).json();
    expect(teachers.items.map((p: { name: string }) => p.name).sort()).toEqual(['Søren Ærbødig', 'Åse Lærer']);
    expect(teachers.items[0].roles).toEqual(['teacher']);
    expect((await listAdmin.get(`/api/v1/people?departmentId=${d1?.id}&role=teacher`)).json().total).toBe(1);
    expect((await listAdmin.get('/api/v1/people?role=pope')).statusCode).toBe(422);
  });

  it('shows a department head only his department, and nobody without one; top management sees all; a teacher is refused', async () => {
    const [, d2] = listSchool.departments;
    const head = await buildPerson(db, listSchool, { roles: ['department_head'], departmentId: d2?.id });
    const headList = (await (await signIn(app, head.email)).get('/api/v1/people?pageSize=200')).json();
    expect(headList.total).toBe(62); // 61 + the head himself
    expect(headList.items.every((p: { departmentId: string }) => p.departmentId === d2?.id)).toBe(true);
    const orphan = await buildPerson(db, listSchool, { roles: ['department_head'], departmentId: null });
    expect((await (await signIn(app, orphan.email)).get('/api/v1/people')).json()).toMatchObject({ total: 0, items: [] });
    const boss = await buildPerson(db, listSchool, { roles: ['top_management'], departmentId: null });
    expect((await (await signIn(app, boss.email)).get('/api/v1/people')).json().total).toBe(114); // 111 + head, orphan head and boss
    const teacher = await buildPerson(db, listSchool, { roles: ['teacher'] });
    const refused = await (await signIn(app, teacher.email)).get('/api/v1/people');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('forbidden');
  });
});

describe('reading one person', () => {
  it('lets a department head read his department only, a teacher himself only, and neither edit', async () => {
    const [d1, d2] = school.departments;
    const head = await buildPerson(db, school, { roles: ['department_head'], departmentId: d1?.id });
    const inside = await buildPerson(db, school, { departmentId: d1?.id, account: false });
    const outside = await buildPerson(db, school, { departmentId: d2?.id, account: false });
    const hc = await signIn(app, head.email);
    expect((await hc.get(`/api/v1/people/${inside.id}`)).statusCode).toBe(200);
    expect((await hc.get(`/api/v1/people/${outside.id}`)).statusCode).toBe(403);
    expect((await hc.patch(`/api/v1/people/${inside.id}`, { name: 'Ændret' })).statusCode).toBe(403);
    const teacher = await buildPerson(db, school, { roles: ['teacher'], departmentId: d1?.id });
    const tc = await signIn(app, teacher.email);
    expect((await tc.get(`/api/v1/people/${teacher.id}`)).json().id).toBe(teacher.id);
    expect((await tc.get(`/api/v1/people/${inside.id}`)).statusCode).toBe(403);
    expect((await client.get('/api/v1/people/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await client.get('/api/v1/people/not-a-uuid')).statusCode).toBe(404);
  });
});

describe('creating and editing people', () => {
  it('creates a person (201) and audits it', async () => {
    const [d1] = school.departments;
    const res = await client.post('/api/v1/people', { name: ' Bjørn Østergård ', email: 'Bjorn@Test.example', jobTitle: 'Lærer', departmentId: d1?.id, employmentStart: '2024-08-01' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ name: 'Bjørn Østergård', email: 'bjorn@test.example', departmentId: d1?.id, departmentName: d1?.name, employmentStart: '2024-08-01', active: true, roles: [], hasAccount: false });
    const audit = (await client.get(`/api/v1/audit?action=person.created`)).json();
    expect(audit.items.some((e: { resourceId: string }) => e.resourceId === body.id)).toBe(true);
    expect((await client.get(`/api/v1/people/${body.id}`)).json().name).toBe('Bjørn Østergård');
  });

  it('refuses a duplicate e-mail (409 email_taken), an unknown or foreign department (422), writing nothing', async () => {
    const other = await buildSchool(db);
    const before = await counts(school.id);
    const dup = await client.post('/api/v1/people', { name: 'Igen', email: admin.email.toUpperCase() });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('email_taken');
    expect(fields(dup.json())).toEqual(['email']);
    for (const departmentId of ['6f1d8f52-1111-4c1a-9a5e-000000000000', other.departments[0]?.id]) {
      const res = await client.post('/api/v1/people', { name: 'Ukendt', email: `ukendt-${school.id}@test.example`, departmentId });
      expect(res.statusCode).toBe(422);
      expect(fields(res.json())).toEqual(['departmentId']);
    }
    expect(await counts(school.id)).toEqual(before);
  });

  it('rejects bad input with problem+json naming the field, writing nothing', async () => {
    const before = await counts(school.id);
    const unknown = await client.post('/api/v1/people', { name: 'X', email: 'x1@test.example', salary: 1 });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(fields(unknown.json())).toContain('salary');
    const wrongType = await client.post('/api/v1/people', { name: 42, email: 'x2@test.example' });
    expect(wrongType.statusCode).toBe(422);
    expect(wrongType.json().errors).toContainEqual(expect.objectContaining({ field: 'name', code: 'invalid_type' }));
    const badMail = await client.post('/api/v1/people', { name: 'X', email: 'ikke-en-mail' });
    expect(fields(badMail.json())).toEqual(['email']);
    const badDate = await client.post('/api/v1/people', { name: 'X', email: 'x3@test.example', employmentStart: '31-02-2024' });
    expect(fields(badDate.json())).toEqual(['employmentStart']);
    const malformed = await client.request('POST', '/api/v1/people', '{"name": "X",', { 'content-type': 'application/json' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('invalid_json');
    const huge = await client.request('POST', '/api/v1/people', JSON.stringify({ name: 'x'.repeat(1_100_000), email: 'x4@test.example' }), { 'content-type': 'application/json' });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('body_too_large');
    const badPatch = await client.patch(`/api/v1/people/${admin.id}`, { active: 'no' });
    expect(fields(badPatch.json())).toEqual(['active']);
    expect(await counts(school.id)).toEqual(before);
  });

  it('edits a person and audits the change', async () => {
    const p = await buildPerson(db, school, { name: 'Før Navn' });
    const res = await client.patch(`/api/v1/people/${p.id}`, { name: 'Efter Navn', jobTitle: 'Underviser' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Efter Navn', jobTitle: 'Underviser' });
    const audit = (await client.get('/api/v1/audit?action=person.updated')).json();
    const event = audit.items.find((e: { resourceId: string }) => e.resourceId === p.id);
    expect(event.changes).toEqual({ name: 'Efter Navn', jobTitle: 'Underviser' });
    const dup = await client.patch(`/api/v1/people/${p.id}`, { email: admin.email });
    expect(dup.statusCode).toBe(409);
    expect((await client.get(`/api/v1/people/${p.id}`)).json().email).toBe(p.email);
  });

  it('changing the e-mail of an invited person changes the address they sign in with', async () => {
    const p = await buildPerson(db, school, { account: false, email: `skrivfejl-${school.id}@test.example` });
    await client.post(`/api/v1/people/${p.id}/invitation`);
    const fixed = `rettet-${school.id}@test.example`;
    expect((await client.patch(`/api/v1/people/${p.id}`, { email: fixed })).statusCode).toBe(200);
    const link = String((await client.post(`/api/v1/people/${p.id}/invitation`)).json().link);
    const token = link.split('/').pop() ?? '';
    expect((await app.inject({ method: 'GET', url: `/api/v1/auth/tokens/${token}` })).json().email).toBe(fixed);
    expect((await app.inject({ method: 'POST', url: `/api/v1/auth/tokens/${token}`, payload: { password: 'rettet-kodeord-1' } })).statusCode).toBe(204);
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: fixed, password: 'rettet-kodeord-1' }, remoteAddress: nextIp() });
    expect(login.statusCode).toBe(200);
    expect(login.json().me.person.id).toBe(p.id);
    // another school's login address is not taken over
    const elsewhere = await buildPerson(db, await buildSchool(db), { roles: ['teacher'] });
    expect((await client.patch(`/api/v1/people/${p.id}`, { email: elsewhere.email })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: elsewhere.email, password: TEST_PASSWORD }, remoteAddress: nextIp() })).json().me.person.id).toBe(elsewhere.id);
  });

  it('deactivates a person, which ends their sessions; reactivates; refuses to deactivate oneself', async () => {
    const p = await buildPerson(db, school, { roles: ['teacher'] });
    const theirs = await signIn(app, p.email);
    expect((await theirs.get('/api/v1/me')).statusCode).toBe(200);
    const off = await client.patch(`/api/v1/people/${p.id}`, { active: false });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    expect((await theirs.get('/api/v1/me')).statusCode).toBe(401);
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: p.email, password: TEST_PASSWORD }, remoteAddress: nextIp() });
    expect(login.statusCode).toBe(401);
    const on = await client.patch(`/api/v1/people/${p.id}`, { active: true });
    expect(on.json().active).toBe(true);
    expect((await (await signIn(app, p.email)).get('/api/v1/me')).statusCode).toBe(200);
    const actions = (await client.get('/api/v1/audit?resourceType=person&pageSize=200')).json().items.filter((e: { resourceId: string }) => e.resourceId === p.id).map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['person.deactivated', 'person.reactivated']));
    const self = await client.patch(`/api/v1/people/${admin.id}`, { active: false });
    expect(self.statusCode).toBe(422);
    expect(fields(self.json())).toEqual(['active']);
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
  });
});

describe('roles', () => {
  it('sets roles and audits what was added and removed', async () => {
    const p = await buildPerson(db, school, { roles: ['teacher'] });
    const res = await client.put(`/api/v1/people/${p.id}/roles`, { roles: ['it_ambassador', 'editorial'] });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toEqual(['editorial', 'it_ambassador']);
    const event = (await client.get('/api/v1/audit?action=person.roles_changed')).json().items.find((e: { resourceId: string }) => e.resourceId === p.id);
    expect(event.changes).toEqual({ added: ['editorial', 'it_ambassador'], removed: ['teacher'] });
  });

  it('refuses an unknown role and removing one’s own admin role, writing nothing', async () => {
    const p = await buildPerson(db, school, { roles: ['teacher'] });
    const before = await counts(school.id);
    const unknown = await client.put(`/api/v1/people/${p.id}/roles`, { roles: ['teacher', 'king'] });
    expect(unknown.statusCode).toBe(422);
    expect(fields(unknown.json())[0]).toMatch(/^roles/);
    const own = await client.put(`/api/v1/people/${admin.id}/roles`, { roles: ['teacher'] });
    expect(own.statusCode).toBe(422);
    expect(fields(own.json())).toEqual(['roles']);
    expect(await counts(school.id)).toEqual(before);
    expect((await client.get('/api/v1/me')).json().roles).toContain('school_admin');
  });

  it('a teacher cannot create, edit or assign roles', async () => {
    const t = await buildPerson(db, school, { roles: ['teacher'] });
    const tc = await signIn(app, t.email);
    const before = await counts(school.id);
    expect((await tc.post('/api/v1/people', { name: 'X', email: 'teacher-made@test.example' })).statusCode).toBe(403);
    expect((await tc.patch(`/api/v1/people/${admin.id}`, { name: 'Hacked' })).statusCode).toBe(403);
    expect((await tc.put(`/api/v1/people/${t.id}/roles`, { roles: ['school_admin'] })).statusCode).toBe(403);
    expect(await counts(school.id)).toEqual(before);
  });
});

describe('cross-school', () => {
  it("gives 404 for another school's person on every route and leaves them unchanged", async () => {
    const b = await buildSchool(db);
    const victim = await buildPerson(db, b, { roles: ['teacher'], name: 'Offer Person', account: false });
    const before = await counts(b.id);
    const gets = await client.get(`/api/v1/people/${victim.id}`);
    const patch = await client.patch(`/api/v1/people/${victim.id}`, { name: 'Ændret' });
    const roles = await client.put(`/api/v1/people/${victim.id}/roles`, { roles: ['school_admin'] });
    const invite = await client.post(`/api/v1/people/${victim.id}/invitation`);
    const reset = await client.post(`/api/v1/people/${victim.id}/password-reset`);
    for (const r of [gets, patch, roles, invite, reset]) {
      expect(r.statusCode).toBe(404);
      expect(r.json().code).toBe('not_found');
    }
    expect(await counts(b.id)).toEqual(before);
    const [row] = await db.select().from(people).where(and(eq(people.schoolId, b.id), eq(people.id, victim.id)));
    expect(row).toMatchObject({ name: 'Offer Person', accountId: null, active: true });
    const listed = (await client.get(`/api/v1/people?q=Offer`)).json();
    expect(listed.total).toBe(0);
  });
});
