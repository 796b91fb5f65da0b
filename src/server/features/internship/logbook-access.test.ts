import { beforeAll, describe, expect, it } from 'vitest';
import type { SchoolRole } from '../../../shared/roles';
import { todayInCopenhagen } from '../../platform/time';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltPerson, type BuiltSchool } from '../../test/factories';
import { addDays } from '../home/api';
import { companyOf, entryOf, placementOf, teamOf } from './logbook-fixtures';

const { app, database } = await testApp();
const db = database.db;
const today = todayInCopenhagen();
const API = '/api/v1/internship/logbook';

let school: BuiltSchool;
let other: BuiltSchool;
let student: BuiltPerson;
let placementId: string;
let entryId: string;
let otherEntryId: string;
const as: Record<string, TestClient> = {};

beforeAll(async () => {
  school = await buildSchool(db);
  other = await buildSchool(db);
  const [dept, otherDept] = school.departments.map((d) => d.id);
  const person = (roles: SchoolRole[], departmentId = dept) => buildPerson(db, school, { roles, departmentId });
  student = await person(['student']);
  const classmate = await person(['student']);
  const teacher = await person(['teacher']);
  const otherTeacher = await person(['teacher']);
  const head = await person(['department_head']);
  const otherHead = await person(['department_head'], otherDept);
  const supervisor = await person(['company_supervisor']);
  const lateSupervisor = await person(['company_supervisor']);
  const editor = await person(['editorial']);
  const top = await person(['top_management']);
  await teamOf(db, school.id, [teacher.id, student.id], dept ?? null);
  await teamOf(db, school.id, [otherTeacher.id, classmate.id], dept ?? null);
  // the last period ended 30 days ago, so today is its window's last day (day 30); the one before ended 31 days ago (day 31)
  placementId = await placementOf(db, school.id, student.id, await companyOf(db, school.id, [supervisor.id]), addDays(today, -30), 1);
  await placementOf(db, school.id, student.id, await companyOf(db, school.id, [lateSupervisor.id]), addDays(today, -100), 70);
  entryId = await entryOf(db, school.id, student.id, placementId, addDays(today, -30));
  const classmatePlacement = await placementOf(db, school.id, classmate.id, null, addDays(today, -10), 20);
  otherEntryId = await entryOf(db, school.id, classmate.id, classmatePlacement, today);
  const foreignStudent = await buildPerson(db, other, { roles: ['student'] });
  const foreignAdmin = await buildPerson(db, other, { roles: ['school_admin'] });
  await entryOf(db, other.id, foreignStudent.id, await placementOf(db, other.id, foreignStudent.id, null, today, 5), today);
  const people = { student, classmate, teacher, otherTeacher, head, otherHead, supervisor, lateSupervisor, editor, top, foreignAdmin };
  for (const [k, p] of Object.entries(people)) as[k] = await signIn(app, p.email);
});

describe('who reads a student’s logbook', () => {
  it.each([
    ['student', 200],
    ['teacher', 200],
    ['head', 200],
    ['supervisor', 200],
    ['top', 200],
    ['classmate', 404],
    ['otherTeacher', 404],
    ['otherHead', 404],
    ['lateSupervisor', 404],
    ['editor', 403],
    ['foreignAdmin', 404],
  ])('%s → %i on the entry and the list', async (who, status) => {
    const c = as[who] as TestClient;
    expect((await c.get(`${API}/entries/${entryId}`)).statusCode).toBe(status);
    expect((await c.get(`${API}/students/${student.id}`)).statusCode).toBe(status);
  });

  it('the supervisor sees the student on day 30 after the period and loses him on day 31, without any job', async () => {
    const late = await as.lateSupervisor?.get(`${API}/students/${student.id}`);
    expect(late?.statusCode).toBe(404);
    const entry = (await as.supervisor?.get(`${API}/entries/${entryId}`))?.json();
    expect(entry.abilities).toEqual(['logbookStudent:comment']);
  });

  it('a student never learns of another student: 404 on his entry, his list, a new entry and a comment', async () => {
    const c = as.student as TestClient;
    expect((await c.get(`${API}/entries/${otherEntryId}`)).statusCode).toBe(404);
    expect((await c.post(`${API}/entries/${otherEntryId}/comments`, { body: 'Hej' })).statusCode).toBe(404);
    const classmateId = (await as.classmate?.get(`${API}/entries/${otherEntryId}`))?.json().student.id;
    expect((await c.post(`${API}/students/${classmateId}/entries`, { placementId, entryDate: today })).statusCode).toBe(404);
  });
});

