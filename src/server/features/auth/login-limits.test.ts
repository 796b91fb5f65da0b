import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config';
import type { Executor } from '../../db/client';
import { loginAttempts } from '../../db/schema/index';
import type { App } from '../../platform/http';
import { testApp } from '../../test/app';
import { buildPerson, buildSchool, TEST_PASSWORD, type BuiltSchool } from '../../test/factories';
import { ACCOUNT_SLOW_STEP_MS, FIRST_WAIT_MS, LONGEST_WAIT_MS, pairWaitMs } from './login-limits';
import { authFeature } from './manifest';

const { app, database, config } = await testApp();
const db = database.db;
// The documented defaults (README, LOGIN_*); the tests are written against them, and a config test below holds them.
const limits = { failuresBeforeWait: 5, maxFailuresPerAccount: 20, maxFailuresPerAddress: 300, windowMs: 15 * 60_000 };

// Addresses of this run only (documentation prefix), so that a shared PostgreSQL test database holds no one else's failures for them.
const run = randomBytes(4).toString('hex');
let hosts = 0;
const address = () => `2001:db8:${run.slice(0, 4)}:${run.slice(4)}::${(++hosts).toString(16)}`;

type Attempt = { email: string; password: string; ip: string; headers?: Record<string, string> };
const attempt = (a: Attempt, target: App = app) =>
  target.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: a.email, password: a.password }, remoteAddress: a.ip, headers: a.headers });

const failuresOf = async (exec: Executor, where: { email?: string; ip?: string }) => {
  const rows = await exec
    .select({ id: loginAttempts.id })
    .from(loginAttempts)
    .where(and(where.email ? eq(loginAttempts.email, where.email) : undefined, where.ip ? eq(loginAttempts.ip, where.ip) : undefined));
  return rows.length;
};

/** Lets time pass for the sign-in limits: the recorded failures of an account move into the past. */
const letTimePass = (email: string, ms: number) =>
  db.execute(sql`update login_attempts set at = at - (${ms}::float8 * interval '1 millisecond') where email = ${email}`);

const retryAfter = (res: { headers: Record<string, unknown> }) => Number(res.headers['retry-after']);

let school: BuiltSchool;
beforeAll(async () => {
  school = await buildSchool(db);
});

describe('sign-in at 8 o’clock: a whole school behind one address', () => {
  it('lets 500 different people sign in from one address within a minute, typing errors included', { timeout: 600_000 }, async () => {
    const people: { email: string }[] = [];
    for (let i = 0; i < 500; i += 50) {
      people.push(...(await Promise.all(Array.from({ length: 50 }, () => buildPerson(db, school)))));
    }
    const schoolAddress = address();
    const statuses: number[] = [];
    let next = 0;
    // Ten at a time, and every tenth person mistypes once first: 50 failures from the address.
    const signInNext = async (): Promise<void> => {
      while (next < people.length) {
        const i = next++;
        const person = people[i] as { email: string };
        if (i % 10 === 0) expect((await attempt({ email: person.email, password: 'forkert-kode-1', ip: schoolAddress })).statusCode).toBe(401);
        statuses.push((await attempt({ email: person.email, password: TEST_PASSWORD, ip: schoolAddress })).statusCode);
      }
    };
    await Promise.all(Array.from({ length: 10 }, signInNext));
    expect(statuses).toHaveLength(500);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    // Every failure was someone's own typo, forgotten when that person got in.
    expect(await failuresOf(db, { ip: schoolAddress })).toBe(0);
  });
});

