import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema/index';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltSchool } from '../../test/factories';

const { app, database } = await testApp();
const db = database.db;

type Event = { id: string; at: string; actorName: string; action: string; resourceType: string; resourceId: string | null; summary: string | null };
type Page = { items: Event[]; total: number; page: number; pageSize: number; actions: string[] };

let school: BuiltSchool;
let other: BuiltSchool;
let admin: TestClient;
const list = async (query: string): Promise<Page> => {
  const res = await admin.get(`/api/v1/audit${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as Page;
};

beforeAll(async () => {
  school = await buildSchool(db);
  other = await buildSchool(db);
  admin = await signIn(app, (await buildPerson(db, school, { roles: ['school_admin'], name: 'Astrid Admin' })).email);
  const event = (schoolId: string, at: string, action: string, actorName: string, resourceType = 'person') => ({
    schoolId,
    at: new Date(at),
    action,
    actorName,
    resourceType,
    summary: `${action} ${at}`,
  });
  await db.insert(auditEvents).values([
    event(school.id, '2024-01-15T09:00:00Z', 'person.created', 'Astrid Admin'),
    event(school.id, '2024-01-20T09:00:00Z', 'person.updated', 'Bo Bøgh'),
    event(school.id, '2024-02-01T09:00:00Z', 'department.created', 'Astrid Admin', 'department'),
    // 23:30 UTC on 10 March is 00:30 on 11 March in Copenhagen (winter time, UTC+1)
    event(school.id, '2024-03-10T23:30:00Z', 'person.deactivated', 'Bo Bøgh'),
    // 22:30 UTC on 10 July is 00:30 on 11 July in Copenhagen (summer time, UTC+2)
    event(school.id, '2024-07-10T22:30:00Z', 'person.updated', 'Cecilie_100%'),
    ...Array.from({ length: 25 }, (_, i) => event(school.id, `2023-06-${String(i + 1).padStart(2, '0')}T12:00:00Z`, 'people.imported', 'System')),
    event(other.id, '2024-01-16T09:00:00Z', 'person.created', 'Astrid Admin'),
    event(other.id, '2024-01-17T09:00:00Z', 'secret.other_school', 'Fremmed'),
  ]);
});

describe('audit log', () => {
  it("lists only the own school's events, newest first, with the school's actions", async () => {
    const page = await list('?pageSize=200');
    expect(page.total).toBe(30);
    expect(page.items).toHaveLength(30);
    expect(page.items.some((e) => e.action === 'secret.other_school' || e.actorName === 'Fremmed')).toBe(false);
    const times = page.items.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(page.actions).toEqual(['department.created', 'people.imported', 'person.created', 'person.deactivated', 'person.updated']);
  });

  it('pages with a stable total', async () => {
    const first = await list('?pageSize=10');
    const third = await list('?pageSize=10&page=3');
    expect([first.total, third.total]).toEqual([30, 30]);
    expect(third.items).toHaveLength(10);
    expect(new Set([...first.items, ...third.items].map((e) => e.id)).size).toBe(20);
    const beyond = await list('?pageSize=10&page=4');
    expect(beyond.items).toHaveLength(0);
    expect(beyond.total).toBe(30);
  });

  it('filters by action, resource type and actor', async () => {
    expect((await list('?action=person.updated')).items.map((e) => e.actorName).sort()).toEqual(['Bo Bøgh', 'Cecilie_100%']);
    expect((await list('?resourceType=department')).items.map((e) => e.action)).toEqual(['department.created']);
    expect((await list('?actor=bø')).total).toBe(2);
    expect((await list('?actor=BO%20B%C3%98GH')).total).toBe(2);
    expect((await list(`?actor=${encodeURIComponent('_100%')}`)).items.map((e) => e.actorName)).toEqual(['Cecilie_100%']);
    expect((await list('?actor=%25')).items.map((e) => e.actorName)).toEqual(['Cecilie_100%']);
    expect((await list('?action=person.updated&actor=bo')).total).toBe(1);
  });

  it('filters from/to by calendar day in Copenhagen', async () => {
    const jan = await list('?from=2024-01-01&to=2024-01-31');
    expect(jan.items.map((e) => e.action).sort()).toEqual(['person.created', 'person.updated']);
    expect((await list('?from=2024-01-20&to=2024-01-20')).items.map((e) => e.actorName)).toEqual(['Bo Bøgh']);
    expect((await list('?from=2024-03-11&to=2024-03-11')).items.map((e) => e.action)).toEqual(['person.deactivated']);
    expect((await list('?from=2024-03-10&to=2024-03-10')).total).toBe(0);
    expect((await list('?from=2024-07-11&to=2024-07-11')).total).toBe(1);
    expect((await list('?to=2024-07-10&from=2024-07-01')).total).toBe(0);
    expect((await list('?from=2024-01-01')).total).toBe(5);
    expect((await list('?to=2023-12-31')).total).toBe(25);
  });

  it('rejects bad filters naming the field', async () => {
    const res = await admin.get('/api/v1/audit?from=10-03-2024');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('from');
    const extra = await admin.get('/api/v1/audit?school=x');
    expect(extra.statusCode).toBe(422);
    expect(extra.json().errors[0].field).toBe('school');
    expect((await admin.get('/api/v1/audit?pageSize=1000')).statusCode).toBe(422);
  });

  it('is for administrators only (403)', async () => {
    for (const roles of [['top_management'], ['department_head'], ['teacher']] as const) {
      const c = await signIn(app, (await buildPerson(db, school, { roles: [...roles] })).email);
      const res = await c.get('/api/v1/audit');
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
  });
});