describe('writing and commenting', () => {
  it('only the student writes his entries; the body is sanitised, the video link https only, tags checked', async () => {
    const c = as.student as TestClient;
    const bad = await c.post(`${API}/students/${student.id}/entries`, { placementId, entryDate: today, videoUrl: 'http://video.example/x' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('videoUrl');
    const js = await c.post(`${API}/students/${student.id}/entries`, { placementId, entryDate: today, videoUrl: 'javascript:alert(1)' });
    expect(js.statusCode).toBe(422);
    const tag = await c.post(`${API}/students/${student.id}/entries`, { placementId, entryDate: today, goalIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(tag.statusCode).toBe(422);
    expect(tag.json().errors[0].field).toBe('goalIds');
    const foreignPlacement = await c.post(`${API}/students/${student.id}/entries`, { placementId: '00000000-0000-4000-8000-000000000000', entryDate: today });
    expect(foreignPlacement.json().errors[0].field).toBe('placementId');
    const res = await c.post(`${API}/students/${student.id}/entries`, {
      placementId,
      entryDate: today,
      title: 'Spær <b>og</b> lægter',
      bodyHtml: '<p onclick="x()">Vi satte spær op<script>alert(1)</script></p><img src=x onerror=alert(1)>',
      videoUrl: 'https://video.example/spaer',
    });
    expect(res.statusCode, res.body).toBe(201);
    const entry = res.json();
    expect(entry.bodyHtml).toBe('<p>Vi satte spær op</p>');
    expect(entry.title).toBe('Spær og lægter');
    expect(entry.abilities).toEqual(['logbookStudent:write', 'logbookStudent:comment']);
    for (const who of ['teacher', 'head', 'supervisor', 'top']) {
      expect((await as[who]?.post(`${API}/students/${student.id}/entries`, { placementId, entryDate: today }))?.statusCode).toBe(403);
      expect((await as[who]?.patch(`${API}/entries/${entry.id}`, { title: 'Ændret' }))?.statusCode).toBe(403);
    }
    const patched = await c.patch(`${API}/entries/${entry.id}`, { title: 'Spær', videoUrl: null });
    expect(patched.json()).toMatchObject({ title: 'Spær', videoUrl: null });
    expect((await c.delete(`${API}/entries/${entry.id}`)).statusCode).toBe(204);
    expect((await c.get(`${API}/entries/${entry.id}`)).statusCode).toBe(404);
  });

  it('the student, his teacher, the department head and the current supervisor comment; top management reads without commenting', async () => {
    for (const who of ['student', 'teacher', 'head', 'supervisor']) {
      const res = await as[who]?.post(`${API}/entries/${entryId}/comments`, { body: `Godt set <script>x</script> (${who})` });
      expect(res?.statusCode, res?.body).toBe(201);
    }
    expect((await as.top?.post(`${API}/entries/${entryId}/comments`, { body: 'Hej' }))?.statusCode).toBe(403);
    expect((await as.otherTeacher?.post(`${API}/entries/${entryId}/comments`, { body: 'Hej' }))?.statusCode).toBe(404);
    const entry = (await as.student?.get(`${API}/entries/${entryId}`))?.json();
    expect(entry.comments.map((c: { body: string }) => c.body)).toEqual(['student', 'teacher', 'head', 'supervisor'].map((w) => `Godt set (${w})`));
  });
});

describe('the overview', () => {
  it('lists the teacher’s students only, with where each is now, the last entry, this week and the comments he has not answered', async () => {
    const res = await as.teacher?.get(`${API}/overview`);
    expect(res?.statusCode, res?.body).toBe(200);
    const rows = res?.json().students;
    expect(rows.map((r: { student: { id: string } }) => r.student.id)).toEqual([student.id]);
    const row = rows[0];
    expect(row.current).toBeNull();
    expect(row.lastEntryOn).toBe(addDays(today, -30));
    expect(row.entriesThisWeek).toBe(0);
    // the head's and the supervisor's comments came after the teacher's own
    expect(row.unseenComments).toBe(2);
    const classmates = (await as.otherTeacher?.get(`${API}/overview`))?.json().students;
    expect(classmates).toHaveLength(1);
    expect(classmates[0]).toMatchObject({ current: { kind: 'school', company: null }, lastEntryOn: today, entriesThisWeek: 1, unseenComments: 0 });
    expect((await as.student?.get(`${API}/overview`))?.statusCode).toBe(403);
  });
});
