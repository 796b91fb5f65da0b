import { and, count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditEvents, externalIdentities, people, schools } from '../../db/schema/index';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltPerson, type BuiltSchool } from '../../test/factories';
import { ENTRA_TENANT, entraUser, startOidcProvider, uniloginUser, type OidcProviderHandle } from '../../test/oidc-provider';
import { TEST_SECRETS_KEY, registerProvider, sessionCookieOf, signInThrough } from './testing';

/** Every way the callback refuses: each answers 302 to the failure page, sets no cookie and is audited with its reason. */
const { app, database } = await testApp({ config: { secretsKey: TEST_SECRETS_KEY } });
const db = database.db;
let school: BuiltSchool;
let admin: TestClient;
let teacher: BuiltPerson;
let entra: OidcProviderHandle;
let uni: OidcProviderHandle;
let entraId = '';
let uniId = '';

beforeAll(async () => {
  school = await buildSchool(db);
  admin = await signIn(app, (await buildPerson(db, school, { roles: ['school_admin'] })).email);
  teacher = await buildPerson(db, school, { roles: ['teacher'] });
  entra = await startOidcProvider({
    flavour: 'entra',
    users: [
      entraUser({ oid: 'oid-1', email: teacher.email }),
      entraUser({ oid: 'oid-x', tid: 'ffffffff-0000-0000-0000-000000000000', email: teacher.email }),
    ],
  });
  uni = await startOidcProvider({ flavour: 'unilogin', users: [uniloginUser({ uniid: 'ukendt01', email: 'ingen@andetsted.example' })] });
  entraId = await registerProvider(admin, entra, { kind: 'entra', allowedTenants: [ENTRA_TENANT], emailMatching: true });
  uniId = await registerProvider(admin, uni, { kind: 'unilogin', emailMatching: true });
});
afterAll(async () => {
  await entra.close();
  await uni.close();
});

async function lastFailure(): Promise<unknown> {
  const [row] = await db
    .select({ changes: auditEvents.changes })
    .from(auditEvents)
    .where(and(eq(auditEvents.schoolId, school.id), eq(auditEvents.action, 'sign_in.failed')))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(1);
  return row?.changes;
}
const failureCount = async () =>
  (await db.select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.schoolId, school.id), eq(auditEvents.action, 'sign_in.failed'))))[0]?.n ?? 0;

/** Signs in as the Entra user with the next ID token changed, expecting the given refusal. */
async function refusedWith(reason: string, tamper: Parameters<OidcProviderHandle['tamperNextIdToken']>[0]) {
  entra.signInAs('oid-1');
  entra.tamperNextIdToken(tamper);
  const { callback } = await signInThrough(app, entra, entraId);
  expect(callback.statusCode).toBe(302);
  expect(callback.headers.location).toBe(`/log-ind/fejl?grund=${reason}`);
  expect(sessionCookieOf(callback)).toBe('');
  expect(await lastFailure()).toEqual({ reason });
}

describe('the ID token is validated', () => {
  it('a wrong nonce', () => refusedWith('nonce', { claims: (c) => ({ ...c, nonce: 'another-nonce' }) }));
  it('a wrong audience', () => refusedWith('audience', { claims: (c) => ({ ...c, aud: 'another-client' }) }));
  it('an expired token', () => {
    const now = Math.floor(Date.now() / 1000);
    return refusedWith('expired', { claims: (c) => ({ ...c, iat: now - 7200, exp: now - 3600 }) });
  });
  it('a token signed with a key the provider does not publish', () => refusedWith('signature', { wrongKey: true }));
  it('nothing was linked by the refused tokens', async () => {
    expect(await db.select().from(externalIdentities).where(eq(externalIdentities.personId, teacher.id))).toEqual([]);
  });
});