describe('guessing passwords', () => {
  it('stops a guessing run against one account from one address, with a wait that grows', async () => {
    const victim = await buildPerson(db, school);
    const attacker = address();
    for (let i = 0; i < limits.failuresBeforeWait; i++) {
      expect((await attempt({ email: victim.email, password: `gæt-${i}`, ip: attacker })).statusCode).toBe(401);
    }
    // The address must wait: even the right password is not checked from it now.
    const stopped = await attempt({ email: victim.email, password: TEST_PASSWORD, ip: attacker });
    expect(stopped.statusCode).toBe(429);
    expect(stopped.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(stopped.json().code).toBe('login_rate_limited');
    expect(stopped.json().title).toBe('For mange loginforsøg. Vent 1 minutter, og prøv igen.');
    expect(retryAfter(stopped)).toBeGreaterThan(FIRST_WAIT_MS / 1000 - 10);
    expect(retryAfter(stopped)).toBeLessThanOrEqual(FIRST_WAIT_MS / 1000);
    // After the wait, one more guess, and then twice as long a wait; then four times.
    for (const factor of [2, 4, 8]) {
      await letTimePass(victim.email, (FIRST_WAIT_MS * factor) / 2 + 1000);
      expect((await attempt({ email: victim.email, password: 'endnu-et-gæt', ip: attacker })).statusCode).toBe(401);
      const again = await attempt({ email: victim.email, password: 'endnu-et-gæt', ip: attacker });
      expect(again.statusCode).toBe(429);
      expect(retryAfter(again)).toBeGreaterThan((FIRST_WAIT_MS * factor) / 1000 - 10);
      expect(retryAfter(again)).toBeLessThanOrEqual((FIRST_WAIT_MS * factor) / 1000);
    }
    // Refused attempts were neither checked nor counted.
    expect(await failuresOf(db, { email: victim.email })).toBe(limits.failuresBeforeWait + 3);
    expect(pairWaitMs(limits.failuresBeforeWait + 30, limits)).toBe(LONGEST_WAIT_MS);
  });

  it('treats an unknown e-mail exactly like a wrong password, limit included', async () => {
    const known = await buildPerson(db, school);
    const unknown = `ingen-${run}@test.example`;
    const ip = address();
    const answers = async (email: string) => {
      const out: { status: number; body: unknown; retry: unknown }[] = [];
      for (let i = 0; i <= limits.failuresBeforeWait; i++) {
        const res = await attempt({ email, password: 'forkert-kode-123', ip });
        const { instance: _instance, ...body } = res.json() as Record<string, unknown>;
        out.push({ status: res.statusCode, body, retry: res.headers['retry-after'] === undefined ? undefined : 'set' });
      }
      return out;
    };
    const forKnown = await answers(known.email);
    expect(forKnown.at(-1)?.status).toBe(429);
    expect(await answers(unknown)).toEqual(forKnown);
  });

  it('lets the right password in from address B after a guessing run from address A', async () => {
    const colleague = await buildPerson(db, school);
    const a = address();
    for (let i = 0; i < limits.failuresBeforeWait * 2; i++) await attempt({ email: colleague.email, password: `gæt-${i}`, ip: a });
    expect((await attempt({ email: colleague.email, password: TEST_PASSWORD, ip: a })).statusCode).toBe(429);
    const fromB = await attempt({ email: colleague.email, password: TEST_PASSWORD, ip: address() });
    expect(fromB.statusCode).toBe(200);
    expect(fromB.json().me.person.id).toBe(colleague.id);
    // B getting in does not forgive A.
    expect((await attempt({ email: colleague.email, password: TEST_PASSWORD, ip: a })).statusCode).toBe(429);
  });

  it('slows an account guessed at from many addresses, and still lets the right password in from an address that has not been failing', async () => {
    const colleague = await buildPerson(db, school);
    const perAddress = limits.failuresBeforeWait - 1;
    const botnet = Array.from({ length: Math.ceil(limits.maxFailuresPerAccount / perAddress) }, address);
    for (const ip of botnet) {
      for (let i = 0; i < perAddress; i++) expect((await attempt({ email: colleague.email, password: `gæt-${i}`, ip })).statusCode).toBe(401);
    }
    // A failing address waits until the account is under its limit again, even with the right password.
    const failing = await attempt({ email: colleague.email, password: TEST_PASSWORD, ip: botnet[0] ?? '' });
    expect(failing.statusCode).toBe(429);
    expect(retryAfter(failing)).toBeGreaterThan(ACCOUNT_SLOW_STEP_MS / 1000);
    // A clean address is slowed (one check per step for the whole account), not locked out.
    const clean = address();
    const slowed = await attempt({ email: colleague.email, password: TEST_PASSWORD, ip: clean });
    expect(slowed.statusCode).toBe(429);
    expect(retryAfter(slowed)).toBeLessThanOrEqual(ACCOUNT_SLOW_STEP_MS / 1000);
    await letTimePass(colleague.email, ACCOUNT_SLOW_STEP_MS + 1000);
    expect((await attempt({ email: colleague.email, password: TEST_PASSWORD, ip: clean })).statusCode).toBe(200);
    // New addresses guessing get one check per step between them.
    expect((await attempt({ email: colleague.email, password: 'gæt', ip: address() })).statusCode).toBe(401);
    expect((await attempt({ email: colleague.email, password: 'gæt', ip: address() })).statusCode).toBe(429);
  });
});

describe('the count is atomic', () => {
  it('counts 20 concurrent wrong guesses and lets at most the limit reach the password check', async () => {
    const victim = await buildPerson(db, school);
    const ip = address();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt({ email: victim.email, password: `gæt-${i}`, ip })));
    const statuses = answers.map((r) => r.statusCode).sort();
    // A 401 comes only from a checked password; a 429 was refused before the check.
    expect(statuses).toEqual([...Array<number>(limits.failuresBeforeWait).fill(401), ...Array<number>(20 - limits.failuresBeforeWait).fill(429)]);
    expect(await failuresOf(db, { email: victim.email })).toBe(limits.failuresBeforeWait);
  });

  it('holds the per-account limit for concurrent guesses from as many addresses', async () => {
    const victim = await buildPerson(db, school);
    const n = limits.maxFailuresPerAccount + 10;
    const answers = await Promise.all(Array.from({ length: n }, () => attempt({ email: victim.email, password: 'gæt', ip: address() })));
    expect(answers.filter((r) => r.statusCode === 401)).toHaveLength(limits.maxFailuresPerAccount);
    expect(answers.filter((r) => r.statusCode === 429)).toHaveLength(10);
  });
});

