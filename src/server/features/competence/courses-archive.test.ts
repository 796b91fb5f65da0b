import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/app';
import { signIn } from '../../test/client';
import { buildPerson, buildSchool } from '../../test/factories';

const { app, database } = await testApp();
const db = database.db;

async function schoolWithCourse(title: string) {
  const school = await buildSchool(db, { departments: ['Handel'] });
  const admin = await signIn(app, (await buildPerson(db, school, { roles: ['school_admin'], departmentId: null })).email);
  const res = await admin.post('/api/v1/competence/courses', { title, format: 'presence' });
  expect(res.statusCode, res.body).toBe(201);
  return { school, admin, courseId: res.json().id as string };
}

describe('archived courses', () => {
  it('leave the catalogue, are listed for those who manage courses, and can be restored', async () => {
    const a = await schoolWithCourse('Grundkursus i Teams');
    const b = await schoolWithCourse('Andet skoles kursus');
    for (const x of [a, b]) expect((await x.admin.patch(`/api/v1/competence/courses/${x.courseId}`, { archived: true })).statusCode).toBe(200);

    expect((await a.admin.get('/api/v1/competence/courses')).json().map((c: { id: string }) => c.id)).not.toContain(a.courseId);
    const archived = (await a.admin.get('/api/v1/competence/courses/archived')).json();
    // only the school's own archived course, never the other school's
    expect(archived.map((c: { id: string }) => c.id)).toEqual([a.courseId]);
    expect(archived[0]).toMatchObject({ title: 'Grundkursus i Teams', archived: true });
    expect(Date.parse(archived[0].archivedAt)).toBeGreaterThan(0);

    // a teacher may not list them
    const teacher = await signIn(app, (await buildPerson(db, a.school, { roles: ['teacher'] })).email);
    expect((await teacher.get('/api/v1/competence/courses/archived')).statusCode).toBe(403);

    // restoring brings it back to the catalogue and off the archive list
    expect((await a.admin.patch(`/api/v1/competence/courses/${a.courseId}`, { archived: false })).statusCode).toBe(200);
    expect((await a.admin.get('/api/v1/competence/courses')).json().map((c: { id: string }) => c.id)).toContain(a.courseId);
    expect((await a.admin.get('/api/v1/competence/courses/archived')).json()).toEqual([]);
    // the other school's course cannot be restored from here
    expect((await a.admin.patch(`/api/v1/competence/courses/${b.courseId}`, { archived: false })).statusCode).toBe(404);
  });
});
