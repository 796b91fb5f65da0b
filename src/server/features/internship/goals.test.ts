import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { companies, internshipGoals, personTeams, placements, programmes, studentProgrammes, supervisorCompanies, teams } from '../../db/schema/index';
import { todayInCopenhagen } from '../../platform/time';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltPerson, type BuiltSchool } from '../../test/factories';
import { addDays } from '../home/api';

/** Praktikmål: entered and imported (encodings, separators, bad rows), per-student status with history, the overview, who may set a status. */
const { app, database } = await testApp();
const db = database.db;
const today = todayInCopenhagen();
let school: BuiltSchool;
let other: BuiltSchool;
let head: TestClient;
let teacher: TestClient;
let supervisorClient: TestClient;
let studentClient: TestClient;
let anna: BuiltPerson;
let bo: BuiltPerson;
let programmeId = '';
let otherProgrammeId = '';

beforeAll(async () => {
  school = await buildSchool(db, { departments: ['Bygge og Anlæg'] });
  other = await buildSchool(db, { departments: ['Byg'] });
  const dept = school.departments[0]?.id ?? null;
  head = await signIn(app, (await buildPerson(db, school, { roles: ['department_head'], departmentId: dept })).email);
  const t = await buildPerson(db, school, { roles: ['teacher'], departmentId: dept });
  teacher = await signIn(app, t.email);
  anna = await buildPerson(db, school, { roles: ['student'], name: 'Anna' });
  bo = await buildPerson(db, school, { roles: ['student'], name: 'Bo' });
  studentClient = await signIn(app, anna.email);
  const [team] = await db.insert(teams).values({ schoolId: school.id, name: 'Hold' }).returning();
  await db.insert(personTeams).values([t, anna].map((p) => ({ schoolId: school.id, personId: p.id, teamId: team?.id ?? '' })));
  const [p] = await db.insert(programmes).values({ schoolId: school.id, name: 'Tømrer' }).returning();
  programmeId = p?.id ?? '';
  const [op] = await db.insert(programmes).values({ schoolId: other.id, name: 'Tømrer' }).returning();
  otherProgrammeId = op?.id ?? '';
  await db.insert(studentProgrammes).values([anna, bo].map((s) => ({ schoolId: school.id, studentId: s.id, programmeId })));
  const [c] = await db.insert(companies).values({ schoolId: school.id, name: 'Byg & Co', cvr: '10150817' }).returning();
  const sup = await buildPerson(db, school, { roles: ['company_supervisor'], departmentId: null });
  await db.insert(supervisorCompanies).values({ schoolId: school.id, supervisorId: sup.id, companyId: c?.id ?? '' });
  await db.insert(placements).values({ schoolId: school.id, studentId: anna.id, kind: 'practice', startsOn: addDays(today, -5), endsOn: addDays(today, 20), companyId: c?.id ?? '' });
  supervisorClient = await signIn(app, sup.email);
});

const url = (id = programmeId) => `/api/v1/internship/programmes/${id}/goals`;
const importCsv = (client: TestClient, body: string | Buffer, id = programmeId) => client.post(`${url(id)}/import`, body);

