import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { networks, schools } from '../../db/schema/index';
import { createSchool } from '../../seed/create-school';
import { testApp } from '../../test/app';
import { signIn } from '../../test/client';
import { buildCoordinator, buildPerson, buildSchool, type BuiltPerson } from '../../test/factories';

const { app, database } = await testApp();
const db = database.db;

type NetSchool = { id: string; name: string; institutionNumber: string | null; people: number; departments: number };

describe('network', () => {
  it('shows a coordinator the schools of their network with counts and no personal data', async () => {
    const a = await buildSchool(db, { departments: ['Alfa', 'Beta', 'Gamma'] });
    const b = await buildSchool(db, { departments: [] });
    await db.update(schools).set({ institutionNumber: '654321' }).where(eq(schools.id, a.id));
    const staff: BuiltPerson[] = [];
    staff.push(await buildPerson(db, a, { roles: ['school_admin'], name: 'Hemmelig Hansen' }));
    staff.push(await buildPerson(db, a, { roles: ['teacher'], name: 'Privat Pedersen' }));
    staff.push(await buildPerson(db, a, { active: false, name: 'Inaktiv Ibsen' }));
    staff.push(await buildPerson(db, b, { roles: ['teacher'], name: 'Skjult Sørensen', departmentId: null }));

    const coordinator = await buildCoordinator(db, a.networkId);
    const res = await (await signIn(app, coordinator.email)).get('/api/v1/network');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { id: string; name: string; schools: NetSchool[] };
    expect(body.id).toBe(a.networkId);
    const byId = new Map(body.schools.map((s) => [s.id, s]));
    expect(byId.get(a.id)).toEqual({ id: a.id, name: a.name, institutionNumber: '654321', people: 2, departments: 3 });
    expect(byId.get(b.id)).toEqual({ id: b.id, name: b.name, institutionNumber: null, people: 1, departments: 0 });
    for (const s of body.schools) expect(Object.keys(s).sort()).toEqual(['departments', 'id', 'institutionNumber', 'name', 'people']);
    for (const p of staff) {
      expect(res.body).not.toContain(p.email);
      expect(res.body).not.toContain(p.name);
      expect(res.body).not.toContain(p.id);
    }
    expect(res.body).not.toMatch(/@/);
  });

  it("does not show another network's schools", async () => {
    const [net] = await db.insert(networks).values({ name: 'Andet netværk' }).returning();
    if (!net) throw new Error('network insert failed');
    const lone = await createSchool(db, { networkId: net.id, name: 'Ensom skole', institutionNumber: null });
    const mine = await buildSchool(db);
    const coordinator = await buildCoordinator(db, net.id);
    const body = (await (await signIn(app, coordinator.email)).get('/api/v1/network')).json() as { name: string; schools: NetSchool[] };
    expect(body.name).toBe('Andet netværk');
    expect(body.schools.map((s) => s.id)).toEqual([lone]);
    expect(body.schools.map((s) => s.id)).not.toContain(mine.id);
  });

  it('refuses school staff (403), and refuses a coordinator school data (403)', async () => {
    const s = await buildSchool(db);
    for (const roles of [['school_admin'], ['top_management'], ['teacher']] as const) {
      const c = await signIn(app, (await buildPerson(db, s, { roles: [...roles] })).email);
      const res = await c.get('/api/v1/network');
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('forbidden');
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
