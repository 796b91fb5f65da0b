import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { calendarItems, companies, goalStatuses, goalStatusHistory, internshipGoals, logbookEntries, people, placements, programmes, studentProgrammes } from '../../db/schema/index';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltPerson, type BuiltSchool } from '../../test/factories';
import { internshipPersonalData } from './personal-data';

/** Offers per department, and a student's internship data: the administrator's export and deletion, the personal-data hooks. */
const { app, database } = await testApp();
const db = database.db;
let school: BuiltSchool;
let other: BuiltSchool;
let admin: TestClient;
let consultant: TestClient;
let teacher: TestClient;
let companyId = '';
let anna: BuiltPerson;

beforeAll(async () => {
  school = await buildSchool(db, { departments: ['Bygge og Anlæg', 'Handel'] });
  other = await buildSchool(db, { departments: ['Byg'] });
  admin = await signIn(app, (await buildPerson(db, school, { roles: ['school_admin'] })).email);
  consultant = await signIn(app, (await buildPerson(db, school, { roles: ['internal_consultant'] })).email);
  const t = await buildPerson(db, school, { roles: ['teacher'] });
  teacher = await signIn(app, t.email);
  const [c] = await db.insert(companies).values({ schoolId: school.id, name: 'Byg & Co', cvr: '10150817' }).returning();
  companyId = c?.id ?? '';
  anna = await buildPerson(db, school, { roles: ['student'], name: 'Anna Elev' });
});

