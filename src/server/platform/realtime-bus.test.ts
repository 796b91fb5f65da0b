import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import type { Database } from '../db/client';
import { testDatabase } from '../test/database';
import { BUS_RESYNC, createBus, InProcessBus, PgBus } from './realtime-bus';

/*
 * The bus between the code that makes a change and the sockets that show it. In the PostgreSQL run
 * (TEST_DATABASE_URL) two buses on pools of their own hear each other only through the database; on
 * the embedded database the apps of one database share its in-process bus.
 */
const onPostgres = loadConfig().testDatabaseUrl !== undefined;
const databaseA = await testDatabase();
const databaseB: Database = onPostgres ? await testDatabase() : databaseA;
const quiet = { warn: () => {} };
const a = createBus(databaseA, quiet);
const b = createBus(databaseB, quiet);
afterAll(async () => {
  if (a.owned) await a.bus.close();
  if (b.owned) await b.bus.close();
  await databaseA.close();
  if (databaseB !== databaseA) await databaseB.close();
});
const started = async () => {
  if (a.bus instanceof PgBus) await a.bus.started();
  if (b.bus instanceof PgBus) await b.bus.started();
};

const collect = (bus: typeof a.bus, topic: string) => {
  const got: string[] = [];
  const stop = bus.subscribe(topic, (m) => got.push(m));
  return { got, stop };
};

describe('realtime bus', () => {
  it('in one process, delivers after the publisher has returned, to the topic only, until unsubscribed', async () => {
    const bus = new InProcessBus();
    const one = collect(bus, 'dialogue:1');
    const two = collect(bus, 'dialogue:2');
    bus.publish('dialogue:1', 'x');
    expect(one.got).toEqual([]);
    await Promise.resolve();
    expect(one.got).toEqual(['x']);
    expect(two.got).toEqual([]);
    one.stop();
    bus.publish('dialogue:1', 'y');
    await new Promise((r) => setTimeout(r, 5));
    expect(one.got).toEqual(['x']);
  });

  it('a message published on one instance reaches the subscribers of both, each once', async () => {
    await started();
    const topic = `dialogue:${Math.random().toString(36).slice(2)}`;
    const onA = collect(a.bus, topic);
    const onB = collect(b.bus, topic);
    a.bus.publish(topic, 'answers');
    b.bus.publish(topic, 'control');
    await expect.poll(() => onB.got.length, { timeout: 2_000, interval: 5 }).toBe(2);
    await expect.poll(() => onA.got.length, { timeout: 2_000, interval: 5 }).toBe(2);
    // Its own message comes back from the database too; it is not delivered a second time.
    await new Promise((r) => setTimeout(r, 200));
    expect(onA.got.sort()).toEqual(['answers', 'control']);
    expect(onB.got.sort()).toEqual(['answers', 'control']);
    onA.stop();
    onB.stop();
  });

  it('on PostgreSQL, listens again after its connection is cut and tells its subscribers to read their state again', async () => {
    if (!(b.bus instanceof PgBus)) {
      // The embedded database belongs to this process: there is no connection to lose.
      expect(b.owned).toBe(false);
      expect(b.bus).toBe(a.bus);
      return;
    }
    await started();
    const topic = `dialogue:${Math.random().toString(36).slice(2)}`;
    const onB = collect(b.bus, topic);
    const pid = b.bus.listenerPid;
    expect(pid).not.toBeNull();
    await databaseA.db.execute(sql`select pg_terminate_backend(${pid})`);
    await expect.poll(() => onB.got, { timeout: 5_000, interval: 10 }).toEqual([BUS_RESYNC]);
    a.bus.publish(topic, 'after');
    await expect.poll(() => onB.got, { timeout: 2_000, interval: 10 }).toEqual([BUS_RESYNC, 'after']);
    onB.stop();
  });
});
