import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { THome, THomeItem } from '../../../shared/api/home';
import { todayInCopenhagen } from '../../platform/time';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildCoordinator, buildPerson, buildSchool, type BuiltPerson, type BuiltSchool } from '../../test/factories';
import { addDays } from './api';

/**
 * "Min side" per role: each module puts on it what asks for the person, scoped by the actor and
 * the policy; nothing of another school and nothing the person may not open.
 */
const { app, database } = await testApp();
const db = database.db;
const today = todayInCopenhagen();
const FULL = { laeringsforudsaetninger: '<p>a</p>', rammefaktorer: '<p>b</p>', maal: '<p>c</p>', indhold: '<p>d</p>', laereprocesser: '<p>e</p>', vurdering: '<p>f</p>' };

const home = async (c: TestClient): Promise<THome> => {
  const res = await c.get('/api/v1/home');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as THome;
};
const kinds = (h: THome) => h.items.map((i) => i.kind);
const find = (h: THome, kind: THomeItem['kind'], title?: string) => h.items.find((i) => i.kind === kind && (title === undefined || i.title === title));
const countOf = (h: THome, path: string) => h.counts.find((c) => c.path === path)?.count ?? 0;

let school: BuiltSchool;
let other: BuiltSchool;
let deptA: string;
let deptB: string;
let people: Record<'admin' | 'top' | 'head' | 'headB' | 'teacher' | 'colleague' | 'editor' | 'student' | 'supervisor', BuiltPerson>;
let c: Record<keyof typeof people, TestClient>;
let otherEditor: TestClient;
let otherTeacher: TestClient;

beforeAll(async () => {
  school = await buildSchool(db, { departments: ['Bygge og Anlæg', 'Handel og Kontor'] });
  other = await buildSchool(db, { departments: ['Bygge og Anlæg'] });
  deptA = school.departments[0]?.id ?? '';
  deptB = school.departments[1]?.id ?? '';
  people = {
    admin: await buildPerson(db, school, { roles: ['school_admin'], departmentId: null }),
    top: await buildPerson(db, school, { roles: ['top_management'], departmentId: null }),
    head: await buildPerson(db, school, { roles: ['department_head'], departmentId: deptA }),
    headB: await buildPerson(db, school, { roles: ['department_head'], departmentId: deptB }),
    teacher: await buildPerson(db, school, { roles: ['teacher'], departmentId: deptA, name: 'Lone Lærer' }),
    colleague: await buildPerson(db, school, { roles: ['teacher'], departmentId: deptB }),
    editor: await buildPerson(db, school, { roles: ['editorial'], departmentId: deptB }),
    student: await buildPerson(db, school, { roles: ['student'], departmentId: deptA }),
    supervisor: await buildPerson(db, school, { roles: ['company_supervisor'], departmentId: null }),
  };
  c = Object.fromEntries(await Promise.all(Object.entries(people).map(async ([k, p]) => [k, await signIn(app, p.email)]))) as typeof c;
  otherEditor = await signIn(app, (await buildPerson(db, other, { roles: ['editorial'] })).email);
  otherTeacher = await signIn(app, (await buildPerson(db, other, { roles: ['teacher'] })).email);
});

