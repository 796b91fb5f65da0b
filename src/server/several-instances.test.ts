import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { loadConfig } from './config';
import type { Database } from './db/client';
import { issueToken } from './features/auth/api';
import { createMailer } from './platform/mail';
import type { App } from './platform/http';
import { CACHE_TTL_MS } from './platform/session-cache';
import { hashSecret } from './platform/tokens';
import { signIn, type TestClient } from './test/client';
import { testConfig, testDatabase } from './test/database';
import { buildPerson, buildSchool } from './test/factories';

/*
 * Two app instances on one database, as behind a load balancer. In the PostgreSQL run
 * (TEST_DATABASE_URL, as in CI) each instance has a pool of its own and hears the other's session
 * changes only through the database (LISTEN/NOTIFY); on the embedded database both share the one
 * process's database and its in-process path.
 */
const onPostgres = loadConfig().testDatabaseUrl !== undefined;
/** "At once": far below the cache's time to live, with room for a busy machine. */
const AT_ONCE_MS = 2_000;

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
afterAll(async () => {
  await a.close();
  await b.close();
  await databaseA.close();
  if (databaseB !== databaseA) await databaseB.close();
});
const db = databaseA.db;

const tokenOf = (client: TestClient) => /retning_session=([^;]+)/.exec(client.cookie)?.[1] ?? '';
const me = (app: App, client: TestClient) => app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: client.cookie } });

/** Asks B with the session once now and is sure it is B's cache, not the database, that would answer next time. */
async function cachedOnB(client: TestClient): Promise<void> {
  expect((await me(b, client)).statusCode).toBe(200);
  expect(b.sessionCache.get(hashSecret(tokenOf(client)))).not.toBeNull();
}