describe('the per-address ceiling', () => {
  it('counts only failures, and refuses an address past it for every account', { timeout: 300_000 }, async () => {
    const staff = await Promise.all(Array.from({ length: 40 }, () => buildPerson(db, school)));
    const ip = address();
    // Successes from the address count for nothing.
    for (const p of staff) expect((await attempt({ email: p.email, password: TEST_PASSWORD, ip })).statusCode).toBe(200);
    let next = 0;
    const statuses: number[] = [];
    const guessNext = async (): Promise<void> => {
      while (next < limits.maxFailuresPerAddress) statuses.push((await attempt({ email: `ukendt-${run}-${next++}@test.example`, password: 'gæt', ip })).statusCode);
    };
    await Promise.all(Array.from({ length: 8 }, guessNext));
    expect(statuses.filter((s) => s !== 401)).toEqual([]);
    const refused = await attempt({ email: staff[0]?.email ?? '', password: TEST_PASSWORD, ip });
    expect(refused.statusCode).toBe(429);
    expect(retryAfter(refused)).toBeGreaterThan(limits.windowMs / 1000 - 120);
    expect((await attempt({ email: staff[0]?.email ?? '', password: TEST_PASSWORD, ip: address() })).statusCode).toBe(200);
  });
});

describe('who the client is', () => {
  it('ignores X-Forwarded-For from a peer that is not a configured proxy', async () => {
    const proxy = '192.0.2.10';
    const viaProxy = await testApp({ config: { trustedProxies: [proxy] } });
    const proxied = viaProxy.database.db;
    const colleague = await buildPerson(proxied, await buildSchool(proxied));
    const [x, y, z] = [address(), address(), address()];
    for (let i = 0; i < limits.failuresBeforeWait; i++) {
      const r = await attempt({ email: colleague.email, password: `gæt-${i}`, ip: proxy, headers: { 'x-forwarded-for': x } }, viaProxy.app);
      expect(r.statusCode).toBe(401);
    }
    expect(await failuresOf(proxied, { ip: x })).toBe(limits.failuresBeforeWait);
    // Through the proxy, another client is another address.
    expect((await attempt({ email: colleague.email, password: TEST_PASSWORD, ip: proxy, headers: { 'x-forwarded-for': y } }, viaProxy.app)).statusCode).toBe(200);
    // A peer that is not the proxy cannot choose its address: its failures are its own, whatever it claims.
    const stranger = address();
    for (let i = 0; i < limits.failuresBeforeWait; i++) {
      await attempt({ email: colleague.email, password: `gæt-${i}`, ip: stranger, headers: { 'x-forwarded-for': y } }, viaProxy.app);
    }
    expect(await failuresOf(proxied, { ip: stranger })).toBe(limits.failuresBeforeWait);
    expect(await failuresOf(proxied, { ip: y })).toBe(0);
    const posing = await attempt({ email: colleague.email, password: TEST_PASSWORD, ip: stranger, headers: { 'x-forwarded-for': z } }, viaProxy.app);
    expect(posing.statusCode).toBe(429);
    expect((await attempt({ email: colleague.email, password: TEST_PASSWORD, ip: proxy, headers: { 'x-forwarded-for': y } }, viaProxy.app)).statusCode).toBe(200);
    // With no proxies configured (the default), the header is never believed.
    expect(config.trustedProxies).toEqual([]);
    const peer = address();
    await attempt({ email: colleague.email, password: 'gæt', ip: peer, headers: { 'x-forwarded-for': z } });
    expect(await failuresOf(db, { email: colleague.email, ip: peer })).toBe(1);
    expect(await failuresOf(db, { ip: z })).toBe(0);
  });

  it('reads TRUSTED_PROXIES as addresses and ranges, and refuses the settings it replaced', () => {
    expect(config.login).toEqual(limits);
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.1, 172.16.0.0/12,loopback, 2001:db8::/32' }).trustedProxies).toEqual([
      '10.0.0.1',
      '172.16.0.0/12',
      'loopback',
      '2001:db8::/32',
    ]);
    expect(() => loadConfig({ TRUSTED_PROXIES: 'proxy.example' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUSTED_PROXIES/);
    expect(() => loadConfig({ LOGIN_MAX_ATTEMPTS_PER_IP: '30' })).toThrow(/LOGIN_MAX_FAILURES_PER_ADDRESS/);
  });
});

describe('old failures', () => {
  it('are forgotten by the background job once no rule looks at them', async () => {
    const person = await buildPerson(db, school);
    const ip = address();
    await attempt({ email: person.email, password: 'gæt-1', ip });
    await attempt({ email: person.email, password: 'gæt-2', ip });
    await db.execute(sql`update login_attempts set at = now() - interval '25 hours' where id = (select id from login_attempts where email = ${person.email} limit 1)`);
    const job = authFeature.jobs?.(app.deps).find((j) => j.name === 'forget-old-sign-in-failures');
    expect(await job?.run(new Date())).toEqual({ forgotten: 1 });
    expect(await failuresOf(db, { email: person.email })).toBe(1);
  });
});
