import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltPerson, type BuiltSchool } from '../../test/factories';

/*
 * Staff pickers list staff only, and where staff is required the server refuses students and
 * company supervisors, naming the field: an initiative's owner and collaborators, a technology's
 * owner, an ambassador, a development contract's employee, a co-author; and a leader opens only
 * his staff's competence profiles.
 */
const { app, database } = await testApp();
const db = database.db;

type Problem = { code: string; errors?: { field: string; code: string; message: string }[] };
const refusal = (body: Problem) => (body.errors ?? []).map((e) => `${e.field}:${e.code}`);

let school: BuiltSchool;
let deptA = '';
let admin: TestClient;
let boss: TestClient;
let head: TestClient;
let teacherClient: TestClient;
let headPerson: BuiltPerson;
let teacher: BuiltPerson;
let student: BuiltPerson;
let supervisor: BuiltPerson;
let noRoles: BuiltPerson;
let colleague: BuiltPerson;

beforeAll(async () => {
  school = await buildSchool(db, { departments: ['Bygge og Anlæg', 'Handel og Kontor'] });
  deptA = school.departments[0]?.id ?? '';
  admin = await signIn(app, (await buildPerson(db, school, { roles: ['school_admin'], departmentId: null, name: 'Anne Admin' })).email);
  boss = await signIn(app, (await buildPerson(db, school, { roles: ['top_management'], departmentId: null, name: 'Dorte Direktør' })).email);
  headPerson = await buildPerson(db, school, { roles: ['department_head'], departmentId: deptA, name: 'Lars Leder' });
  head = await signIn(app, headPerson.email);
  teacher = await buildPerson(db, school, { roles: ['teacher'], departmentId: deptA, name: 'Lone Lærer' });
  teacherClient = await signIn(app, teacher.email);
  colleague = await buildPerson(db, school, { roles: ['teacher', 'it_ambassador'], departmentId: deptA, name: 'Anders Ambassadør' });
  student = await buildPerson(db, school, { roles: ['student'], departmentId: deptA, name: 'Emil Elev' });
  supervisor = await buildPerson(db, school, { roles: ['company_supervisor'], departmentId: deptA, name: 'Pia Praktikvejleder' });
  noRoles = await buildPerson(db, school, { departmentId: deptA, name: 'Nina Nyimporteret' });
});

const names = async (c: TestClient, url: string) => {
  const res = await c.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { name: string }[]).map((p) => p.name);
};

describe('the staff picker list (GET /people?staff=true)', () => {
  it('lists staff only: no students, company supervisors or people without a role', async () => {
    const all = await names(admin, '/api/v1/people?pageSize=200');
    expect(all).toEqual(expect.arrayContaining([student.name, supervisor.name, noRoles.name, teacher.name]));
    const staff = await names(admin, '/api/v1/people?pageSize=200&staff=true');
    expect(staff).toEqual(expect.arrayContaining([teacher.name, colleague.name, headPerson.name, 'Anne Admin', 'Dorte Direktør']));
    for (const n of [student.name, supervisor.name, noRoles.name]) expect(staff).not.toContain(n);
    // searched: the search is narrowed, not widened
    expect(await names(boss, '/api/v1/people?staff=true&q=e')).not.toContain(student.name);
    // the "Medarbejder" list of a department head: his department's staff
    const mine = await names(head, `/api/v1/people?staff=true&pageSize=200&departmentId=${deptA}`);
    expect(mine.sort()).toEqual([colleague.name, headPerson.name, teacher.name].sort());
  });

  it('refuses a filter value it does not know, naming the field', async () => {
    const res = await admin.get('/api/v1/people?staff=ja');
    expect(res.statusCode).toBe(422);
    expect(refusal(res.json()).map((f) => f.split(':')[0])).toEqual(['staff']);
  });

  it('offers staff only as co-authors (GET /library/colleagues)', async () => {
    const res = await teacherClient.get('/api/v1/library/colleagues');
    expect(res.statusCode, res.body).toBe(200);
    const offered = (res.json() as { name: string }[]).map((p) => p.name);
    expect(offered).toContain(colleague.name);
    for (const n of [student.name, supervisor.name, noRoles.name]) expect(offered).not.toContain(n);
  });
});