/** How long until B refuses the session (fails after AT_ONCE_MS). */
async function refusedOnB(client: TestClient): Promise<number> {
  const started = Date.now();
  for (;;) {
    const res = await me(b, client);
    if (res.statusCode === 401) return Date.now() - started;
    expect(res.statusCode).toBe(200);
    if (Date.now() - started > AT_ONCE_MS) throw new Error(`instance B still serves the session after ${AT_ONCE_MS} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('several app instances on one database', () => {
  const setUp = async () => {
    const school = await buildSchool(db);
    const admin = await buildPerson(db, school, { roles: ['school_admin'] });
    const teacher = await buildPerson(db, school, { roles: ['teacher', 'it_ambassador'] });
    return { school, admin: await signIn(a, admin.email), teacher, teacherOnA: await signIn(a, teacher.email) };
  };

  it('listens for session changes before it caches any session', () => {
    expect(a.sessionEvents.listening).toBe(true);
    expect(b.sessionEvents.listening).toBe(true);
    expect(b.sessionCache.enabled).toBe(true);
  });

  it('a session signed out on A is refused on B at once', async () => {
    const { teacherOnA } = await setUp();
    await cachedOnB(teacherOnA);
    expect((await teacherOnA.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect(await refusedOnB(teacherOnA)).toBeLessThan(CACHE_TTL_MS);
    expect((await me(a, teacherOnA)).statusCode).toBe(401);
  });

  it('a session ended from "my sessions" on A is refused on B at once', async () => {
    const { teacher } = await setUp();
    const laptop = await signIn(a, teacher.email);
    const phone = await signIn(a, teacher.email);
    await cachedOnB(phone);
    const sessions = (await laptop.get('/api/v1/me/sessions')).json() as { id: string; current: boolean }[];
    const other = sessions.find((s) => !s.current);
    expect(other).toBeDefined();
    expect((await laptop.delete(`/api/v1/me/sessions/${other?.id}`)).statusCode).toBe(204);
    await refusedOnB(phone);
    expect((await me(b, laptop)).statusCode).toBe(200);
  });

  it('a person deactivated on A is refused on B at once', async () => {
    const { admin, teacher, teacherOnA } = await setUp();
    await cachedOnB(teacherOnA);
    expect((await admin.patch(`/api/v1/people/${teacher.id}`, { active: false })).statusCode).toBe(200);
    await refusedOnB(teacherOnA);
  });

  it('roles changed on A are what B serves at once', async () => {
    const { admin, teacher, teacherOnA } = await setUp();
    await cachedOnB(teacherOnA);
    expect((await me(b, teacherOnA)).json().roles).toEqual(['it_ambassador', 'teacher']);
    expect((await admin.put(`/api/v1/people/${teacher.id}/roles`, { roles: ['teacher'] })).statusCode).toBe(200);
    const started = Date.now();
    await expect.poll(async () => (await me(b, teacherOnA)).json().roles, { timeout: AT_ONCE_MS, interval: 10 }).toEqual(['teacher']);
    expect(Date.now() - started).toBeLessThan(AT_ONCE_MS);
  });

  it('a password reset through a link on A ends the sessions B serves at once', async () => {
    const { teacher, teacherOnA } = await setUp();
    await cachedOnB(teacherOnA);
    const link = await issueToken(db, { kind: 'reset', accountId: teacher.accountId ?? '', schoolId: null, createdBy: null });
    const res = await a.inject({ method: 'POST', url: `/api/v1/auth/tokens/${link}`, payload: { password: 'et-helt-nyt-kodeord-1' } });
    expect(res.statusCode).toBe(204);
    await refusedOnB(teacherOnA);
  });

  it('the instance that makes a change applies it before it answers, without waiting to hear it', async () => {
    const c = await instance(databaseA);
    try {
      // C hears nothing from the database or the process: only its own requests can tell its cache.
      await c.sessionEvents.stop();
      c.sessionCache.enable();
      const { admin, teacher } = await setUp();
      const adminOnC = await signIn(c, (await me(a, admin)).json().account.email);
      const teacherOnC = await signIn(c, teacher.email);
      const phone = await signIn(c, teacher.email);
      for (const client of [teacherOnC, phone]) {
        expect((await me(c, client)).statusCode).toBe(200);
        expect(c.sessionCache.get(hashSecret(tokenOf(client)))).not.toBeNull();
      }
      expect((await teacherOnC.post('/api/v1/auth/logout')).statusCode).toBe(200);
      expect((await me(c, teacherOnC)).statusCode).toBe(401);
      const patch = await c.inject({
        method: 'PATCH',
        url: `/api/v1/people/${teacher.id}`,
        headers: { cookie: adminOnC.cookie, 'x-csrf-token': adminOnC.csrfToken },
        payload: { active: false },
      });
      expect(patch.statusCode).toBe(200);
      expect((await me(c, phone)).statusCode).toBe(401);
    } finally {
      await c.close();
    }
  });

  it('on PostgreSQL, stops caching while its listening connection is down and listens again', async () => {
    if (!onPostgres) {
      // The embedded database belongs to this process: there is no connection to lose.
      expect(b.sessionEvents.listenerPid).toBeNull();
      expect(b.sessionEvents.listening).toBe(true);
      return;
    }
    const { teacherOnA } = await setUp();
    await cachedOnB(teacherOnA);
    const pid = b.sessionEvents.listenerPid;
    expect(pid).not.toBeNull();
    await databaseA.db.execute(sql`select pg_terminate_backend(${pid})`);
    await expect.poll(() => b.sessionCache.enabled, { timeout: AT_ONCE_MS, interval: 5 }).toBe(false);
    // Not listening: every request asks the database, so a change is seen even though B cannot hear it.
    expect(b.sessionCache.get(hashSecret(tokenOf(teacherOnA)))).toBeNull();
    expect((await me(b, teacherOnA)).statusCode).toBe(200);
    await expect.poll(() => b.sessionEvents.listening, { timeout: 15_000, interval: 50 }).toBe(true);
    expect(b.sessionEvents.listenerPid).not.toBe(pid);
    await cachedOnB(teacherOnA);
    expect((await teacherOnA.post('/api/v1/auth/logout')).statusCode).toBe(200);
    await refusedOnB(teacherOnA);
  });
});
