import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { calendarItems, companies, personTeams, placements, supervisorCompanies, teams } from '../../db/schema/index';
import { todayInCopenhagen } from '../../platform/time';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltPerson, type BuiltSchool } from '../../test/factories';
import { addDays } from '../home/api';
import { inSupervisorWindow } from './students-access';

/** Placements: no overlaps, the årshjul item, timelines, and who sees a student (teachers by team, the supervisor window's edges). */
const { app, database } = await testApp();
const db = database.db;
const today = todayInCopenhagen();
let school: BuiltSchool;
let other: BuiltSchool;
let anna: BuiltPerson;
let bo: BuiltPerson;
let teacher: TestClient;
let outsider: TestClient;
let annaClient: TestClient;
let companyId = '';
let otherCompanyId = '';
let supervisor: BuiltPerson;
let teamId = '';

beforeAll(async () => {
  school = await buildSchool(db, { departments: ['Bygge og Anlæg', 'Handel'] });
  other = await buildSchool(db, { departments: ['Byg'] });
  const dept = school.departments[0]?.id ?? null;
  anna = await buildPerson(db, school, { roles: ['student'], departmentId: dept, name: 'Anna Elev' });
  bo = await buildPerson(db, school, { roles: ['student'], departmentId: dept, name: 'Bo Elev' });
  const t = await buildPerson(db, school, { roles: ['teacher'], departmentId: dept });
  const [team] = await db.insert(teams).values({ schoolId: school.id, name: 'Tømrer 1', departmentId: dept }).returning();
  teamId = team?.id ?? '';
  await db.insert(personTeams).values([t, anna, bo].map((p) => ({ schoolId: school.id, personId: p.id, teamId })));
  teacher = await signIn(app, t.email);
  outsider = await signIn(app, (await buildPerson(db, school, { roles: ['teacher'], departmentId: school.departments[1]?.id ?? null })).email);
  annaClient = await signIn(app, anna.email);
  const [c] = await db.insert(companies).values({ schoolId: school.id, name: 'Byg & Co ApS', cvr: '10150817' }).returning();
  companyId = c?.id ?? '';
  const [c2] = await db.insert(companies).values({ schoolId: other.id, name: 'Fremmed', cvr: '24256790' }).returning();
  otherCompanyId = c2?.id ?? '';
  supervisor = await buildPerson(db, school, { roles: ['company_supervisor'], departmentId: null });
  await db.insert(supervisorCompanies).values({ schoolId: school.id, supervisorId: supervisor.id, companyId });
});

const add = (client: TestClient, body: Record<string, unknown>) => client.post('/api/v1/internship/placements', body);

