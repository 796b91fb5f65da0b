import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, competenceAnswers, competenceAreaLevels, competenceAssessments, competenceFrameworks, competenceRounds, people } from '../../db/schema/index';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltPerson, type BuiltSchool } from '../../test/factories';
import { todayInCopenhagen } from '../../platform/time';
import { BASIC_CHECKS } from './framework-data';
import { answeredLevel, basicPassed, BASIC_PASS, levelOfMean } from './levels';
import { writeAssessments } from './bulk-assessments';

const { app, database } = await testApp();
const db = database.db;

type Fw = { id: string; areas: { id: string; competences: { id: string }[] }[] };
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const today = todayInCopenhagen();

let school: BuiltSchool;
let deptA: string;
let deptB: string;
let admin: TestClient;
let head: BuiltPerson;
let headClient: TestClient;
let teacher: BuiltPerson;
let teacherClient: TestClient;
let fw: Fw;

async function openRound(title: string, opensOn = today, closesOn = addDays(today, 14)) {
  const res = await admin.post('/api/v1/competence/rounds', { title, opensOn, closesOn });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

beforeAll(async () => {
  school = await buildSchool(db, { departments: ['Bygge og Anlæg', 'Handel og Kontor', 'Sundhed'] });
  [deptA, deptB] = school.departments.map((d) => d.id) as [string, string];
  admin = await signIn(app, (await buildPerson(db, school, { roles: ['school_admin'], departmentId: null })).email);
  head = await buildPerson(db, school, { roles: ['department_head'], departmentId: deptA });
  headClient = await signIn(app, head.email);
  teacher = await buildPerson(db, school, { roles: ['teacher'], departmentId: deptA, name: 'Lone Lærer' });
  teacherClient = await signIn(app, teacher.email);
  fw = (await teacherClient.get('/api/v1/competence/framework')).json();
});

describe('level mapping', () => {
  it('places a person at level 0 below the basic-skills threshold, at every boundary', () => {
    const n = BASIC_CHECKS.length;
    const answers = (yes: number) => Array.from({ length: n }, (_, i) => i < yes);
    expect(basicPassed(answers(BASIC_PASS - 1))).toBe(false);
    expect(basicPassed(answers(BASIC_PASS))).toBe(true);
    expect(basicPassed(answers(n))).toBe(true);
    expect(basicPassed(answers(0))).toBe(false);
    expect(basicPassed(null)).toBe(false);
    expect(basicPassed(answers(n).slice(1))).toBe(false);
    // level 0 is a flag on the person: an answer counts as given
    expect(answeredLevel(6)).toBe(6);
    expect(answeredLevel(0)).toBe(0);
    expect(() => answeredLevel(7)).toThrow(RangeError);
    expect(() => answeredLevel(-1)).toThrow(RangeError);
    expect(() => answeredLevel(2.5)).toThrow(RangeError);
  });

  it('an area reaches a level when its mean reaches it', () => {
    expect(levelOfMean(0)).toBe(0);
    expect(levelOfMean(0.99)).toBe(0);
    expect(levelOfMean(1)).toBe(1);
    expect(levelOfMean(2 / 3 + 1 / 3)).toBe(1);
    expect(levelOfMean(5.999)).toBe(5);
    expect(levelOfMean(6)).toBe(6);
    expect(levelOfMean(7)).toBe(6);
    expect(levelOfMean(-1)).toBe(0);
    expect(levelOfMean(Number.NaN)).toBe(0);
  });
});

describe('framework', () => {
  it('ships the default staff framework: 7 areas incl. Digitalisering af faget, 25 competences, levels 0–6, with the DigCompEdu citation', async () => {
    const res = (await teacherClient.get('/api/v1/competence/framework')).json();
    expect(res.areas).toHaveLength(7);
    expect(res.areas.map((a: { title: { da: string } }) => a.title.da)).toContain('Digitalisering af faget');
    expect(res.areas.flatMap((a: { competences: unknown[] }) => a.competences)).toHaveLength(25);
    expect(res.levels.map((l: { level: number }) => l.level)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(res.levels[1].title.da).toBe('Nybegynder');
    expect(res.levels[6].title.da).toBe('Pioner');
    expect(res.citation).toMatch(/DigCompEdu/);
    expect(res.notYet.da).toBe('Det kender jeg ikke til endnu');
    // created once, not again
    const [n] = await db.select({ n: count() }).from(competenceFrameworks).where(and(eq(competenceFrameworks.schoolId, school.id), eq(competenceFrameworks.kind, 'staff')));
    expect(n?.n).toBe(1);
  });

  it('has a simpler student framework', async () => {
    const res = (await teacherClient.get('/api/v1/competence/framework?kind=student')).json();
    expect(res.kind).toBe('student');
    expect(res.areas.length).toBeLessThan(7);
  });
});

describe('self-assessment', () => {
  let roundId: string;
  beforeAll(async () => {
    roundId = await openRound('Kortlægning efterår');
  });

  it('saves, resumes and submits; the profile shows levels per competence and area', async () => {
    const comps = fw.areas.flatMap((a) => a.competences);
    const half = comps.slice(0, 10).map((c) => ({ competenceId: c.id, level: 3 }));
    let res = await teacherClient.put(`/api/v1/competence/rounds/${roundId}/assessment`, { basicAnswers: [true, true, true, true, false], answers: half });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ answered: 10, submitted: false });
    const resumed = (await teacherClient.get(`/api/v1/competence/rounds/${roundId}/assessment`)).json();
    expect(Object.keys(resumed.answers)).toHaveLength(10);
    expect(resumed.basicAnswers).toEqual([true, true, true, true, false]);
    expect(resumed.settings.leaderSeesIndividuals).toBe(false);
    // submitting with answers missing names them
    res = await teacherClient.put(`/api/v1/competence/rounds/${roundId}/assessment`, { submit: true });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toHaveLength(15);
    const rest = comps.slice(10).map((c, i) => ({ competenceId: c.id, level: i % 7 }));
    res = await teacherClient.put(`/api/v1/competence/rounds/${roundId}/assessment`, { answers: rest, submit: true });
    expect(res.statusCode, res.body).toBe(200);
    const profile = (await teacherClient.get(`/api/v1/competence/people/${teacher.id}/profile`)).json();
    expect(profile.latest.basicPassed).toBe(true);
    expect(profile.latest.competences[comps[0]?.id ?? '']).toBe(3);
    expect(profile.latest.areas[0]).toEqual({ id: fw.areas[0]?.id, mean: 3, level: 3 });
    // the submission wrote one effective mean per area for the heatmap
    const levels = await db.select().from(competenceAreaLevels).where(and(eq(competenceAreaLevels.schoolId, school.id), eq(competenceAreaLevels.roundId, roundId)));
    expect(levels).toHaveLength(7);
    expect(levels.find((l) => l.areaId === fw.areas[0]?.id)?.mean).toBe(3);
  });

  it('refuses an unknown competence, a level outside 0–6 and a wrong number of basic answers, writing nothing', async () => {
    const before = await db.select({ n: count() }).from(competenceAnswers).where(eq(competenceAnswers.schoolId, school.id));
    const fresh = await signIn(app, (await buildPerson(db, school, { roles: ['teacher'], departmentId: deptA })).email);
    const c0 = fw.areas[0]?.competences[0]?.id ?? '';
    let res = await fresh.put(`/api/v1/competence/rounds/${roundId}/assessment`, { answers: [{ competenceId: c0, level: 2 }, { competenceId: '00000000-0000-4000-8000-000000000000', level: 2 }] });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('answers.1.competenceId');
    res = await fresh.put(`/api/v1/competence/rounds/${roundId}/assessment`, { answers: [{ competenceId: c0, level: 7 }] });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('answers.0.level');
    res = await fresh.put(`/api/v1/competence/rounds/${roundId}/assessment`, { answers: [{ competenceId: c0, level: -1 }] });
    expect(res.statusCode).toBe(422);
    res = await fresh.put(`/api/v1/competence/rounds/${roundId}/assessment`, { basicAnswers: [true] });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('basicAnswers');
    res = await fresh.put(`/api/v1/competence/rounds/${roundId}/assessment`, { answers: [], extra: 1 });
    expect(res.statusCode).toBe(422);
    const after = await db.select({ n: count() }).from(competenceAnswers).where(eq(competenceAnswers.schoolId, school.id));
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('refuses a submission after the round closed (409), nothing written', async () => {
    const closed = await openRound('Gammel runde', addDays(today, -30), addDays(today, -1));
    const c0 = fw.areas[0]?.competences[0]?.id ?? '';
    const res = await teacherClient.put(`/api/v1/competence/rounds/${closed}/assessment`, { answers: [{ competenceId: c0, level: 2 }] });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('round_closed');
    const early = await admin.patch(`/api/v1/competence/rounds/${roundId}`, { closed: true });
    expect(early.json().status).toBe('closed');
    const res2 = await teacherClient.put(`/api/v1/competence/rounds/${roundId}/assessment`, { answers: [{ competenceId: c0, level: 5 }] });
    expect(res2.statusCode).toBe(409);
    const [a] = await db.select({ n: count() }).from(competenceAssessments).where(eq(competenceAssessments.roundId, closed));
    expect(a?.n).toBe(0);
  });

  it('refuses a round whose closing date is before its opening date', async () => {
    const res = await admin.post('/api/v1/competence/rounds', { title: 'x', opensOn: today, closesOn: addDays(today, -1) });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('closesOn');
  });

  it('a department head opens rounds for his own department only', async () => {
    expect((await headClient.post('/api/v1/competence/rounds', { title: 'Afdeling', opensOn: today, closesOn: today, departmentIds: [deptB] })).statusCode).toBe(422);
    const ok = await headClient.post('/api/v1/competence/rounds', { title: 'Afdeling', opensOn: today, closesOn: today });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().departmentIds).toEqual([deptA]);
    // He manages that round, but not a school-wide round that top management opened.
    expect((await headClient.patch(`/api/v1/competence/rounds/${ok.json().id}`, { title: 'Afdelingens runde' })).statusCode).toBe(200);
    const schoolWide = await openRound('Hele skolen');
    expect((await headClient.patch(`/api/v1/competence/rounds/${schoolWide}`, { closed: true })).statusCode).toBe(403);
    expect((await headClient.patch(`/api/v1/competence/rounds/${schoolWide}`, { title: 'Omdøbt' })).statusCode).toBe(403);
    expect((await headClient.post(`/api/v1/competence/rounds/${schoolWide}/reminders`)).statusCode).toBe(403);
  });
});

describe('who sees individual levels', () => {
  let other: BuiltPerson;
  let headB: TestClient;
  let director: TestClient;
  beforeAll(async () => {
    other = await buildPerson(db, school, { roles: ['teacher'], departmentId: deptA });
    headB = await signIn(app, (await buildPerson(db, school, { roles: ['department_head'], departmentId: deptB })).email);
    director = await signIn(app, (await buildPerson(db, school, { roles: ['top_management'], departmentId: null })).email);
  });

  it('the person always; the department head only when the setting allows; a leader of another department and top management never', async () => {
    const url = `/api/v1/competence/people/${teacher.id}/profile`;
    expect((await teacherClient.get(url)).statusCode).toBe(200);
    expect((await headClient.get(url)).statusCode).toBe(403);
    expect((await headClient.get('/api/v1/competence/level-zero')).statusCode).toBe(403);
    expect((await teacherClient.patch('/api/v1/competence/settings', { leaderSeesIndividuals: true })).statusCode).toBe(403);
    expect((await admin.patch('/api/v1/competence/settings', { leaderSeesIndividuals: true })).statusCode).toBe(200);
    expect((await headClient.get(url)).statusCode).toBe(200);
    expect((await headB.get(url)).statusCode).toBe(403);
    expect((await director.get(url)).statusCode).toBe(403);
    expect((await admin.get(url)).statusCode).toBe(403);
    expect((await (await signIn(app, other.email)).get(url)).statusCode).toBe(403);
    expect((await headB.get('/api/v1/competence/level-zero')).statusCode).toBe(200);
    expect((await director.get('/api/v1/competence/level-zero')).statusCode).toBe(403);
  });

  it('the level-0 list names the department head\'s own staff whose basic check failed', async () => {
    const r = await openRound('Niveau 0-runde');
    const zero = await buildPerson(db, school, { roles: ['teacher'], departmentId: deptA, name: 'Åge Nul' });
    const elsewhere = await buildPerson(db, school, { roles: ['teacher'], departmentId: deptB, name: 'Bent Nul' });
    await writeAssessments(db, school.id, r, fw.id, [zero, elsewhere], () => 3, () => false);
    const list = (await headClient.get('/api/v1/competence/level-zero')).json();
    expect(list.map((p: { name: string }) => p.name)).toEqual(['Åge Nul']);
  });

  it('only the person can export their own data', async () => {
    const res = await teacherClient.get(`/api/v1/competence/people/${teacher.id}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    expect(res.json().assessments.length).toBeGreaterThan(0);
    expect((await headClient.get(`/api/v1/competence/people/${teacher.id}/export`)).statusCode).toBe(403);
  });
});

describe('courses, waiting list, attendance and evaluation', () => {
  let courseId: string;
  let sessionId: string;
  it('enrolment beyond capacity goes on the waiting list; a cancellation promotes the first waiting', async () => {
    const comp = fw.areas[0]?.competences[0]?.id ?? '';
    const c = await admin.post('/api/v1/competence/courses', { title: 'Canvas for begyndere', format: 'presence', mandatory: true, targets: [{ competenceId: comp, targetLevel: 5 }], audience: { allStaff: true } });
    expect(c.statusCode, c.body).toBe(201);
    courseId = c.json().id;
    // a session that has taken place, so that attendance and completion can be recorded below
    const s = await admin.post(`/api/v1/competence/courses/${courseId}/sessions`, { startsAt: '2024-09-02T08:00:00Z', place: 'Lokale 12', capacity: 2 });
    expect(s.statusCode, s.body).toBe(201);
    sessionId = s.json().id;
    const people3 = await Promise.all([1, 2, 3].map(() => buildPerson(db, school, { roles: ['teacher'], departmentId: deptA })));
    const clients = await Promise.all(people3.map((p) => signIn(app, p.email)));
    const results = [];
    for (const cl of clients) results.push((await cl.post(`/api/v1/competence/courses/${courseId}/enrolments`, { sessionId })).json());
    expect(results.map((r) => r.status)).toEqual(['enrolled', 'enrolled', 'waiting']);
    expect((await clients[0]?.post(`/api/v1/competence/courses/${courseId}/enrolments`, { sessionId }))?.statusCode).toBe(409);
    const cancel = await clients[0]?.delete(`/api/v1/competence/enrolments/${results[0].id}`);
    expect(cancel?.json().promoted).toBe(results[2].id);
    const participants = (await admin.get(`/api/v1/competence/courses/${courseId}/participants`)).json();
    expect(participants.filter((p: { status: string }) => p.status === 'enrolled')).toHaveLength(2);
    // someone else cannot cancel or evaluate my enrolment
    expect((await clients[2]?.delete(`/api/v1/competence/enrolments/${results[1].id}`))?.statusCode).toBe(403);
    // attendance and completion, then evaluation
    expect((await clients[1]?.post(`/api/v1/competence/enrolments/${results[1].id}/evaluation`, { rating: 4 }))?.statusCode).toBe(422);
    expect((await admin.patch(`/api/v1/competence/enrolments/${results[1].id}`, { attended: true, completed: true })).json()).toMatchObject({ attended: true, completed: true });
    expect((await clients[1]?.post(`/api/v1/competence/enrolments/${results[1].id}/evaluation`, { rating: 4, comment: 'God' }))?.statusCode).toBe(200);
    const ev = (await admin.get(`/api/v1/competence/courses/${courseId}/evaluation`)).json();
    expect(ev).toEqual({ count: null, meanRating: null, comments: null });
  });

  it('a session in another course, or with neither place nor link, is refused', async () => {
    const other = (await admin.post('/api/v1/competence/courses', { title: 'Andet', format: 'online_mini' })).json().id;
    expect((await teacherClient.post(`/api/v1/competence/courses/${other}/enrolments`, { sessionId })).statusCode).toBe(422);
    expect((await admin.post(`/api/v1/competence/courses/${other}/sessions`, { startsAt: '2030-09-01T08:00:00Z', capacity: 2 })).statusCode).toBe(422);
    expect((await admin.post(`/api/v1/competence/courses/${other}/sessions`, { startsAt: '2030-09-01T08:00:00Z', place: 'x', capacity: 0 })).statusCode).toBe(422);
    expect((await admin.post('/api/v1/competence/courses', { title: 'x', format: 'presence', targets: [{ competenceId: 'nope', targetLevel: 2 }] })).json().errors[0].field).toBe('targets.0.competenceId');
  });

  it('suggests courses from gaps, and the department head sees who has not completed the mandatory course', async () => {
    const profile = (await teacherClient.get(`/api/v1/competence/people/${teacher.id}/profile`)).json();
    expect(profile.suggestions.map((s: { courseId: string }) => s.courseId)).toContain(courseId);
    const status = (await headClient.get('/api/v1/competence/staff-status')).json();
    const m = status.mandatory.find((x: { courseId: string }) => x.courseId === courseId);
    expect(m.notCompleted.map((p: { name: string }) => p.name)).toContain('Lone Lærer');
    expect(m.completed).toBe(1);
    expect((await teacherClient.get('/api/v1/competence/staff-status')).statusCode).toBe(403);
  });

  it('assigns the onboarding track to people whose employment starts within the window', async () => {
    const soon = await buildPerson(db, school, { roles: ['teacher'], departmentId: deptA, name: 'Nina Nyansat' });
    await db.update(people).set({ employmentStart: addDays(today, 20) }).where(eq(people.id, soon.id));
    const late = await buildPerson(db, school, { roles: ['teacher'], departmentId: deptA, name: 'Senere Start' });
    await db.update(people).set({ employmentStart: addDays(today, 400) }).where(eq(people.id, late.id));
    const intro = await admin.post('/api/v1/competence/courses', { title: 'Introforløb: Retning og Canvas', format: 'online_mini', audience: { newHires: true } });
    expect(intro.statusCode).toBe(201);
    const status = (await headClient.get('/api/v1/competence/staff-status')).json();
    const names = status.onboarding.map((o: { name: string }) => o.name);
    expect(names).toContain('Nina Nyansat');
    expect(names).not.toContain('Senere Start');
    // idempotent
    const again = (await headClient.get('/api/v1/competence/staff-status')).json();
    expect(again.onboarding.filter((o: { name: string }) => o.name === 'Nina Nyansat')[0].total).toBe(1);
  });
});

describe('cross-school', () => {
  it("another school's round, course, contract and person are 404", async () => {
    const b = await buildSchool(db, { departments: ['X'] });
    const adminB = await signIn(app, (await buildPerson(db, b, { roles: ['school_admin'], departmentId: null })).email);
    const headBp = await buildPerson(db, b, { roles: ['department_head'], departmentId: b.departments[0]?.id ?? null });
    const headBc = await signIn(app, headBp.email);
    const tB = await buildPerson(db, b, { roles: ['teacher'], departmentId: b.departments[0]?.id ?? null });
    const fB = (await adminB.get('/api/v1/competence/framework')).json() as Fw;
    const rB = (await adminB.post('/api/v1/competence/rounds', { title: 'B', opensOn: today, closesOn: today })).json().id;
    const cB = (await adminB.post('/api/v1/competence/courses', { title: 'B', format: 'presence' })).json().id;
    const kB = (await headBc.post('/api/v1/competence/contracts', { personId: tB.id, content: { goals: [{ competenceId: fB.areas[0]?.competences[0]?.id, targetLevel: 2, note: '' }] } })).json().id;
    const [auditBefore] = await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.schoolId, b.id));
    expect((await teacherClient.get(`/api/v1/competence/rounds/${rB}/assessment`)).statusCode).toBe(404);
    expect((await teacherClient.put(`/api/v1/competence/rounds/${rB}/assessment`, { answers: [] })).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/competence/heatmap?roundId=${rB}`)).statusCode).toBe(404);
    expect((await teacherClient.post(`/api/v1/competence/courses/${cB}/enrolments`, {})).statusCode).toBe(404);
    expect((await teacherClient.get(`/api/v1/competence/contracts/${kB}`)).statusCode).toBe(404);
    expect((await teacherClient.get(`/api/v1/competence/people/${tB.id}/profile`)).statusCode).toBe(404);
    expect((await headClient.post('/api/v1/competence/contracts', { personId: tB.id, content: { goals: [] } })).statusCode).toBe(422);
    expect((await admin.get(`/api/v1/competence/frameworks/${fB.id}/case`)).statusCode).toBe(404);
    const [auditAfter] = await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.schoolId, b.id));
    expect(auditAfter?.n).toBe(auditBefore?.n);
    const [rounds] = await db.select({ n: count() }).from(competenceRounds).where(eq(competenceRounds.schoolId, b.id));
    expect(rounds?.n).toBe(1);
  });
});