describe('entering and importing', () => {
  it('adds a goal, refuses a second with the same code (409) and empty text (422)', async () => {
    const ok = await head.post(url(), { code: 'PM1', text: 'Kan opmåle og afsætte', level: 'Rutineret' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await head.post(url(), { code: 'pm1', text: 'Igen' })).statusCode).toBe(409);
    const empty = await head.post(url(), { code: 'PM9', text: '' });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().errors).toEqual([expect.objectContaining({ field: 'text' })]);
    expect((await teacher.post(url(), { code: 'PM8', text: 'Lærer' })).statusCode).toBe(403);
  });

  it('imports UTF-8 with ; and a header, and Windows-1252 with , (Danish letters kept); known codes are updated', async () => {
    const utf8 = await importCsv(head, 'kode;tekst;niveau\nPM1;Kan opmåle, afsætte og kontrollere;Rutineret\nPM2;Kan lægge gulv;Begynder\n');
    expect(utf8.statusCode, utf8.body).toBe(200);
    expect(utf8.json()).toEqual({ created: 1, updated: 1, unchanged: 0 });
    const latin = Buffer.from('PM3,"Kan montere døre og vinduer",Avanceret\nPM2,Kan lægge gulv,Begynder\n', 'latin1');
    const res = await importCsv(head, latin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 1, updated: 0, unchanged: 1 });
    const goals = (await teacher.get(url())).json().goals as { code: string; text: string; level: string }[];
    expect(goals.map((g) => g.code)).toEqual(['PM1', 'PM2', 'PM3']);
    expect(goals[2]).toMatchObject({ text: 'Kan montere døre og vinduer', level: 'Avanceret' });
  });

  it('refuses a file with bad rows, naming each line, and writes nothing', async () => {
    const res = await importCsv(head, 'PM4;Kan noget\n;Mangler kode\nPM4;Dublet\nPM5\n');
    expect(res.statusCode).toBe(422);
    const fields = (res.json().errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(['line.2', 'line.3', 'line.4']);
    expect(await db.select().from(internshipGoals).where(and(eq(internshipGoals.programmeId, programmeId), eq(internshipGoals.code, 'PM4')))).toHaveLength(0);
    expect((await importCsv(head, '')).statusCode).toBe(422);
  });

  it("another school's programme is 404 for every goal route", async () => {
    expect((await head.get(url(otherProgrammeId))).statusCode).toBe(404);
    expect((await head.post(url(otherProgrammeId), { code: 'X', text: 'Y' })).statusCode).toBe(404);
    expect((await importCsv(head, 'X;Y;Z\n', otherProgrammeId)).statusCode).toBe(404);
  });
});

describe('statuses', () => {
  const goalId = async (code: string) => (await db.select().from(internshipGoals).where(and(eq(internshipGoals.programmeId, programmeId), eq(internshipGoals.code, code))))[0]?.id ?? '';

  it('the teacher, the head and the current supervisor set a status; the history keeps every change, newest first', async () => {
    const pm1 = await goalId('PM1');
    const put = (client: TestClient, status: string, comment = '') => client.put(`/api/v1/internship/students/${anna.id}/goals/${pm1}`, { status, comment });
    expect((await put(teacher, 'not_yet')).statusCode).toBe(200);
    expect((await put(supervisorClient, 'partly', 'Godt på vej')).statusCode).toBe(200);
    const last = await put(head, 'reached', 'Vist på pladsen');
    expect(last.statusCode, last.body).toBe(200);
    const mine = (await studentClient.get(`/api/v1/internship/students/${anna.id}/goals`)).json();
    const g = mine.goals.find((x: { goal: { code: string } }) => x.goal.code === 'PM1');
    expect(g.latest).toMatchObject({ status: 'reached', comment: 'Vist på pladsen' });
    expect(g.history.map((h: { status: string }) => h.status)).toEqual(['reached', 'partly', 'not_yet']);
    expect(mine.abilities).not.toContain('internshipStudent:setGoal');
  });

  it('refuses the student himself (403), a bad status (422) and a goal of another programme (422)', async () => {
    const pm2 = await goalId('PM2');
    expect((await studentClient.put(`/api/v1/internship/students/${anna.id}/goals/${pm2}`, { status: 'reached' })).statusCode).toBe(403);
    const bad = await teacher.put(`/api/v1/internship/students/${anna.id}/goals/${pm2}`, { status: 'done' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'status' })]);
    const [p2] = await db.insert(programmes).values({ schoolId: school.id, name: 'Murer' }).returning();
    const [foreignGoal] = await db.insert(internshipGoals).values({ schoolId: school.id, programmeId: p2?.id ?? '', code: 'M1', text: 'Mure' }).returning();
    const res = await teacher.put(`/api/v1/internship/students/${anna.id}/goals/${foreignGoal?.id}`, { status: 'reached' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'goalId' })]);
  });

  it('a supervisor without a placement of the student gets 404', async () => {
    const pm1 = await goalId('PM1');
    expect((await supervisorClient.put(`/api/v1/internship/students/${bo.id}/goals/${pm1}`, { status: 'reached' })).statusCode).toBe(404);
  });

  it('the overview counts each goal and puts rarely reached goals first', async () => {
    const pm2 = await goalId('PM2');
    await head.put(`/api/v1/internship/students/${bo.id}/goals/${pm2}`, { status: 'partly' });
    const res = await teacher.get(`${url()}/overview`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.students).toBe(2);
    expect(body.goals.map((g: { goal: { code: string }; reached: number; partly: number }) => [g.goal.code, g.reached, g.partly])).toEqual([
      ['PM2', 0, 1],
      ['PM3', 0, 0],
      ['PM1', 1, 0],
    ]);
  });
});
