import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, personTeams, teams } from '../../db/schema/index';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltPerson, type BuiltSchool } from '../../test/factories';

const { app, database } = await testApp();
const db = database.db;

let school: BuiltSchool;
let admin: TestClient;
let person: BuiltPerson;
let teamIds: string[];

const membership = async (personId: string) =>
  (await db.select({ teamId: personTeams.teamId }).from(personTeams).where(eq(personTeams.personId, personId))).map((r) => r.teamId).sort();

beforeAll(async () => {
  school = await buildSchool(db);
  const a = await buildPerson(db, school, { roles: ['school_admin'] });
  person = await buildPerson(db, school, { roles: ['teacher'] });
  admin = await signIn(app, a.email);
  teamIds = [];
  for (const name of ['Tømrer GF2', 'Smed hovedforløb']) teamIds.push((await admin.post('/api/v1/teams', { name })).json().id);
});

describe('team memberships', () => {
  it('sets and replaces a person’s teams, shows them on the person and audits the change', async () => {
    const res = await admin.put(`/api/v1/people/${person.id}/teams`, { teamIds });
    expect(res.statusCode).toBe(200);
    expect(res.json().teams.map((t: { name: string }) => t.name)).toEqual(['Smed hovedforløb', 'Tømrer GF2']);
    expect(await membership(person.id)).toEqual([...teamIds].sort());
    const again = await admin.put(`/api/v1/people/${person.id}/teams`, { teamIds: [teamIds[0]] });
    expect(again.json().teams).toHaveLength(1);
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.schoolId, school.id), eq(auditEvents.action, 'person.teams_changed')));
    expect(events).toHaveLength(2);
    expect(events.at(-1)?.changes).toMatchObject({ removed: [teamIds[1]] });
  });

  it('refuses an unknown, archived or other school’s team with 422 naming teamIds, and writes nothing', async () => {
    await admin.put(`/api/v1/people/${person.id}/teams`, { teamIds: [teamIds[0]] });
    const other = await buildSchool(db);
    const [foreign] = await db.insert(teams).values({ schoolId: other.id, name: 'Fremmed' }).returning({ id: teams.id });
    const [archived] = await db.insert(teams).values({ schoolId: school.id, name: 'Arkiveret', archivedAt: new Date() }).returning({ id: teams.id });
    for (const bad of [foreign?.id, archived?.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await admin.put(`/api/v1/people/${person.id}/teams`, { teamIds: [teamIds[1], bad] });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors[0].field).toBe('teamIds');
    }
    expect(await membership(person.id)).toEqual([teamIds[0]]);
    const notUuid = await admin.put(`/api/v1/people/${person.id}/teams`, { teamIds: ['x'] });
    expect(notUuid.statusCode).toBe(422);
  });

  it('is for administrators only, and another school’s person is not found', async () => {
    const teacher = await signIn(app, person.email);
    expect((await teacher.put(`/api/v1/people/${person.id}/teams`, { teamIds: [] })).statusCode).toBe(403);
    const other = await buildSchool(db);
    const stranger = await buildPerson(db, other, { roles: ['teacher'] });
    expect((await admin.put(`/api/v1/people/${stranger.id}/teams`, { teamIds: [] })).statusCode).toBe(404);
  });
});