describe('offers', () => {
  it('adds company and school offers and lists them per department (its own and the whole school\'s)', async () => {
    const [byg, handel] = school.departments.map((d) => d.id);
    const visit = await consultant.post('/api/v1/internship/offers', { category: 'visit', companyId, title: 'Besøg på byggepladsen', departmentId: byg, startsOn: '2027-04-01', endsOn: '2027-04-30' });
    expect(visit.statusCode, visit.body).toBe(201);
    expect(visit.json()).toMatchObject({ source: 'company', company: { id: companyId, name: 'Byg & Co' } });
    const amu = await teacher.post('/api/v1/internship/offers', { category: 'amu', title: 'AMU: Kran og løft' });
    expect(amu.json()).toMatchObject({ source: 'school', company: null, department: null });
    const titles = async (dept: string | undefined) =>
      ((await consultant.get(`/api/v1/internship/offers${dept ? `?departmentId=${dept}` : ''}`)).json().items as { title: string }[]).map((o) => o.title).sort();
    expect(await titles(byg)).toEqual(['AMU: Kran og løft', 'Besøg på byggepladsen']);
    expect(await titles(handel)).toEqual(['AMU: Kran og løft']);
    const changed = await consultant.patch(`/api/v1/internship/offers/${amu.json().id}`, { category: 'idv' });
    expect(changed.json().category).toBe('idv');
  });

  it('refuses a company offer without a company, a school course with one, an unknown company, end before start', async () => {
    const bad = async (body: Record<string, unknown>, field: string) => {
      const res = await consultant.post('/api/v1/internship/offers', { title: 'Tilbud', ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    };
    await bad({ category: 'equipment' }, 'companyId');
    await bad({ category: 'idv', companyId }, 'companyId');
    await bad({ category: 'expertise', companyId: '00000000-0000-4000-8000-000000000000' }, 'companyId');
    await bad({ category: 'amu', startsOn: '2027-05-01', endsOn: '2027-04-01' }, 'endsOn');
    await bad({ category: 'amu', departmentId: other.departments[0]?.id }, 'departmentId');
  });

  it('keeps offers from students (403) and another school\'s offer is 404', async () => {
    const student = await signIn(app, anna.email);
    expect((await student.get('/api/v1/internship/offers')).statusCode).toBe(403);
    const foreign = await buildPerson(db, other, { roles: ['school_admin'] });
    const res = await (await signIn(app, foreign.email)).post('/api/v1/internship/offers', { category: 'amu', title: 'Fremmed' });
    const id = res.json().id as string;
    expect((await consultant.patch(`/api/v1/internship/offers/${id}`, { title: 'Hacket' })).statusCode).toBe(404);
    expect((await consultant.delete(`/api/v1/internship/offers/${id}`)).statusCode).toBe(404);
  });
});

describe("a student's internship data", () => {
  it('the administrator exports it and deletes it; the person stays and the årshjul item is cancelled', async () => {
    const [p] = await db.insert(programmes).values({ schoolId: school.id, name: 'Tømrer' }).returning();
    const [g] = await db.insert(internshipGoals).values({ schoolId: school.id, programmeId: p?.id ?? '', code: 'PM1', text: 'Opmåle' }).returning();
    await db.insert(studentProgrammes).values({ schoolId: school.id, studentId: anna.id, programmeId: p?.id ?? '' });
    const placed = await admin.post('/api/v1/internship/placements', { studentId: anna.id, kind: 'practice', startsOn: '2027-03-01', endsOn: '2027-05-31', companyId });
    expect(placed.statusCode, placed.body).toBe(201);
    const [pl] = await db.select().from(placements).where(eq(placements.studentId, anna.id));
    await db.insert(logbookEntries).values({ schoolId: school.id, studentId: anna.id, placementId: pl?.id ?? '', title: 'Første dag', bodyText: 'Vi satte spær op', entryDate: '2027-03-01' });
    await db.insert(goalStatuses).values({ schoolId: school.id, studentId: anna.id, goalId: g?.id ?? '', status: 'partly' });
    await db.insert(goalStatusHistory).values({ schoolId: school.id, studentId: anna.id, goalId: g?.id ?? '', status: 'partly' });

    const exported = await admin.get(`/api/v1/internship/students/${anna.id}/data`);
    expect(exported.statusCode, exported.body).toBe(200);
    const data = exported.json().data;
    expect(data.internshipPlacements).toEqual([expect.objectContaining({ kind: 'practice', company: 'Byg & Co' })]);
    expect(data.internshipLogbookEntries).toEqual([expect.objectContaining({ title: 'Første dag' })]);
    expect(data.internshipGoalStatuses).toEqual([expect.objectContaining({ code: 'PM1', status: 'partly' })]);
    // The person's own download holds the same parts.
    const own = (await internshipPersonalData.export?.(db, school.id, anna.id)) ?? {};
    expect(Object.fromEntries(Object.entries(own).map(([k, v]) => [k, (v as unknown[]).length]))).toEqual(Object.fromEntries(Object.entries(data).map(([k, v]) => [k, (v as unknown[]).length])));

    expect((await teacher.delete(`/api/v1/internship/students/${anna.id}/data`)).statusCode).toBe(403);
    const deleted = await admin.delete(`/api/v1/internship/students/${anna.id}/data`);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json().deleted).toMatchObject({ internshipPlacements: 1, internshipLogbookEntries: 1, internshipGoalStatuses: 1 });
    expect(await db.select().from(placements).where(eq(placements.studentId, anna.id))).toHaveLength(0);
    expect(await db.select().from(logbookEntries).where(eq(logbookEntries.studentId, anna.id))).toHaveLength(0);
    expect(await db.select().from(goalStatuses).where(eq(goalStatuses.studentId, anna.id))).toHaveLength(0);
    expect(await db.select().from(people).where(eq(people.id, anna.id))).toHaveLength(1);
    const [item] = await db.select().from(calendarItems).where(eq(calendarItems.sourceRef, pl?.id ?? ''));
    expect(item?.status).toBe('cancelled');
  });

  it("another school's student is 404 to the administrator", async () => {
    const foreign = await buildPerson(db, other, { roles: ['student'] });
    expect((await admin.get(`/api/v1/internship/students/${foreign.id}/data`)).statusCode).toBe(404);
    expect((await admin.delete(`/api/v1/internship/students/${foreign.id}/data`)).statusCode).toBe(404);
  });
});