describe('where staff is required, anyone else is refused naming the field', () => {
  const initiative = (over: Record<string, unknown>) => ({
    title: `Video-feedback ${Math.random()}`,
    why: 'Eleverne lærer mere, når de kan se feedbacken igen.',
    level: 'department',
    departmentId: deptA,
    pedagogicalGoals: ['feedback'],
    sigtelinjer: ['3'],
    startsOn: '2024-01-01',
    endsOn: '2024-12-31',
    ...over,
  });

  it("an initiative's owner and collaborators", async () => {
    const asOwner = await head.post('/api/v1/initiatives', initiative({ ownerId: student.id }));
    expect(asOwner.statusCode).toBe(422);
    expect(refusal(asOwner.json())).toEqual(['ownerId:not_staff']);
    expect(asOwner.json().errors[0].message).toMatch(/medarbejdere/);
    const asCollaborator = await head.post('/api/v1/initiatives', initiative({ ownerId: teacher.id, collaboratorIds: [colleague.id, supervisor.id] }));
    expect(asCollaborator.statusCode).toBe(422);
    expect(refusal(asCollaborator.json())).toEqual(['collaboratorIds.1:not_staff']);
    const ok = await head.post('/api/v1/initiatives', initiative({ ownerId: teacher.id, collaboratorIds: [colleague.id] }));
    expect(ok.statusCode, ok.body).toBe(201);
    const patched = await head.patch(`/api/v1/initiatives/${ok.json().id}`, { ownerId: noRoles.id });
    expect(patched.statusCode).toBe(422);
    expect(refusal(patched.json())).toEqual(['ownerId:not_staff']);
  });

  it("a technology's owner", async () => {
    const body = { name: `Padlet ${Math.random()}`, state: 'afproves', rationale: 'Fælles opslagstavle', scope: 'school' };
    const res = await boss.post('/api/v1/technologies', { ...body, ownerId: supervisor.id });
    expect(res.statusCode).toBe(422);
    expect(refusal(res.json())).toEqual(['ownerId:not_staff']);
    expect((await boss.post('/api/v1/technologies', { ...body, ownerId: teacher.id })).statusCode).toBe(201);
  });

  it('an ambassador', async () => {
    const res = await head.post('/api/v1/ambassadors', { personId: student.id, kind: 'ambassador', contact: 'Teams' });
    expect(res.statusCode).toBe(422);
    expect(refusal(res.json())).toEqual(['personId:not_staff']);
    expect((await head.post('/api/v1/ambassadors', { personId: colleague.id, kind: 'ambassador', contact: 'Teams' })).statusCode).toBe(201);
  });

  it("a development contract's employee", async () => {
    const fw = (await teacherClient.get('/api/v1/competence/framework')).json();
    const goal = { competenceId: fw.areas[0]?.competences[0]?.id ?? '', targetLevel: 3, note: '' };
    for (const p of [student, supervisor]) {
      const res = await head.post('/api/v1/competence/contracts', { personId: p.id, content: { goals: [goal] } });
      expect(res.statusCode, p.name).toBe(422);
      expect(refusal(res.json())).toEqual(['personId:not_staff']);
    }
    const ok = await head.post('/api/v1/competence/contracts', { personId: teacher.id, content: { goals: [goal] } });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('a co-author', async () => {
    const res = await teacherClient.post('/api/v1/library/items', { kind: 'forlob', title: 'Kantsøm', coAuthorIds: [colleague.id, student.id] });
    expect(res.statusCode).toBe(422);
    expect(refusal(res.json())).toEqual(['coAuthorIds:not_staff']);
    const ok = await teacherClient.post('/api/v1/library/items', { kind: 'forlob', title: 'Kantsøm', coAuthorIds: [colleague.id] });
    expect(ok.statusCode, ok.body).toBe(201);
    const patched = await teacherClient.patch(`/api/v1/library/items/${ok.json().id}`, { coAuthorIds: [supervisor.id] });
    expect(patched.statusCode).toBe(422);
    expect(refusal(patched.json())).toEqual(['coAuthorIds:not_staff']);
  });

  it("a leader's view of an employee's competence profile is for staff: a student's or a supervisor's is refused", async () => {
    expect((await boss.patch('/api/v1/competence/settings', { leaderSeesIndividuals: true })).statusCode).toBe(200);
    expect((await head.get(`/api/v1/competence/people/${teacher.id}/profile`)).statusCode).toBe(200);
    for (const p of [student, supervisor]) expect((await head.get(`/api/v1/competence/people/${p.id}/profile`)).statusCode, p.name).toBe(403);
    // the person himself still opens his own
    expect((await (await signIn(app, student.email)).get(`/api/v1/competence/people/${student.id}/profile`)).statusCode).toBe(200);
  });
});
