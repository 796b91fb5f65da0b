import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { signInFlows, signInProviders } from '../../db/schema/index';
import { createMailer } from '../../platform/mail';
import { signIn, type TestClient } from '../../test/client';
import { testConfig, testDatabase } from '../../test/database';
import { buildPerson, buildSchool, type BuiltSchool } from '../../test/factories';
import { ENTRA_TENANT, entraUser, startOidcProvider, type OidcProviderHandle } from '../../test/oidc-provider';
import { TEST_SECRETS_KEY, registerProvider, signInThrough } from './testing';

/**
 * The administrator's provider routes: discovery on save (422 naming `issuer`, nothing saved), the
 * Entra tenant rule, cross-school 404, and the client secret never in an answer, the school's
 * export, the audit log or the server log (read from the app's own log stream).
 */
const log = new PassThrough();
const logged: string[] = [];
log.on('data', (chunk: Buffer) => logged.push(chunk.toString('utf8')));
const database = await testDatabase();
const app = await buildApp({ config: testConfig({ secretsKey: TEST_SECRETS_KEY }), database, mailer: createMailer(undefined, 'test@retning'), logStream: log });
await app.ready();

const SECRET = 'meget-hemmelig-klientnoegle-1234';
let school: BuiltSchool;
let other: BuiltSchool;
let admin: TestClient;
let otherAdmin: TestClient;
let idp: OidcProviderHandle;
let notOidc: Server;
let notOidcUrl = '';
let providerId = '';

