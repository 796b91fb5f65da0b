import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool } from '../../test/factories';

/* Attendance and completion belong to a session that has taken place (issue 10: no one completes a session two weeks ahead). */

const { app, database } = await testApp();
const db = database.db;
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

let admin: TestClient;
let colleagues: TestClient[];
let courseId = '';

beforeAll(async () => {
  const school = await buildSchool(db);
  admin = await signIn(app, (await buildPerson(db, school, { roles: ['school_admin'], departmentId: null })).email);
  colleagues = await Promise.all([1, 2].map(async () => signIn(app, (await buildPerson(db, school, { roles: ['teacher'] })).email)));
  courseId = (await admin.post('/api/v1/competence/courses', { title: 'Canvas for begyndere', format: 'presence', audience: { allStaff: true } })).json().id;
});

describe('attendance and completion', () => {
  it('are refused for a session that has not begun, naming the field, and recorded for one that has; taking them back is allowed', async () => {
    const ahead = (await admin.post(`/api/v1/competence/courses/${courseId}/sessions`, { startsAt: day(14), place: 'Lokale A1.12', capacity: 20 })).json().id;
    const held = (await admin.post(`/api/v1/competence/courses/${courseId}/sessions`, { startsAt: day(-1), place: 'Lokale A1.12', capacity: 20 })).json().id;
    const [first, second] = colleagues;
    const soon = (await first?.post(`/api/v1/competence/courses/${courseId}/enrolments`, { sessionId: ahead }))?.json();
    const done = (await second?.post(`/api/v1/competence/courses/${courseId}/enrolments`, { sessionId: held }))?.json();

    const early = await admin.patch(`/api/v1/competence/enrolments/${soon.id}`, { attended: true, completed: true });
    expect(early.statusCode).toBe(422);
    expect(early.json().errors.map((e: { field: string }) => e.field)).toEqual(['completed']);
    expect((await admin.patch(`/api/v1/competence/enrolments/${soon.id}`, { attended: true })).json().errors[0].field).toBe('attended');
    expect((await admin.patch(`/api/v1/competence/enrolments/${soon.id}`, { completed: false })).statusCode).toBe(200);

    expect((await admin.patch(`/api/v1/competence/enrolments/${done.id}`, { attended: true, completed: true })).json()).toMatchObject({ attended: true, completed: true });
    const participants = (await admin.get(`/api/v1/competence/courses/${courseId}/participants`)).json() as { id: string; attended: boolean; completed: boolean }[];
    expect(participants.find((p) => p.id === soon.id)).toMatchObject({ attended: false, completed: false });
    expect(participants.find((p) => p.id === done.id)).toMatchObject({ attended: true, completed: true });
  });
});
