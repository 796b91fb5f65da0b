import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { companies, people, personRoles, programmes, supervisorCompanies } from '../../db/schema/index';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltSchool } from '../../test/factories';
import { isValidCvr } from './companies-cvr';

/** Companies: the CVR check, unique CVR per school, search, per department through programmes, supervisors, cross-school 404. */
const { app, database } = await testApp();
const db = database.db;
let school: BuiltSchool;
let other: BuiltSchool;
let head: TestClient;
let teacher: TestClient;
let consultant: TestClient;
let student: TestClient;
let programmeId = '';
let otherCompanyId = '';

/** Valid CVR numbers of real Danish companies (the register's own check holds for them). */
const REAL_CVRS = ['24256790', '10150817', '61126228', '25313763', '10103940'];

beforeAll(async () => {
  school = await buildSchool(db, { departments: ['Bygge og Anlæg', 'Handel'] });
  other = await buildSchool(db, { departments: ['Byg'] });
  const dept = school.departments[0]?.id ?? null;
  head = await signIn(app, (await buildPerson(db, school, { roles: ['department_head'], departmentId: dept })).email);
  teacher = await signIn(app, (await buildPerson(db, school, { roles: ['teacher'], departmentId: dept })).email);
  consultant = await signIn(app, (await buildPerson(db, school, { roles: ['internal_consultant'] })).email);
  student = await signIn(app, (await buildPerson(db, school, { roles: ['student'] })).email);
  const [p] = await db.insert(programmes).values({ schoolId: school.id, name: 'Tømrer' }).returning();
  programmeId = p?.id ?? '';
  const [c] = await db.insert(companies).values({ schoolId: other.id, name: 'Anden skoles virksomhed', cvr: '24256790' }).returning();
  otherCompanyId = c?.id ?? '';
});

const add = (client: TestClient, body: Record<string, unknown>) => client.post('/api/v1/internship/companies', { name: 'Byg & Co ApS', ...body });

describe('the CVR check', () => {
  it('accepts real CVR numbers and refuses a wrong check digit, a leading zero and other lengths', () => {
    for (const cvr of REAL_CVRS) expect(isValidCvr(cvr), cvr).toBe(true);
    for (const cvr of ['24256791', '12345678', '10150818', '02425679', '2425679', '242567900', 'abcdefgh']) expect(isValidCvr(cvr), cvr).toBe(false);
  });

  it('refuses a wrong length and a wrong check digit on the API, naming the field; a good one is stored', async () => {
    const short = await add(teacher, { cvr: '1234567' });
    expect(short.statusCode).toBe(422);
    expect(short.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'cvr' })]));
    const digit = await add(teacher, { cvr: '24256791' });
    expect(digit.statusCode).toBe(422);
    expect(digit.json().errors).toEqual([expect.objectContaining({ field: 'cvr', code: 'cvr_check_digit' })]);
    const pNumber = await add(teacher, { cvr: '10150817', pNumber: '123' });
    expect(pNumber.statusCode).toBe(422);
    expect(pNumber.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'pNumber' })]));
    expect(await db.select().from(companies).where(eq(companies.schoolId, school.id))).toHaveLength(0);
    const ok = await add(teacher, { cvr: '10150817', pNumber: '1003456789', trade: 'Tømrer', city: 'Odense', programmeIds: [programmeId] });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ cvr: '10150817', pNumber: '1003456789', programmes: [{ id: programmeId, name: 'Tømrer' }], supervisors: [] });
  });

  it('keeps a CVR unique within the school (409 naming cvr), but another school may have the same', async () => {
    const again = await add(head, { name: 'Kopi', cvr: '10150817' });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([expect.objectContaining({ field: 'cvr' })]);
    // 24256790 is the other school's company: free here.
    expect((await add(head, { name: 'Novo', cvr: '24256790' })).statusCode).toBe(201);
  });

  it('refuses an unknown programme without writing the company', async () => {
    const res = await add(teacher, { name: 'Ukendt uddannelse', cvr: '61126228', programmeIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'programmeIds' })]);
    expect(await db.select().from(companies).where(and(eq(companies.schoolId, school.id), eq(companies.cvr, '61126228')))).toHaveLength(0);
  });
});