describe('periods', () => {
  it('adds a school and a practice period; the practice period is a neutral item in the department\'s årshjul', async () => {
    const s = await add(teacher, { studentId: anna.id, kind: 'school', startsOn: '2027-01-04', endsOn: '2027-02-26' });
    expect(s.statusCode, s.body).toBe(201);
    const p = await add(teacher, { studentId: anna.id, kind: 'practice', startsOn: '2027-03-01', endsOn: '2027-05-28', companyId, supervisorId: supervisor.id });
    expect(p.statusCode, p.body).toBe(201);
    expect(p.json()).toMatchObject({ kind: 'practice', company: { id: companyId, name: 'Byg & Co ApS' }, supervisor: { id: supervisor.id } });
    const [item] = await db.select().from(calendarItems).where(and(eq(calendarItems.source, 'internship'), eq(calendarItems.sourceRef, p.json().id)));
    expect(item).toMatchObject({ title: 'Praktikperiode: Byg & Co ApS', startsOn: '2027-03-01', endsOn: '2027-05-28', departmentId: school.departments[0]?.id, status: 'confirmed' });
    expect(`${item?.title} ${item?.description ?? ''}`).not.toContain('Anna');
  });

  it('refuses overlapping periods of one student (409 naming startsOn) and writes nothing; another student may overlap', async () => {
    const before = (await db.select().from(placements).where(eq(placements.studentId, anna.id))).length;
    for (const [startsOn, endsOn] of [
      ['2027-02-26', '2027-03-05'],
      ['2027-05-28', '2027-06-30'],
      ['2026-12-01', '2027-07-01'],
      ['2027-04-01', '2027-04-01'],
    ]) {
      const res = await add(teacher, { studentId: anna.id, kind: 'school', startsOn, endsOn });
      expect(res.statusCode, `${startsOn}–${endsOn}`).toBe(409);
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'startsOn' })]);
    }
    expect(await db.select().from(placements).where(eq(placements.studentId, anna.id))).toHaveLength(before);
    expect((await add(teacher, { studentId: anna.id, kind: 'school', startsOn: '2027-05-29', endsOn: '2027-06-30' })).statusCode).toBe(201);
    expect((await add(teacher, { studentId: bo.id, kind: 'school', startsOn: '2027-03-01', endsOn: '2027-03-31' })).statusCode).toBe(201);
  });

  it('decides concurrent overlapping requests one after the other: exactly one is stored', async () => {
    const body = { studentId: bo.id, kind: 'school', startsOn: '2028-01-03', endsOn: '2028-01-31' };
    const results = await Promise.all([add(teacher, body), add(teacher, { ...body, startsOn: '2028-01-10' }), add(teacher, { ...body, endsOn: '2028-01-20' })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
  });

  it('refuses bad input: end before start, a practice period without a company, an unknown or foreign company, a supervisor of another company', async () => {
    const bad = async (body: Record<string, unknown>, field: string) => {
      const res = await add(teacher, { studentId: bo.id, startsOn: '2029-01-01', endsOn: '2029-01-31', ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    };
    await bad({ kind: 'school', endsOn: '2028-12-31' }, 'endsOn');
    await bad({ kind: 'practice' }, 'companyId');
    await bad({ kind: 'practice', companyId: '00000000-0000-4000-8000-000000000000' }, 'companyId');
    await bad({ kind: 'practice', companyId: otherCompanyId }, 'companyId');
    await bad({ kind: 'practice', companyId: 'ikke-et-id' }, 'companyId');
    await bad({ kind: 'practice', companyId, supervisorId: anna.id }, 'supervisorId');
    await bad({ kind: 'school', companyId }, 'companyId');
    await bad({ kind: 'holiday' }, 'kind');
    expect(await db.select().from(placements).where(and(eq(placements.studentId, bo.id), eq(placements.startsOn, '2029-01-01')))).toHaveLength(0);
  });

  it('an unknown or another school\'s student is 404; a teacher of another department is 403', async () => {
    expect((await add(teacher, { studentId: '00000000-0000-4000-8000-000000000000', kind: 'school', startsOn: '2030-01-01', endsOn: '2030-01-02' })).statusCode).toBe(404);
    const foreign = await buildPerson(db, other, { roles: ['student'] });
    expect((await add(teacher, { studentId: foreign.id, kind: 'school', startsOn: '2030-01-01', endsOn: '2030-01-02' })).statusCode).toBe(404);
    expect((await add(outsider, { studentId: anna.id, kind: 'school', startsOn: '2030-01-01', endsOn: '2030-01-02' })).statusCode).toBe(403);
    expect((await outsider.get(`/api/v1/internship/students/${anna.id}/placements`)).statusCode).toBe(403);
  });

  it('moves a period into the årshjul and out again; a student may read his own plan but not change it', async () => {
    const res = await add(teacher, { studentId: bo.id, kind: 'practice', startsOn: '2030-03-01', endsOn: '2030-03-31', companyId });
    const id = res.json().id as string;
    const patched = await teacher.patch(`/api/v1/internship/placements/${id}`, { kind: 'school' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ kind: 'school', company: null });
    const [item] = await db.select().from(calendarItems).where(eq(calendarItems.sourceRef, id));
    expect(item?.status).toBe('cancelled');
    const mine = await annaClient.get(`/api/v1/internship/students/${anna.id}/placements`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().placements.length).toBeGreaterThanOrEqual(3);
    expect((await annaClient.patch(`/api/v1/internship/placements/${mine.json().placements[0].id}`, { note: 'Mit eget' })).statusCode).toBe(403);
    expect((await teacher.delete(`/api/v1/internship/placements/${id}`)).statusCode).toBe(204);
  });

  it('a student opening another student gets 404, and sees only himself in the list', async () => {
    expect((await annaClient.get(`/api/v1/internship/students/${bo.id}/placements`)).statusCode).toBe(404);
    expect((await annaClient.get(`/api/v1/internship/students/${bo.id}/goals`)).statusCode).toBe(404);
    const list = (await annaClient.get('/api/v1/internship/students')).json();
    expect(list.items.map((i: { student: { id: string } }) => i.student.id)).toEqual([anna.id]);
  });
});

describe('timelines', () => {
  it('shows who is where in an ISO week, for the team', async () => {
    const res = await teacher.get(`/api/v1/internship/timeline?week=2027-W12&teamId=${teamId}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ from: '2027-03-22', to: '2027-03-28' });
    const byName = Object.fromEntries(body.students.map((s: { student: { name: string }; placements: { kind: string }[] }) => [s.student.name, s.placements.map((p) => p.kind)]));
    expect(byName).toEqual({ 'Anna Elev': ['practice'], 'Bo Elev': ['school'] });
    expect((await outsider.get(`/api/v1/internship/timeline?week=2027-W12&teamId=${teamId}`)).json().students).toEqual([]);
  });

  it('refuses a malformed week naming the field', async () => {
    for (const week of ['2027-12', '2027-W54', '2027-W00', 'uge 12', '0999-W10', '9999-W52']) {
      const res = await teacher.get(`/api/v1/internship/timeline?week=${encodeURIComponent(week)}`);
      expect(res.statusCode, week).toBe(422);
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'week' })]);
    }
  });
});

describe('the supervisor window', () => {
  it('holds from the first day of the practice period to day 30 after its end, not day 31', () => {
    expect(inSupervisorWindow('2027-03-01', '2027-05-31', '2027-02-28')).toBe(false);
    expect(inSupervisorWindow('2027-03-01', '2027-05-31', '2027-03-01')).toBe(true);
    expect(inSupervisorWindow('2027-03-01', '2027-05-31', '2027-06-30')).toBe(true);
    expect(inSupervisorWindow('2027-03-01', '2027-05-31', '2027-07-01')).toBe(false);
  });

  it('on the API: day 30 after the end the supervisor sees the student, day 31 he gets 404; a supervisor of another company never', async () => {
    const day30 = await buildPerson(db, school, { roles: ['student'], name: 'Dag Tredive' });
    const day31 = await buildPerson(db, school, { roles: ['student'], name: 'Dag Enogtredive' });
    await db.insert(placements).values([
      { schoolId: school.id, studentId: day30.id, kind: 'practice', startsOn: addDays(today, -90), endsOn: addDays(today, -30), companyId },
      { schoolId: school.id, studentId: day31.id, kind: 'practice', startsOn: addDays(today, -90), endsOn: addDays(today, -31), companyId },
    ]);
    const client = await signIn(app, supervisor.email);
    expect((await client.get(`/api/v1/internship/students/${day30.id}/placements`)).statusCode).toBe(200);
    expect((await client.get(`/api/v1/internship/students/${day30.id}/goals`)).statusCode).toBe(200);
    expect((await client.get(`/api/v1/internship/students/${day31.id}/placements`)).statusCode).toBe(404);
    expect((await client.get(`/api/v1/internship/students/${day31.id}/goals`)).statusCode).toBe(404);
    const names = (await client.get('/api/v1/internship/students')).json().items.map((i: { student: { name: string } }) => i.student.name);
    expect(names).toContain('Dag Tredive');
    expect(names).not.toContain('Dag Enogtredive');
    // A period that starts tomorrow is not yet his.
    const soon = await buildPerson(db, school, { roles: ['student'], name: 'Snart' });
    await db.insert(placements).values({ schoolId: school.id, studentId: soon.id, kind: 'practice', startsOn: addDays(today, 1), endsOn: addDays(today, 60), companyId });
    expect((await client.get(`/api/v1/internship/students/${soon.id}/placements`)).statusCode).toBe(404);
    const elsewhere = await buildPerson(db, school, { roles: ['company_supervisor'], departmentId: null });
    const [c] = await db.insert(companies).values({ schoolId: school.id, name: 'Andet Firma', cvr: '61126228' }).returning();
    await db.insert(supervisorCompanies).values({ schoolId: school.id, supervisorId: elsewhere.id, companyId: c?.id ?? '' });
    expect((await (await signIn(app, elsewhere.email)).get(`/api/v1/internship/students/${day30.id}/placements`)).statusCode).toBe(404);
  });

  it('shows the supervisor only the periods at his company', async () => {
    const s = await buildPerson(db, school, { roles: ['student'], name: 'Kun Praktik' });
    await db.insert(placements).values([
      { schoolId: school.id, studentId: s.id, kind: 'school', startsOn: addDays(today, -60), endsOn: addDays(today, -11) },
      { schoolId: school.id, studentId: s.id, kind: 'practice', startsOn: addDays(today, -10), endsOn: addDays(today, 10), companyId },
    ]);
    const body = (await (await signIn(app, supervisor.email)).get(`/api/v1/internship/students/${s.id}/placements`)).json();
    expect(body.placements.map((p: { kind: string }) => p.kind)).toEqual(['practice']);
  });
});