beforeAll(async () => {
  school = await buildSchool(database.db);
  other = await buildSchool(database.db);
  admin = await signIn(app, (await buildPerson(database.db, school, { roles: ['school_admin'] })).email);
  otherAdmin = await signIn(app, (await buildPerson(database.db, other, { roles: ['school_admin'] })).email);
  const teacher = await buildPerson(database.db, school, { roles: ['teacher'] });
  idp = await startOidcProvider({ flavour: 'entra', clientSecret: SECRET, users: [entraUser({ oid: 'oid-admin-test', email: teacher.email })] });
  // answers every request with a web page: reachable, but no OpenID provider
  notOidc = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Velkommen</h1>'));
  await new Promise<void>((resolve) => notOidc.listen(0, '127.0.0.1', resolve));
  notOidcUrl = `http://127.0.0.1:${(notOidc.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await idp.close();
  notOidc.close();
  await app.close();
  await database.close();
});

const countProviders = async (schoolId: string) => (await database.db.select().from(signInProviders).where(eq(signInProviders.schoolId, schoolId))).length;
const base = () => ({
  kind: 'entra',
  label: 'Skolens Microsoft-konto',
  issuer: idp.issuer,
  clientId: idp.clientId,
  clientSecret: SECRET,
  allowedTenants: [ENTRA_TENANT],
});

describe('saving checks the issuer', () => {
  it.each([
    ['not reachable', () => 'http://127.0.0.1:9', 'validation.issuer_unreachable'],
    ['not OpenID', () => notOidcUrl, 'validation.issuer_not_oidc'],
    ['not https', () => 'http://skole.example', 'validation.issuer_not_allowed'],
  ])('an issuer %s is 422 naming issuer, and nothing is saved', async (_name, issuer, key) => {
    const before = await countProviders(school.id);
    const res = await admin.post('/api/v1/sign-in-providers', { ...base(), issuer: issuer() });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'issuer', code: key.replace('validation.', '') })]);
    expect(await countProviders(school.id)).toBe(before);
  });

  it('Entra ID needs an allowed tenant', async () => {
    const res = await admin.post('/api/v1/sign-in-providers', { ...base(), allowedTenants: [] });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('allowedTenants');
  });

  it('a link is never keyed on an e-mail or user name, and Entra ID always on tid and oid (422 naming claims.subject, nothing saved)', async () => {
    const before = await countProviders(school.id);
    for (const body of [
      { ...base(), claims: { subject: 'oid' } },
      { ...base(), kind: 'unilogin', allowedTenants: [], claims: { subject: 'email' } },
      { ...base(), kind: 'oidc', allowedTenants: [], claims: { subject: 'Preferred_Username' } },
    ]) {
      const res = await admin.post('/api/v1/sign-in-providers', body);
      expect(res.statusCode, JSON.stringify(body.claims)).toBe(422);
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'claims.subject', code: 'subject_unstable' })]);
    }
    expect(await countProviders(school.id)).toBe(before);
  });

  it('a reachable OpenID provider is saved; the answer says a secret is set and never shows it', async () => {
    const res = await admin.post('/api/v1/sign-in-providers', base());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ secretSet: true, kind: 'entra', issuer: idp.issuer, linkCount: 0 });
    expect(res.body).not.toContain(SECRET);
    providerId = res.json().id;
    const [row] = await database.db.select().from(signInProviders).where(eq(signInProviders.id, providerId));
    expect(row?.clientSecretEnc).toMatch(/^v1:/);
    expect(row?.clientSecretEnc).not.toContain(SECRET);
  });
});

describe('the secret never leaves the server', () => {
  it('a changed secret works for the next sign-in and is in no answer, no export, no audit entry, no log line', async () => {
    const patched = await admin.patch(`/api/v1/sign-in-providers/${providerId}`, { clientSecret: SECRET, label: 'Microsoft' });
    expect(patched.statusCode).toBe(200);
    idp.signInAs('oid-admin-test');
    const { callback } = await signInThrough(app, idp, providerId);
    // the exchange worked with the new secret; nobody at the school has this identity yet
    expect(callback.headers.location).toBe(`/log-ind/ukendt?skole=${encodeURIComponent(school.name)}`);

    const list = await admin.get('/api/v1/sign-in-providers');
    const auditLog = await admin.get('/api/v1/audit?pageSize=200');
    const exported = await admin.get('/api/v1/school/export');
    expect(exported.statusCode).toBe(200);
    const archive = gunzipSync(exported.rawPayload).toString('latin1');
    const [row] = await database.db.select().from(signInProviders).where(eq(signInProviders.id, providerId));
    for (const text of [list.body, auditLog.body, archive, logged.join('')]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(row?.clientSecretEnc ?? 'x');
    }
    expect(auditLog.body).toContain('sign_in_provider.updated');
    expect(auditLog.body).toContain('[skjult]');
    expect(logged.join('')).toContain('sign-in through a provider refused');
  });
});

describe('other schools and the public list', () => {
  it("another school's provider is 404 alike for reading, changing and deleting", async () => {
    expect((await otherAdmin.patch(`/api/v1/sign-in-providers/${providerId}`, { label: 'Hacket' })).statusCode).toBe(404);
    expect((await otherAdmin.delete(`/api/v1/sign-in-providers/${providerId}`)).statusCode).toBe(404);
    expect(((await otherAdmin.get('/api/v1/sign-in-providers')).json() as { providers: unknown[] }).providers).toEqual([]);
    expect(await countProviders(school.id)).toBe(1);
  });

  it('the public list shows active providers with their school; an inactive one is neither listed nor started', async () => {
    const listed = await app.inject({ method: 'GET', url: '/api/v1/auth/providers' });
    expect(listed.json().providers).toContainEqual({ id: providerId, kind: 'entra', label: 'Microsoft', schoolId: school.id, schoolName: school.name });
    expect(listed.body).not.toContain(SECRET);
    await admin.patch(`/api/v1/sign-in-providers/${providerId}`, { active: false });
    const after = await app.inject({ method: 'GET', url: '/api/v1/auth/providers' });
    expect(after.json().providers.map((p: { id: string }) => p.id)).not.toContain(providerId);
    const start = await app.inject({ method: 'GET', url: `/api/v1/auth/oidc/${providerId}/start` });
    expect(start.headers.location).toBe('/log-ind/fejl?grund=inactive');
    await admin.patch(`/api/v1/sign-in-providers/${providerId}`, { active: true });
  });

  it('start refuses a next that leaves the app and an unknown provider', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/oidc/00000000-0000-0000-0000-000000000000/start' })).statusCode).toBe(404);
    const start = await app.inject({ method: 'GET', url: `/api/v1/auth/oidc/${providerId}/start?next=//evil.example/x` });
    expect(start.statusCode).toBe(302);
    const flows = await database.db.select().from(signInFlows).where(eq(signInFlows.providerId, providerId));
    expect(flows.map((f) => f.next)).not.toContain('//evil.example/x');
  });

  it('deleting removes the provider and answers 204', async () => {
    const id = await registerProvider(admin, idp, { kind: 'entra', allowedTenants: [ENTRA_TENANT], label: 'Til sletning' });
    expect((await admin.delete(`/api/v1/sign-in-providers/${id}`)).statusCode).toBe(204);
    expect(await countProviders(school.id)).toBe(1);
  });
});