describe('search and lists', () => {
  it('finds by name, CVR prefix and trade; per programme and per department through the programmes it runs', async () => {
    const names = async (q: string) => ((await consultant.get(`/api/v1/internship/companies?${q}`)).json().items as { name: string }[]).map((c) => c.name);
    expect(await names('q=byg')).toEqual(['Byg & Co ApS']);
    expect(await names('q=1015')).toEqual(['Byg & Co ApS']);
    expect(await names('q=t%C3%B8mrer')).toEqual(['Byg & Co ApS']);
    expect(await names(`programmeId=${programmeId}`)).toEqual(['Byg & Co ApS']);
    const dept = school.departments[0]?.id;
    expect(await names(`departmentId=${dept}`)).toEqual([]);
    const set = await head.put(`/api/v1/internship/programmes/${programmeId}/departments`, { departmentIds: [dept] });
    expect(set.statusCode, set.body).toBe(200);
    expect(await names(`departmentId=${dept}`)).toEqual(['Byg & Co ApS']);
    expect(await names(`departmentId=${school.departments[1]?.id}`)).toEqual([]);
  });

  it('keeps companies from students (403) and another school\'s company is 404', async () => {
    expect((await student.get('/api/v1/internship/companies')).statusCode).toBe(403);
    expect((await teacher.get(`/api/v1/internship/companies/${otherCompanyId}`)).statusCode).toBe(404);
    expect((await teacher.patch(`/api/v1/internship/companies/${otherCompanyId}`, { name: 'Hacket' })).statusCode).toBe(404);
  });

  it('archives a company out of the list and back', async () => {
    const [c] = await db.select().from(companies).where(and(eq(companies.schoolId, school.id), eq(companies.cvr, '24256790')));
    expect((await teacher.patch(`/api/v1/internship/companies/${c?.id}`, { archived: true })).json().archived).toBe(true);
    const names = ((await teacher.get('/api/v1/internship/companies')).json().items as { name: string }[]).map((x) => x.name);
    expect(names).not.toContain('Novo');
    expect((await teacher.get('/api/v1/internship/companies?archived=true')).json().items).toHaveLength(1);
  });
});

describe('supervisors', () => {
  it('invites a supervisor by e-mail: a person with the one role company_supervisor, tied to the company, who can sign in by the link', async () => {
    const [c] = await db.select().from(companies).where(and(eq(companies.schoolId, school.id), eq(companies.cvr, '10150817')));
    const res = await head.post(`/api/v1/internship/companies/${c?.id}/supervisors`, { name: 'Pia Praktik', email: 'pia@byg.example' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ supervisor: { name: 'Pia Praktik', email: 'pia@byg.example' }, emailed: false });
    expect(body.link).toMatch(/\/invitation\/|token|invite/);
    const roles = await db.select({ role: personRoles.role }).from(personRoles).where(eq(personRoles.personId, body.supervisor.id));
    expect(roles.map((r) => r.role)).toEqual(['company_supervisor']);
    expect(await db.select().from(supervisorCompanies).where(eq(supervisorCompanies.supervisorId, body.supervisor.id))).toHaveLength(1);
    // Inviting again to another company ties the same person.
    const [novo] = await db.select().from(companies).where(and(eq(companies.schoolId, school.id), eq(companies.cvr, '24256790')));
    const again = await head.post(`/api/v1/internship/companies/${novo?.id}/supervisors`, { name: 'Pia', email: 'PIA@byg.example' });
    expect(again.json().supervisor.id).toBe(body.supervisor.id);
    const detail = (await teacher.get(`/api/v1/internship/companies/${c?.id}`)).json();
    expect(detail.supervisors).toEqual([expect.objectContaining({ id: body.supervisor.id, name: 'Pia Praktik' })]);
  });

  it('refuses to make a teacher a supervisor (409), and a teacher may not invite (403)', async () => {
    const [c] = await db.select().from(companies).where(and(eq(companies.schoolId, school.id), eq(companies.cvr, '10150817')));
    const [t] = await db.select().from(people).innerJoin(personRoles, eq(personRoles.personId, people.id)).where(and(eq(people.schoolId, school.id), eq(personRoles.role, 'teacher')));
    const res = await head.post(`/api/v1/internship/companies/${c?.id}/supervisors`, { name: 'Lærer', email: t?.people.email });
    expect(res.statusCode).toBe(409);
    expect((await teacher.post(`/api/v1/internship/companies/${c?.id}/supervisors`, { name: 'X', email: 'x@byg.example' })).statusCode).toBe(403);
  });

  it('a supervisor opens his own company, and another company of the school is 404 to him', async () => {
    const [c] = await db.select().from(companies).where(and(eq(companies.schoolId, school.id), eq(companies.cvr, '10150817')));
    const sup = await buildPerson(db, school, { roles: ['company_supervisor'], departmentId: null });
    await db.insert(supervisorCompanies).values({ schoolId: school.id, supervisorId: sup.id, companyId: c?.id ?? '' });
    const [mine] = await db.insert(companies).values({ schoolId: school.id, name: 'Fremmed ApS', cvr: '25313763' }).returning();
    const client = await signIn(app, sup.email);
    expect((await client.get(`/api/v1/internship/companies/${c?.id}`)).statusCode).toBe(200);
    expect((await client.get(`/api/v1/internship/companies/${mine?.id}`)).statusCode).toBe(404);
    expect((await client.get('/api/v1/internship/companies')).statusCode).toBe(403);
    const untie = await head.delete(`/api/v1/internship/companies/${c?.id}/supervisors/${sup.id}`);
    expect(untie.statusCode).toBe(204);
    expect((await client.get(`/api/v1/internship/companies/${c?.id}`)).statusCode).toBe(404);
  });
});
