import { beforeAll, describe, expect, it } from 'vitest';
import { internshipGoals, libraryItems, programmes } from '../../db/schema/index';
import { todayInCopenhagen } from '../../platform/time';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltPerson } from '../../test/factories';
import { addDays } from '../home/api';
import { companyOf, placementOf, teamOf } from './logbook-fixtures';

const { app, database } = await testApp();
const db = database.db;
const today = todayInCopenhagen();
const API = '/api/v1/internship';

let students: BuiltPerson[];
let outsider: BuiltPerson;
let teamId: string;
let otherTeamId: string;
let goalId: string;
let itemId: string;
let foreignItemId: string;
let placementId: string;
const as: Record<string, TestClient> = {};

beforeAll(async () => {
  const school = await buildSchool(db);
  const other = await buildSchool(db);
  const teacher = await buildPerson(db, school, { roles: ['teacher'] });
  const otherTeacher = await buildPerson(db, school, { roles: ['teacher'] });
  const supervisor = await buildPerson(db, school, { roles: ['company_supervisor'] });
  const lateSupervisor = await buildPerson(db, school, { roles: ['company_supervisor'] });
  students = [await buildPerson(db, school, { roles: ['student'], name: 'Anna' }), await buildPerson(db, school, { roles: ['student'], name: 'Bo' })];
  outsider = await buildPerson(db, school, { roles: ['student'], name: 'Carl' });
  teamId = await teamOf(db, school.id, [teacher.id, ...students.map((s) => s.id)]);
  otherTeamId = await teamOf(db, school.id, [otherTeacher.id, outsider.id]);
  const [anna, bo] = students as [BuiltPerson, BuiltPerson];
  placementId = await placementOf(db, school.id, anna.id, await companyOf(db, school.id, [supervisor.id]), addDays(today, -10), 20);
  // Bo's period ended 31 days ago: the late supervisor sees him no more
  await placementOf(db, school.id, bo.id, await companyOf(db, school.id, [lateSupervisor.id]), addDays(today, -40), 10);
  const [p] = await db.insert(programmes).values({ schoolId: school.id, name: 'Tømrer' }).returning();
  const [g] = await db.insert(internshipGoals).values({ schoolId: school.id, programmeId: p?.id ?? '', code: 'T1', text: 'Kan montere spær' }).returning();
  const author = teacher.id;
  const [i] = await db.insert(libraryItems).values({ schoolId: school.id, kind: 'forlob', authorId: author, title: 'Tagkonstruktioner', status: 'published' }).returning();
  const [fi] = await db.insert(libraryItems).values({ schoolId: other.id, kind: 'forlob', authorId: (await buildPerson(db, other)).id, title: 'Fremmed', status: 'published' }).returning();
  goalId = g?.id ?? '';
  itemId = i?.id ?? '';
  foreignItemId = fi?.id ?? '';
  for (const [k, p2] of Object.entries({ teacher, otherTeacher, supervisor, lateSupervisor, anna, bo, outsider })) as[k] = await signIn(app, p2.email);
});

const give = (body: Record<string, unknown>) => (as.teacher as TestClient).post(`${API}/tasks`, { title: 'Mål og montér et spær', ...body });

