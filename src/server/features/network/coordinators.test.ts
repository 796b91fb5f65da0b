import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { networkRoles, networks, schools } from '../../db/schema/index';
import { createSchool } from '../../seed/create-school';
import { testApp } from '../../test/app';
import { signIn } from '../../test/client';
import { buildCoordinator, buildPerson, buildSchool } from '../../test/factories';

const { app, database } = await testApp();
const db = database.db;

const newNetwork = async (name = `Netværk ${randomUUID()}`) => {
  const [n] = await db.insert(networks).values({ name }).returning({ id: networks.id });
  if (!n) throw new Error('network insert failed');
  return n.id;
};

describe('coordinators, archiving and the network switch', () => {
  it('lists, invites and removes coordinators, keeps the last one, and logs it all in the network log', async () => {
    const net = await newNetwork();
    const me = await buildCoordinator(db, net);
    const c = await signIn(app, me.email);
    const list = (await c.get('/api/v1/network/coordinators')).json();
    expect(list.items).toEqual([expect.objectContaining({ accountId: me.accountId, email: me.email, self: true, active: true })]);
    expect((await c.delete(`/api/v1/network/coordinators/${me.accountId}`)).json()).toMatchObject({ code: 'last_coordinator' });

    const email = `ny-koordinator-${randomUUID().slice(0, 8)}@net.example`;
    const invited = await c.post('/api/v1/network/coordinators', { email });
    expect(invited.statusCode).toBe(201);
    expect(invited.json().coordinator).toMatchObject({ email, active: false, self: false });
    expect(invited.json().invitation.link).toMatch(/\/invitation\//);
    expect((await c.post('/api/v1/network/coordinators', { email })).json()).toMatchObject({ code: 'coordinator_exists' });
    expect((await c.post('/api/v1/network/coordinators', {})).statusCode).toBe(422);

    const removed = await c.delete(`/api/v1/network/coordinators/${invited.json().coordinator.accountId}`);
    expect(removed.statusCode).toBe(204);
    const log = (await c.get('/api/v1/network/audit?pageSize=1')).json();
    expect(log).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(log.items[0]).toMatchObject({ action: 'network.coordinator_removed', summary: email });
    expect(log.actions).toEqual(['network.coordinator_invited', 'network.coordinator_removed']);
    const filtered = (await c.get('/api/v1/network/audit?action=network.coordinator_invited')).json();
    expect(filtered.items.map((e: { action: string }) => e.action)).toEqual(['network.coordinator_invited']);
  });

  it("answers 404 for another network's school and coordinator, and never touches them", async () => {
    const mine = await newNetwork();
    const theirs = await newNetwork();
    const c = await signIn(app, (await buildCoordinator(db, mine)).email);
    const foreignSchool = await createSchool(db, { networkId: theirs, name: 'Fremmed', institutionNumber: null });
    const foreignCoordinator = await buildCoordinator(db, theirs);
    await buildCoordinator(db, theirs);
    expect((await c.post(`/api/v1/network/schools/${foreignSchool}/archive`)).statusCode).toBe(404);
    expect((await c.post(`/api/v1/network/schools/${foreignSchool}/unarchive`)).statusCode).toBe(404);
    expect((await c.post('/api/v1/network/schools/not-a-uuid/archive')).statusCode).toBe(404);
    expect((await c.delete(`/api/v1/network/coordinators/${foreignCoordinator.accountId}`)).statusCode).toBe(404);
    expect((await c.put('/api/v1/me/network', { networkId: theirs })).statusCode).toBe(404);
    const [s] = await db.select().from(schools).where(eq(schools.id, foreignSchool));
    expect(s?.archivedAt).toBeNull();
    const theirList = await signIn(app, foreignCoordinator.email);
    expect((await theirList.get('/api/v1/network/coordinators')).json().items).toHaveLength(2);
  });

  it('archiving ends the school\'s sessions and refuses sign-in; reopening lets its people back in', async () => {
    const s = await buildSchool(db, { network: `Arkivnetværk ${randomUUID()}` });
    const teacher = await buildPerson(db, s, { roles: ['teacher'] });
    const session = await signIn(app, teacher.email);
    expect((await session.get('/api/v1/me')).statusCode).toBe(200);
    const c = await signIn(app, (await buildCoordinator(db, s.networkId)).email);
    const archived = await c.post(`/api/v1/network/schools/${s.id}/archive`);
    expect(archived.statusCode).toBe(200);
    expect(archived.json()).toMatchObject({ id: s.id, archived: true });
    expect((await session.get('/api/v1/me')).statusCode).toBe(401);
    await expect(signIn(app, teacher.email)).rejects.toThrow(/401/);
    expect((await c.post(`/api/v1/network/schools/${s.id}/archive`)).json()).toMatchObject({ code: 'school_already_archived' });
    const overview = (await c.get('/api/v1/network')).json();
    expect(overview.totals).toMatchObject({ schools: 0, archivedSchools: 1 });

    expect((await c.post(`/api/v1/network/schools/${s.id}/unarchive`)).json()).toMatchObject({ archived: false });
    expect((await (await signIn(app, teacher.email)).get('/api/v1/me')).statusCode).toBe(200);
    const log = (await c.get('/api/v1/network/audit')).json();
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(['network.school_unarchived', 'network.school_archived']);
  });

  it('a coordinator of two networks switches between them; /me lists both', async () => {
    const first = await newNetwork(`A-netværk ${randomUUID()}`);
    const second = await newNetwork(`B-netværk ${randomUUID()}`);
    const me = await buildCoordinator(db, first);
    await db.insert(networkRoles).values({ networkId: second, accountId: me.accountId, role: 'network_coordinator' });
    const c = await signIn(app, me.email);
    const before = (await c.get('/api/v1/me')).json();
    expect(before.network.id).toBe(first);
    expect(before.networks.map((n: { id: string }) => n.id)).toEqual([first, second]);
    expect((await c.put('/api/v1/me/network', { networkId: second })).json()).toEqual({ networkId: second });
    expect((await c.get('/api/v1/network')).json().id).toBe(second);
    expect((await c.get('/api/v1/me')).json().network.id).toBe(second);
    expect((await c.put('/api/v1/me/network', { networkId: 'x' })).statusCode).toBe(404);
  });
});