describe('the student framework', () => {
  it('a round on the student framework is answered by students, not staff', async () => {
    const student = await buildPerson(db, school, { roles: ['student'], departmentId: deptA });
    const sc = await signIn(app, student.email);
    const res = await admin.post('/api/v1/competence/rounds', { title: 'Elever', opensOn: today, closesOn: today, frameworkKind: 'student' });
    expect(res.statusCode).toBe(201);
    const roundId = res.json().id;
    const draft = (await sc.get(`/api/v1/competence/rounds/${roundId}/assessment`)).json();
    const comps = draft.framework.areas.flatMap((a: { competences: { id: string }[] }) => a.competences);
    const answers = comps.map((c: { id: string }) => ({ competenceId: c.id, level: 2 }));
    const ok = await sc.put(`/api/v1/competence/rounds/${roundId}/assessment`, { basicAnswers: [true, true, true, true, true], answers, submit: true });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await teacherClient.put(`/api/v1/competence/rounds/${roundId}/assessment`, { answers: [] })).statusCode).toBe(403);
    // and a student cannot answer the staff round
    const staffRound = (await admin.post('/api/v1/competence/rounds', { title: 'Personale', opensOn: today, closesOn: today })).json().id;
    expect((await sc.put(`/api/v1/competence/rounds/${staffRound}/assessment`, { answers: [] })).statusCode).toBe(403);
  });
});
