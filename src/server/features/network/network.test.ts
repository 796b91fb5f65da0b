import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, initiatives, libraryItems, networks, schools, sessions } from '../../db/schema/index';
import { createSchool } from '../../seed/create-school';
import { testApp } from '../../test/app';
import { signIn } from '../../test/client';
import { buildCoordinator, buildPerson, buildSchool, type BuiltPerson } from '../../test/factories';

const { app, database } = await testApp();
const db = database.db;

type NetSchool = { id: string; name: string; institutionNumber: string | null; people: number; departments: number; activeAccounts30d: number;
  lastActivity: string | null; initiatives: number; libraryItems: number; archived: boolean };
type Net = { id: string; name: string; totals: Record<string, number>; schools: NetSchool[] };

describe('network', () => {
  it('shows a coordinator the schools of their network with counts, activity and totals, and no personal data', async () => {
    const network = `Tællenetværk ${randomUUID()}`;
    const a = await buildSchool(db, { departments: ['Alfa', 'Beta', 'Gamma'], network });
    const b = await buildSchool(db, { departments: [], network });
    const gone = await buildSchool(db, { departments: ['Delta'], network });
    await db.update(schools).set({ archivedAt: new Date() }).where(eq(schools.id, gone.id));
    const number = String(100000 + Math.floor(Math.random() * 899999));
    await db.update(schools).set({ institutionNumber: number }).where(eq(schools.id, a.id));
    const staff: BuiltPerson[] = [];
    staff.push(await buildPerson(db, a, { roles: ['school_admin'], name: 'Hemmelig Hansen' }));
    staff.push(await buildPerson(db, a, { roles: ['teacher'], name: 'Privat Pedersen' }));
    staff.push(await buildPerson(db, a, { active: false, name: 'Inaktiv Ibsen' }));
    staff.push(await buildPerson(db, b, { roles: ['teacher'], name: 'Skjult Sørensen', departmentId: null }));
    staff.push(await buildPerson(db, gone, { roles: ['teacher'], name: 'Arkiv Andersen' }));
    // Two sessions of one account and one of another in school a (one stale), one in b.
    const session = (schoolId: string, accountId: string | null, daysAgo: number) =>
      db.insert(sessions).values({
        tokenHash: randomUUID(),
        accountId: accountId ?? '',
        schoolId,
        csrfToken: 'x',
        lastSeenAt: new Date(Date.now() - daysAgo * 86_400_000),
        expiresAt: new Date(Date.now() + 86_400_000),
      });
    await session(a.id, staff[0]?.accountId ?? null, 1);
    await session(a.id, staff[0]?.accountId ?? null, 2);
    await session(a.id, staff[1]?.accountId ?? null, 40);
    await session(b.id, staff[3]?.accountId ?? null, 0);
    await db.insert(auditEvents).values({ schoolId: a.id, actorName: 'x', action: 'x.y', resourceType: 'x', at: new Date('2026-03-04T22:30:00Z') });
    await db.insert(initiatives).values([
      { schoolId: a.id, title: 'I1', why: 'w', level: 'central', startsOn: '2026-01-01', endsOn: '2026-12-31' },
      { schoolId: a.id, title: 'I2', why: 'w', level: 'central', startsOn: '2026-01-01', endsOn: '2026-12-31', state: 'stopped' },
    ]);
    const author = staff[0]?.id ?? '';
    await db.insert(libraryItems).values([
      { schoolId: a.id, kind: 'material', title: 'L1', authorId: author, status: 'published' },
      { schoolId: a.id, kind: 'material', title: 'L2', authorId: author, status: 'draft' },
    ]);

    const coordinator = await buildCoordinator(db, a.networkId);
    const res = await (await signIn(app, coordinator.email)).get('/api/v1/network');
    expect(res.statusCode).toBe(200);
    const body = res.json() as Net;
    expect(body.id).toBe(a.networkId);
    const byId = new Map(body.schools.map((s) => [s.id, s]));
    expect(byId.get(a.id)).toEqual({
      id: a.id, name: a.name, institutionNumber: number, people: 2, departments: 3, activeAccounts30d: 1,
      lastActivity: '2026-03-04', initiatives: 1, libraryItems: 1, archived: false,
    });
    expect(byId.get(b.id)).toMatchObject({ institutionNumber: null, people: 1, departments: 0, activeAccounts30d: 1, initiatives: 0, archived: false });
    expect(byId.get(gone.id)).toMatchObject({ people: 1, departments: 1, archived: true });
    expect(body.schools.at(-1)?.id).toBe(gone.id);
    expect(body.totals).toEqual({ schools: 2, archivedSchools: 1, people: 3, departments: 3, activeAccounts30d: 2, initiatives: 1, libraryItems: 1 });
    for (const p of staff) {
      expect(res.body).not.toContain(p.email);
      expect(res.body).not.toContain(p.name);
      expect(res.body).not.toContain(p.id);
      if (p.accountId) expect(res.body).not.toContain(p.accountId);
    }
    expect(res.body).not.toMatch(/@/);
  });

  it("does not show another network's schools", async () => {
    const [net] = await db.insert(networks).values({ name: 'Andet netværk' }).returning();
    if (!net) throw new Error('network insert failed');
    const lone = await createSchool(db, { networkId: net.id, name: 'Ensom skole', institutionNumber: null });
    const mine = await buildSchool(db);
    const coordinator = await buildCoordinator(db, net.id);
    const body = (await (await signIn(app, coordinator.email)).get('/api/v1/network')).json() as Net;
    expect(body.name).toBe('Andet netværk');
    expect(body.schools.map((s) => s.id)).toEqual([lone]);
    expect(body.schools.map((s) => s.id)).not.toContain(mine.id);
  });

  it('refuses school staff (403), and refuses a coordinator school data (403)', async () => {
    const s = await buildSchool(db);
    for (const roles of [['school_admin'], ['top_management'], ['teacher']] as const) {
      const c = await signIn(app, (await buildPerson(db, s, { roles: [...roles] })).email);
      for (const url of ['/api/v1/network', '/api/v1/network/coordinators', '/api/v1/network/audit']) {
        const res = await c.get(url);
        expect(res.statusCode, url).toBe(403);
        expect(res.json().code).toBe('forbidden');
      }
      const onboard = await c.post('/api/v1/network/schools', { name: 'X', institutionNumber: '123456', adminName: 'X', adminEmail: 'x@x.example' });
      expect(onboard.statusCode).toBe(403);
    }
    const coordinator = await signIn(app, (await buildCoordinator(db, s.networkId)).email);
    for (const url of ['/api/v1/people', '/api/v1/school', '/api/v1/school/export', '/api/v1/audit', '/api/v1/departments', '/api/v1/overview']) {
      const res = await coordinator.get(url);
      expect(res.statusCode, url).toBe(403);
    }
    const create = await coordinator.post('/api/v1/people', { name: 'X', email: 'x@coordinator.example' });
    expect(create.statusCode).toBe(403);
  });
});