describe('GET /home', () => {
  it('a teacher with an open round sees it with how far she got, counted on "Min profil", until she sends it', async () => {
    const round = (await c.admin.post('/api/v1/competence/rounds', { title: 'Kortlægning i år', opensOn: today, closesOn: addDays(today, 20) })).json() as { id: string };
    // another school's open round never shows
    await (await signIn(app, (await buildPerson(db, other, { roles: ['school_admin'] })).email)).post('/api/v1/competence/rounds', { title: 'Fremmed runde', opensOn: today, closesOn: addDays(today, 20) });
    const before = await home(c.teacher);
    const item = find(before, 'competence.round');
    expect(item).toMatchObject({ title: 'Kortlægning i år', path: `/kompetencer/selvevaluering/${round.id}`, dueOn: addDays(today, 20), nav: '/kompetencer', urgency: 'todo' });
    expect(item?.progress?.done).toBe(0);
    const total = item?.progress?.total ?? 0;
    expect(total).toBeGreaterThan(3);
    expect(before.items.filter((i) => i.kind === 'competence.round')).toHaveLength(1);
    expect(countOf(before, '/kompetencer')).toBe(1);

    const draft = (await c.teacher.get(`/api/v1/competence/rounds/${round.id}/assessment`)).json() as {
      framework: { areas: { competences: { id: string }[] }[]; basicChecks: unknown[] };
    };
    const competences = draft.framework.areas.flatMap((a) => a.competences.map((x) => x.id));
    expect(competences).toHaveLength(total);
    const save = await c.teacher.put(`/api/v1/competence/rounds/${round.id}/assessment`, { answers: competences.slice(0, 3).map((competenceId) => ({ competenceId, level: 3 })) });
    expect(save.statusCode, save.body).toBe(200);
    expect(find(await home(c.teacher), 'competence.round')?.progress).toEqual({ done: 3, total });

    const sent = await c.teacher.put(`/api/v1/competence/rounds/${round.id}/assessment`, {
      basicAnswers: draft.framework.basicChecks.map(() => true),
      answers: competences.map((competenceId) => ({ competenceId, level: 3 })),
      submit: true,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const after = await home(c.teacher);
    expect(find(after, 'competence.round')).toBeUndefined();
    expect(countOf(after, '/kompetencer')).toBe(0);
    // a colleague who has not answered still has it; the student (a staff round) and the company supervisor do not
    expect(find(await home(c.colleague), 'competence.round', 'Kortlægning i år')).toBeDefined();
    expect(find(await home(c.student), 'competence.round', 'Kortlægning i år')).toBeUndefined();
    expect(find(await home(c.supervisor), 'competence.round')).toBeUndefined();
  });

  it('an editor sees the submissions waiting for review (the count on "Til review"); the author sees hers with the editorial group', async () => {
    const item = (await c.teacher.post('/api/v1/library/items', { kind: 'forlob', title: 'Svejsning med video', fields: FULL })).json() as { id: string };
    expect((await c.teacher.post(`/api/v1/library/items/${item.id}/submit`)).statusCode).toBe(200);
    // another school's submission is not this school's queue
    const foreign = (await otherTeacher.post('/api/v1/library/items', { kind: 'forlob', title: 'Fremmed forløb', fields: FULL })).json() as { id: string };
    await otherTeacher.post(`/api/v1/library/items/${foreign.id}/submit`);

    const editor = await home(c.editor);
    expect(find(editor, 'library.reviewQueue')).toMatchObject({ count: 1, path: '/videndeling/review', nav: '/videndeling/review' });
    expect(countOf(editor, '/videndeling/review')).toBe(1);
    expect((await c.editor.get('/api/v1/library/review/summary')).json().waiting).toBe(1);
    expect(find(await home(otherEditor), 'library.reviewQueue')?.count).toBe(1);
    // the author's own item, not a review task for her
    const author = await home(c.teacher);
    expect(find(author, 'library.inReview', 'Svejsning med video')?.path).toBe(`/videndeling/${item.id}`);
    expect(find(author, 'library.reviewQueue')).toBeUndefined();
    // a teacher outside the editorial group has no queue
    expect(find(await home(c.colleague), 'library.reviewQueue')).toBeUndefined();

    // taken: off the queue, on the editor's own list; returned: on the author's list to fix
    expect((await c.editor.post(`/api/v1/library/items/${item.id}/take`)).statusCode).toBe(200);
    const taken = await home(c.editor);
    expect(find(taken, 'library.reviewQueue')).toBeUndefined();
    expect(find(taken, 'library.reviewing', 'Svejsning med video')).toBeDefined();
    expect((await c.editor.post(`/api/v1/library/items/${item.id}/decision`, { decision: 'return', feedback: 'Skarpere mål, tak' })).statusCode).toBe(200);
    const returned = await home(c.teacher);
    expect(find(returned, 'library.returned', 'Svejsning med video')).toMatchObject({ nav: '/videndeling', urgency: 'todo' });
    expect(countOf(returned, '/videndeling')).toBe(1);
    // a comment by a colleague on her item is news to her, not to the colleague
    await c.teacher.post(`/api/v1/library/items/${item.id}/share`);
    await db.execute(sql`insert into library_comments (school_id, item_id, author_id, body) values (${school.id}, ${item.id}, ${people.editor.id}, 'Flot start')`);
    expect(find(await home(c.teacher), 'library.comments', 'Svejsning med video')?.count).toBe(1);
    expect(find(await home(c.editor), 'library.comments')).toBeUndefined();
  });

  it('a department head sees the overdue follow-ups of his department only; the owner sees hers; another school never', async () => {
    const initiative = (departmentId: string, title: string, ownerId: string) => ({
      title,
      why: 'Eleverne lærer mere, når de får feedback, de kan se igen.',
      level: 'department',
      departmentId,
      ownerId,
      startsOn: addDays(today, -100),
      endsOn: addDays(today, 200),
    });
    const a = (await c.top.post('/api/v1/initiatives', initiative(deptA, 'Feedback med video', people.teacher.id))).json() as { id: string };
    const b = (await c.top.post('/api/v1/initiatives', initiative(deptB, 'Digitale prøver', people.colleague.id))).json() as { id: string };
    expect((await c.top.post(`/api/v1/initiatives/${a.id}/followups`, { title: 'Statusmøde A', dueOn: addDays(today, -3) })).statusCode).toBe(201);
    expect((await c.top.post(`/api/v1/initiatives/${a.id}/followups`, { title: 'Næste møde A', dueOn: addDays(today, 5) })).statusCode).toBe(201);
    expect((await c.top.post(`/api/v1/initiatives/${b.id}/followups`, { title: 'Statusmøde B1', dueOn: addDays(today, -10) })).statusCode).toBe(201);
    expect((await c.top.post(`/api/v1/initiatives/${b.id}/followups`, { title: 'Statusmøde B2', dueOn: addDays(today, -1) })).statusCode).toBe(201);
    const otherTop = await signIn(app, (await buildPerson(db, other, { roles: ['top_management'] })).email);
    const x = (await otherTop.post('/api/v1/initiatives', { ...initiative(other.departments[0]?.id ?? '', 'Fremmed indsats', people.teacher.id), ownerId: null })).json() as { id: string };
    await otherTop.post(`/api/v1/initiatives/${x.id}/followups`, { title: 'Fremmed møde', dueOn: addDays(today, -2) });

    const head = await home(c.head);
    expect(find(head, 'strategy.overdue')).toMatchObject({ count: 1, dueOn: addDays(today, -3), path: '/strategi/overblik', nav: '/strategi/overblik', urgency: 'overdue' });
    const headB = await home(c.headB);
    expect(find(headB, 'strategy.overdue')).toMatchObject({ count: 2, dueOn: addDays(today, -10) });
    expect(find(await home(c.top), 'strategy.overdue')?.count).toBe(3);
    // the owner: her own follow-ups, overdue and coming; a check-in is due (none in 100 days)
    const owner = await home(c.teacher);
    expect(find(owner, 'strategy.followup', 'Statusmøde A')).toMatchObject({ detail: 'Feedback med video', urgency: 'overdue', path: `/strategi/indsatser/${a.id}` });
    expect(find(owner, 'strategy.followup', 'Næste møde A')?.urgency).toBe('soon');
    expect(find(owner, 'strategy.checkin', 'Feedback med video')?.urgency).toBe('overdue');
    expect(find(owner, 'strategy.overdue')).toBeUndefined();
    expect(owner.items.some((i) => i.title === 'Statusmøde B1' || i.title === 'Fremmed møde')).toBe(false);
    expect(countOf(owner, '/strategi')).toBe(3);
    // a check-in today answers it
    expect((await c.teacher.post(`/api/v1/initiatives/${a.id}/checkins`, { heldOn: today, progress: 40 })).statusCode).toBe(201);
    expect(find(await home(c.teacher), 'strategy.checkin')).toBeUndefined();
  });

  it('a student sees only her own things: her round on the student framework, no staff items', async () => {
    await c.admin.post('/api/v1/competence/rounds', { title: 'Elevernes selvevaluering', opensOn: today, closesOn: addDays(today, 14), frameworkKind: 'student' });
    await c.top.post('/api/v1/calendar/items', { title: 'Pædagogisk dag', startsOn: today });
    const student = await home(c.student);
    expect(student.items.map((i) => i.title)).toEqual(['Elevernes selvevaluering']);
    expect(kinds(student)).toEqual(['competence.round']);
    expect(student.items.every((i) => i.module === 'competence')).toBe(true);
    // staff see the årshjul this week, not the students' round
    const teacher = await home(c.teacher);
    expect(find(teacher, 'calendar.item', 'Pædagogisk dag')).toMatchObject({ dueOn: today, path: '/strategi/aarshjul', urgency: 'info' });
    expect(find(teacher, 'competence.round', 'Elevernes selvevaluering')).toBeUndefined();
  });

  it('a company supervisor sees no school statistics and no staff items', async () => {
    const supervisor = await home(c.supervisor);
    expect(supervisor.items).toEqual([]);
    expect(supervisor.counts).toEqual([]);
    expect((await c.supervisor.get('/api/v1/overview')).statusCode).toBe(403);
    expect((await c.student.get('/api/v1/overview')).statusCode).toBe(403);
    expect((await c.teacher.get('/api/v1/overview')).statusCode).toBe(403);
    for (const leader of [c.admin, c.top, c.head]) expect((await leader.get('/api/v1/overview')).statusCode).toBe(200);
    const abilities = (await c.supervisor.get('/api/v1/me')).json().abilities as string[];
    expect(abilities).toContain('home:read');
    expect(abilities).not.toContain('school:overview');
    expect(abilities).not.toContain('course:read');
  });

  it('leaders see staff who have not completed a mandatory course in their scope, as one item', async () => {
    const course = await c.admin.post('/api/v1/competence/courses', { title: 'Grundkursus', format: 'presence', mandatory: true, audience: { allStaff: true } });
    expect(course.statusCode, course.body).toBe(201);
    const top = find(await home(c.top), 'competence.staffStatus');
    const head = find(await home(c.head), 'competence.staffStatus');
    expect(top?.path).toBe('/kompetencer/overblik');
    // the department head counts his department's staff (himself and the teacher), top management the whole school's
    expect(head?.count).toBe(2);
    expect(top?.count).toBeGreaterThan(head?.count ?? 0);
    expect(find(await home(c.teacher), 'competence.staffStatus')).toBeUndefined();
  });

  it('the coordinator has no school and no home page of one', async () => {
    const coordinator = await signIn(app, (await buildCoordinator(db, school.networkId)).email);
    expect((await coordinator.get('/api/v1/home')).statusCode).toBe(403);
  });
});