describe('state and code are used once', () => {
  it('a wrong state is refused without a flow to audit in', async () => {
    entra.signInAs('oid-1');
    const start = await app.inject({ method: 'GET', url: `/api/v1/auth/oidc/${entraId}/start` });
    const back = await entra.followToCallback(String(start.headers.location));
    back.searchParams.set('state', 'forged-state-value');
    const before = await failureCount();
    const res = await app.inject({ method: 'GET', url: `${back.pathname}${back.search}` });
    expect(res.headers.location).toBe('/log-ind/fejl?grund=state');
    expect(sessionCookieOf(res)).toBe('');
    expect(await failureCount()).toBe(before);
  });

  it('a replayed callback (state used) and a replayed code (in a new flow) are refused', async () => {
    entra.signInAs('oid-1');
    const first = await signInThrough(app, entra, entraId);
    expect(first.callback.headers.location).toBe('/');
    const replay = await app.inject({ method: 'GET', url: `${first.callbackUrl.pathname}${first.callbackUrl.search}` });
    expect(replay.headers.location).toBe('/log-ind/fejl?grund=state');
    expect(sessionCookieOf(replay)).toBe('');

    const start = await app.inject({ method: 'GET', url: `/api/v1/auth/oidc/${entraId}/start` });
    const back = await entra.followToCallback(String(start.headers.location));
    back.searchParams.set('code', first.callbackUrl.searchParams.get('code') ?? '');
    const res = await app.inject({ method: 'GET', url: `${back.pathname}${back.search}` });
    expect(res.headers.location).toBe('/log-ind/fejl?grund=exchange');
    expect(sessionCookieOf(res)).toBe('');
    expect(await lastFailure()).toEqual({ reason: 'exchange' });
  });

  it('an error from the provider', async () => {
    const start = await app.inject({ method: 'GET', url: `/api/v1/auth/oidc/${entraId}/start` });
    const state = new URL(String(start.headers.location)).searchParams.get('state') ?? '';
    const res = await app.inject({ method: 'GET', url: `/api/v1/auth/oidc/callback?error=access_denied&state=${state}` });
    expect(res.headers.location).toBe('/log-ind/fejl?grund=provider_error');
  });
});

describe('who may sign in', () => {
  it('a tenant not on the allow-list', async () => {
    entra.signInAs('oid-x');
    const { callback } = await signInThrough(app, entra, entraId);
    expect(callback.headers.location).toBe('/log-ind/fejl?grund=tenant');
    expect(await lastFailure()).toEqual({ reason: 'tenant' });
  });

  it('an unknown uniid goes to the unknown page with the school; no account or person is created', async () => {
    // Other test files share the database on PostgreSQL: count only this school's people and the identity's e-mail.
    const peopleBefore = await db.select({ n: count() }).from(people).where(eq(people.schoolId, school.id));
    const { callback } = await signInThrough(app, uni, uniId);
    expect(callback.headers.location).toBe(`/log-ind/ukendt?skole=${encodeURIComponent(school.name)}`);
    expect(sessionCookieOf(callback)).toBe('');
    expect(await lastFailure()).toEqual({ reason: 'unknown_identity' });
    expect(await db.select({ n: count() }).from(people).where(eq(people.schoolId, school.id))).toEqual(peopleBefore);
    expect(await db.select().from(accounts).where(eq(accounts.email, 'ingen@andetsted.example'))).toEqual([]);
    expect(await db.select().from(externalIdentities).where(eq(externalIdentities.subject, 'ukendt01'))).toEqual([]);
  });

  it('an inactive person, then an archived school, cannot sign in through a known link', async () => {
    entra.signInAs('oid-1');
    await db.update(people).set({ active: false }).where(eq(people.id, teacher.id));
    const inactive = await signInThrough(app, entra, entraId);
    expect(inactive.callback.headers.location).toBe('/log-ind/fejl?grund=inactive');
    await db.update(people).set({ active: true }).where(eq(people.id, teacher.id));

    await db.update(schools).set({ archivedAt: new Date() }).where(eq(schools.id, school.id));
    const start = await app.inject({ method: 'GET', url: `/api/v1/auth/oidc/${entraId}/start` });
    expect(start.headers.location).toBe('/log-ind/fejl?grund=inactive');
    const listed = await app.inject({ method: 'GET', url: '/api/v1/auth/providers' });
    expect((listed.json() as { providers: { id: string }[] }).providers.map((p) => p.id)).not.toContain(entraId);
    await db.update(schools).set({ archivedAt: null }).where(eq(schools.id, school.id));
  });
});
