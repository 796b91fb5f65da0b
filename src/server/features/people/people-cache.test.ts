import { describe, expect, it } from 'vitest';
import { people } from '../../db/schema/index';
import { testApp } from '../../test/app';
import { signIn } from '../../test/client';
import { buildPerson, buildSchool } from '../../test/factories';

/** The people list is served from a short-lived cache that every successful write of the school empties. */
const { app, database } = await testApp({ config: { readCacheTtlMs: 60_000 } });
const db = database.db;

const total = async (client: Awaited<ReturnType<typeof signIn>>, query = '') => (await client.get(`/api/v1/people${query}`)).json().total as number;

describe('people list cache', () => {
  it('serves a repeated read from memory, and an API write in the school refreshes it at once', async () => {
    const school = await buildSchool(db);
    const admin = await buildPerson(db, school, { roles: ['school_admin'] });
    const client = await signIn(app, admin.email);
    expect(await total(client)).toBe(1);
    // A write that bypasses the API (as another instance would) is not seen while the entry lives …
    await db.insert(people).values({ schoolId: school.id, name: 'Uden om API', email: 'uden@test.example' });
    expect(await total(client)).toBe(1);
    // … but a write through the API empties the school's cached reads.
    expect((await client.post('/api/v1/people', { name: 'Via API', email: 'via@test.example' })).statusCode).toBe(201);
    expect(await total(client)).toBe(3);
  });

  it('keeps each scope and query apart and never serves another school', async () => {
    const a = await buildSchool(db);
    const b = await buildSchool(db);
    const [d1, d2] = a.departments;
    const admin = await buildPerson(db, a, { roles: ['school_admin'], departmentId: d1?.id });
    const head = await buildPerson(db, a, { roles: ['department_head'], departmentId: d2?.id });
    const adminB = await buildPerson(db, b, { roles: ['school_admin'] });
    const ca = await signIn(app, admin.email);
    const ch = await signIn(app, head.email);
    const cb = await signIn(app, adminB.email);
    expect(await total(ca)).toBe(2);
    expect(await total(ch)).toBe(1);
    expect(await total(cb)).toBe(1);
    expect(await total(ca, '?role=department_head')).toBe(1);
  });

  it('a role change is reflected in a filtered list straight away', async () => {
    const school = await buildSchool(db);
    const admin = await buildPerson(db, school, { roles: ['school_admin'] });
    const person = await buildPerson(db, school, { roles: ['teacher'] });
    const client = await signIn(app, admin.email);
    expect(await total(client, '?role=it_ambassador')).toBe(0);
    await client.put(`/api/v1/people/${person.id}/roles`, { roles: ['teacher', 'it_ambassador'] });
    expect(await total(client, '?role=it_ambassador')).toBe(1);
  });
});