describe('practice tasks', () => {
  it('checks every link and student: praktikmål and library items of the school, students and teams of the teacher', async () => {
    const bad = await give({ goalIds: ['00000000-0000-4000-8000-000000000000'], itemIds: [foreignItemId], studentIds: [outsider.id], teamId: otherTeamId, dueFrom: today, dueTo: addDays(today, -1) });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['dueTo', 'goalIds', 'itemIds', 'studentIds', 'teamId']);
    expect((await give({})).json().errors[0].field).toBe('studentIds');
    expect((await (as.anna as TestClient).post(`${API}/tasks`, { title: 'X', teamId })).statusCode).toBe(403);
  });

  it('runs assigned → answered (an entry tagged with it) → confirmed (the supervisor) → done (the teacher with feedback), with each list', async () => {
    const created = await give({ teamId, goalIds: [goalId], itemIds: [itemId], descriptionHtml: '<p>Se forløbet<script>x</script></p>', dueTo: addDays(today, 14) });
    expect(created.statusCode, created.body).toBe(201);
    const task = created.json();
    expect(task.descriptionHtml).toBe('<p>Se forløbet</p>');
    expect(task.items).toEqual([{ id: itemId, title: 'Tagkonstruktioner', kind: 'forlob' }]);
    expect(task.assignments.map((a: { student: { name: string }; state: string }) => [a.student.name, a.state])).toEqual([['Anna', 'assigned'], ['Bo', 'assigned']]);
    const [anna] = students as [BuiltPerson];
    // the student answers with an entry tagged with the task
    expect((await (as.anna as TestClient).get(`${API}/tasks/mine`)).json().items.map((i: { state: string }) => i.state)).toEqual(['assigned']);
    const entry = await (as.anna as TestClient).post(`${API}/logbook/students/${anna.id}/entries`, { placementId, entryDate: today, title: 'Spær', taskIds: [task.id], goalIds: [goalId] });
    expect(entry.statusCode, entry.body).toBe(201);
    expect(entry.json().tasks).toEqual([{ id: task.id, name: 'Mål og montér et spær' }]);
    // a task not given to the student cannot be tagged
    const other = (await (as.otherTeacher as TestClient).post(`${API}/tasks`, { title: 'Andet', studentIds: [outsider.id] })).json();
    const wrongTag = await (as.anna as TestClient).post(`${API}/logbook/students/${anna.id}/entries`, { placementId, entryDate: today, taskIds: [other.id] });
    expect(wrongTag.json().errors[0].field).toBe('taskIds');
    // the supervisor sees his student's task (and not Bo's, whose window has ended) and confirms it
    const supervised = (await (as.supervisor as TestClient).get(`${API}/tasks/supervised`)).json().items;
    expect(supervised.map((i: { student: { name: string }; state: string; abilities: string[] }) => [i.student.name, i.state, i.abilities])).toEqual([['Anna', 'answered', ['taskAssignment:confirm']]]);
    expect((await (as.lateSupervisor as TestClient).get(`${API}/tasks/supervised`)).json().items).toEqual([]);
    expect((await (as.lateSupervisor as TestClient).post(`${API}/tasks/${task.id}/students/${anna.id}/confirm`)).statusCode).toBe(404);
    expect((await (as.teacher as TestClient).post(`${API}/tasks/${task.id}/students/${anna.id}/confirm`)).statusCode).toBe(403);
    const confirmed = await (as.supervisor as TestClient).post(`${API}/tasks/${task.id}/students/${anna.id}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    // the supervisor's answer holds his own student only
    expect(confirmed.json().assignments.map((a: { student: { name: string } }) => a.student.name)).toEqual(['Anna']);
    expect((await (as.supervisor as TestClient).post(`${API}/tasks/${task.id}/students/${anna.id}/confirm`)).statusCode).toBe(403);
    // the teacher gives feedback and marks it done
    expect((await (as.otherTeacher as TestClient).post(`${API}/tasks/${task.id}/students/${anna.id}/done`, { feedback: 'Fint' })).statusCode).toBe(404);
    const done = await (as.teacher as TestClient).post(`${API}/tasks/${task.id}/students/${anna.id}/done`, { feedback: 'Flot og præcist <b>arbejde</b>' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().assignments.map((a: { state: string }) => a.state)).toEqual(['done', 'assigned']);
    const list = (await (as.teacher as TestClient).get(`${API}/tasks`)).json().items;
    expect(list.find((t: { id: string }) => t.id === task.id).states).toEqual({ assigned: 1, answered: 0, confirmed: 0, done: 1 });
    const mine = (await (as.anna as TestClient).get(`${API}/tasks/mine`)).json().items;
    expect(mine[0]).toMatchObject({ state: 'done', feedback: 'Flot og præcist arbejde' });
    expect((await (as.otherTeacher as TestClient).get(`${API}/tasks/${task.id}`)).statusCode).toBe(403);
    expect((await (as.bo as TestClient).get(`${API}/tasks/mine`)).json().items.map((i: { state: string }) => i.state)).toEqual(['assigned']);
  });
});
