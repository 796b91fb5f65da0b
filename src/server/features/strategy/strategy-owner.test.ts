import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, strategies } from '../../db/schema/index';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltPerson, type BuiltSchool } from '../../test/factories';

/* The strategy's owner (one of the school's staff) and its reform goals, set when it is created. */
const { app, database } = await testApp();
const db = database.db;
type Problem = { code: string; errors?: { field: string; code: string; message: string }[] };
const fields = (body: Problem) => (body.errors ?? []).map((e) => e.field);

let school: BuiltSchool;
let boss: TestClient;
let leader: BuiltPerson;
const body = (over: Record<string, unknown> = {}) => ({ title: 'Strategi 2026–2029', periodStart: '2026-08-01', periodEnd: '2029-07-31', mode: 'strategi', ...over });

beforeAll(async () => {
  school = await buildSchool(db, { departments: ['Bygge og Anlæg'] });
  boss = await signIn(app, (await buildPerson(db, school, { roles: ['top_management'], departmentId: null })).email);
  leader = await buildPerson(db, school, { name: 'Lise Leder', roles: ['department_head'] });
});

describe('a strategy created with its owner and reform goals', () => {
  it('keeps both, answers them, and the owner alone can be changed without starting a draft', async () => {
    const res = await boss.post('/api/v1/strategies', body({ ownerId: leader.id, reformGoals: ['rg1', 'rg3'] }));
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ owner: { id: leader.id, name: 'Lise Leder' }, reformGoals: ['rg1', 'rg3'], status: 'draft', version: 1 });
    const [row] = await db.select().from(strategies).where(and(eq(strategies.schoolId, school.id), eq(strategies.id, created.id)));
    expect(row?.ownerId).toBe(leader.id);
    expect((await boss.get(`/api/v1/strategies/${created.id}`)).json().owner).toEqual({ id: leader.id, name: 'Lise Leder' });
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.schoolId, school.id), eq(auditEvents.action, 'strategy.created'), eq(auditEvents.resourceId, created.id)));
    expect(event?.changes).toMatchObject({ ownerId: leader.id, reformGoals: ['rg1', 'rg3'] });

    // published, then handed to another leader: the published version stays the current one
    expect((await boss.post(`/api/v1/strategies/${created.id}/publish`)).statusCode).toBe(200);
    const next = await buildPerson(db, school, { name: 'Niels Næste', roles: ['top_management'] });
    const moved = (await boss.patch(`/api/v1/strategies/${created.id}`, { ownerId: next.id })).json();
    expect(moved).toMatchObject({ owner: { id: next.id, name: 'Niels Næste' }, status: 'published', version: 1 });
    // editing the text still starts the next draft, and the owner can be taken off
    const edited = (await boss.patch(`/api/v1/strategies/${created.id}`, { vision: 'Ny vision', ownerId: null })).json();
    expect(edited).toMatchObject({ owner: null, status: 'draft', version: 2 });
  });

  it('has no owner when none is given', async () => {
    const res = await boss.post('/api/v1/strategies', body());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ owner: null, reformGoals: [] });
  });

  it('refuses an owner who is a student, a company supervisor, another school\'s or unknown (422 naming ownerId), writing nothing', async () => {
    const other = await buildSchool(db);
    const outsiders = [
      (await buildPerson(db, school, { roles: ['student'] })).id,
      (await buildPerson(db, school, { roles: ['company_supervisor'] })).id,
      (await buildPerson(db, other, { roles: ['top_management'] })).id,
      '00000000-0000-4000-8000-000000000000',
    ];
    const before = (await db.select().from(strategies).where(eq(strategies.schoolId, school.id))).length;
    for (const ownerId of outsiders) {
      const res = await boss.post('/api/v1/strategies', body({ ownerId }));
      expect(res.statusCode).toBe(422);
      expect(fields(res.json())).toEqual(['ownerId']);
    }
    const notAnId = await boss.post('/api/v1/strategies', body({ ownerId: 'lise' }));
    expect(notAnId.statusCode).toBe(422);
    expect(fields(notAnId.json())).toEqual(['ownerId']);
    expect((await db.select().from(strategies).where(eq(strategies.schoolId, school.id))).length).toBe(before);
  });

  it('refuses an unknown reform goal (422 naming it)', async () => {
    const res = await boss.post('/api/v1/strategies', body({ reformGoals: ['rg1', 'ikke-et-maal'] }));
    expect(res.statusCode).toBe(422);
    expect(fields(res.json())).toEqual(['reformGoals.1']);
  });
});
