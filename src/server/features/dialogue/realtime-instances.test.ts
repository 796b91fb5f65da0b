import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import type { Database } from '../../db/client';
import { createMailer } from '../../platform/mail';
import { PgBus } from '../../platform/realtime-bus';
import { signIn } from '../../test/client';
import { startPeerProcess } from '../../test/peer-process';
import { testConfig, testDatabase } from '../../test/database';
import { buildPerson, buildSchool } from '../../test/factories';
import { ackOf, isState, joinAs, listening, liveSession, openSocket, stateWhere, type LiveSocket } from './realtime-test-kit';

/*
 * Two app instances on one database, as behind a load balancer, with a live session's sockets spread
 * over both. In the PostgreSQL run (TEST_DATABASE_URL, as in CI) each instance has a pool and a bus
 * of its own and hears the other's changes only through LISTEN/NOTIFY; on the embedded database both
 * share the one process's database and its in-process bus.
 */
const onPostgres = loadConfig().testDatabaseUrl !== undefined;

const config = testConfig();
const databaseA = await testDatabase();
const databaseB: Database = onPostgres ? await testDatabase() : databaseA;
const instance = async (database: Database) => {
  const app = await buildApp({ config, database, mailer: createMailer(undefined, 'test@retning') });
  await app.ready();
  return app;
};
const a = await instance(databaseA);
const b = await instance(databaseB);
const baseA = await listening(a);
const baseB = await listening(b);
// A third instance: on PostgreSQL the server in a process of its own; the embedded database has one process, so there it is B again.
const peer = onPostgres ? await startPeerProcess(loadConfig().testDatabaseUrl ?? '') : null;
const baseC = peer ? peer.base.replace(/^http/, 'ws') : baseB;
const sockets: LiveSocket[] = [];
afterAll(async () => {
  for (const s of sockets) s.ws.terminate();
  await peer?.close();
  await a.close();
  await b.close();
  await databaseA.close();
  if (databaseB !== databaseA) await databaseB.close();
});
const db = databaseA.db;

async function connect(url: string, hello?: unknown, cookie?: string) {
  const { socket, opened } = openSocket(url, cookie ? { headers: { cookie } } : {});
  sockets.push(socket);
  await opened;
  if (hello) socket.send(hello);
  await socket.waitFor(isState);
  return socket;
}

describe('the dialogue on several instances', () => {
  it('each instance uses the bus for its database: LISTEN/NOTIFY on PostgreSQL, the shared in-process bus on the embedded database', () => {
    expect(a.deps.bus instanceof PgBus).toBe(onPostgres);
    if (!onPostgres) expect(a.deps.bus).toBe(b.deps.bus);
    else expect(a.deps.bus).not.toBe(b.deps.bus);
  });

  it('answers sent to one instance reach the facilitator and screen on the other, and control from the other reaches the participants', async () => {
    const school = await buildSchool(db);
    const top = await signIn(a, (await buildPerson(db, school, { roles: ['top_management'] })).email);
    const s = await liveSession(top);
    const staffOnB = await connect(`${baseB}/api/v1/dialogue/sessions/${s.id}/socket`, undefined, top.cookie);
    const staffOnA = await connect(`${baseA}/api/v1/dialogue/sessions/${s.id}/socket`, undefined, top.cookie);
    const onA = await connect(`${baseA}/api/v1/dialogue/live/${s.code}/socket`, { type: 'hello', token: await joinAs(a, s.code) });
    const onB = await connect(`${baseB}/api/v1/dialogue/live/${s.code}/socket`, { type: 'hello', token: await joinAs(b, s.code) });

    onA.send({ type: 'answer', seq: 1, itemId: s.first, now: 25, wanted: 75 });
    onB.send({ type: 'answer', seq: 1, itemId: s.first, now: 35 });
    await onA.waitFor(ackOf(1));
    await onB.waitFor(ackOf(1));
    const both = (st: Parameters<Parameters<typeof stateWhere>[0]>[0]) => st.items.find((i) => i.id === s.first)?.now.count === 2;
    await staffOnB.waitFor(stateWhere(both));
    await staffOnA.waitFor(stateWhere(both));

    // The facilitator on B moves on; the participant on A hears it.
    staffOnB.send({ type: 'control', seq: 1, op: 'goto', itemId: s.second });
    await staffOnB.waitFor(ackOf(1));
    await onA.waitFor(stateWhere((st) => st.currentItemId === s.second));
    await onB.waitFor(stateWhere((st) => st.currentItemId === s.second));
  });

  it('participants served by another process (on PostgreSQL) reach the facilitator here, and his control reaches them', async () => {
    const school = await buildSchool(db);
    const top = await signIn(a, (await buildPerson(db, school, { roles: ['top_management'] })).email);
    const s = await liveSession(top);
    const staff = await connect(`${baseA}/api/v1/dialogue/sessions/${s.id}/socket`, undefined, top.cookie);
    const joinOnC = async () => {
      const res = await fetch(`${baseC.replace(/^ws/, 'http')}/api/v1/dialogue/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: s.code }) });
      expect(res.status).toBe(201);
      return ((await res.json()) as { token: string }).token;
    };
    const phones = await Promise.all([joinOnC(), joinOnC(), joinOnC()].map(async (token) => connect(`${baseC}/api/v1/dialogue/live/${s.code}/socket`, { type: 'hello', token: await token })));
    phones.forEach((p, i) => p.send({ type: 'answer', seq: 1, itemId: s.first, now: 20 + i * 10, wanted: 80 }));
    for (const p of phones) await p.waitFor(ackOf(1));
    const answered = await staff.waitFor(stateWhere((st) => st.items.find((i) => i.id === s.first)?.now.count === 3));
    expect(answered.type === 'state' && answered.state.items.find((i) => i.id === s.first)?.now.values).toEqual([20, 30, 40]);

    staff.send({ type: 'control', seq: 1, op: 'lock', itemId: s.first });
    await staff.waitFor(ackOf(1));
    for (const p of phones) await p.waitFor(stateWhere((st) => st.items.find((i) => i.id === s.first)?.state === 'locked'));
  });
});
