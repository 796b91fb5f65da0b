import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountTokens, auditEvents, externalIdentities, people, personRoles } from '../../db/schema/index';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltPerson, type BuiltSchool } from '../../test/factories';
import { startOidcProvider, uniloginUser, type OidcProviderHandle } from '../../test/oidc-provider';
import { TEST_SECRETS_KEY, registerProvider, sessionCookieOf, signInThrough } from './testing';

/** Linking (invitation, e-mail matching on and off), the suggested role, unlinking, the person's export and erasure, sign-out. */
const { app, database } = await testApp({ config: { secretsKey: TEST_SECRETS_KEY } });
const db = database.db;
let school: BuiltSchool;
let admin: TestClient;
let idp: OidcProviderHandle;
let matching = '';
let strict = '';

beforeAll(async () => {
  school = await buildSchool(db);
  admin = await signIn(app, (await buildPerson(db, school, { roles: ['school_admin'] })).email);
  idp = await startOidcProvider({ flavour: 'unilogin' });
  matching = await registerProvider(admin, idp, { kind: 'unilogin', label: 'UNI-Login', emailMatching: true });
  strict = await registerProvider(admin, idp, { kind: 'unilogin', label: 'UNI-Login uden e-mail', emailMatching: false });
});
afterAll(() => idp.close());

const linksOf = (personId: string) => db.select().from(externalIdentities).where(eq(externalIdentities.personId, personId));
const as = (uniid: string, email: string, group = 'Elev') => idp.signInAs(uniloginUser({ uniid, email, group }));

describe('e-mail matching', () => {
  it('off: a person with the same e-mail is not linked', async () => {
    const p = await buildPerson(db, school, { roles: ['student'] });
    as('strict01', p.email);
    const { callback } = await signInThrough(app, idp, strict);
    expect(callback.headers.location).toMatch(/^\/log-ind\/ukendt\?skole=/);
    expect(await linksOf(p.id)).toEqual([]);
  });

  it('on: an unverified e-mail does not link; a verified one does', async () => {
    const p = await buildPerson(db, school, { roles: ['student'] });
    idp.signInAs({ id: 'unver01', claims: { uniid: 'unver01', email: p.email, email_verified: false, aktoer_gruppe: 'Elev' } });
    expect((await signInThrough(app, idp, matching)).callback.headers.location).toMatch(/^\/log-ind\/ukendt/);
    as('verif01', p.email.toUpperCase());
    const { callback } = await signInThrough(app, idp, matching);
    expect(callback.headers.location).toBe('/');
    expect((await linksOf(p.id)).map((l) => l.subject)).toEqual(['verif01']);
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'sign_in.linked'), eq(auditEvents.resourceId, p.id)));
    expect(event?.changes).toEqual({ provider: 'UNI-Login', how: 'email' });
  });
});

describe('an invitation', () => {
  it('links the invited person whatever the e-mail, uses the invitation, and the next start with it is refused', async () => {
    const p = await buildPerson(db, school, { roles: ['teacher'], account: false });
    const invited = await admin.post(`/api/v1/people/${p.id}/invitation`);
    expect(invited.statusCode, invited.body).toBe(200);
    const token = String(invited.json().link).split('/').pop() ?? '';
    as('invit01', 'privat@andet.example', 'Lærer');
    const { callback } = await signInThrough(app, idp, strict, `?invitation=${token}`);
    expect(callback.headers.location).toBe('/');
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: sessionCookieOf(callback) } });
    expect(me.json().account.email).toBe(p.email);
    expect(await linksOf(p.id)).toEqual([expect.objectContaining({ subject: 'invit01', suggestedRole: 'staff' })]);
    // this person's invitations only: on PostgreSQL other test files share the database
    const [row] = await db.select({ accountId: people.accountId }).from(people).where(and(eq(people.schoolId, school.id), eq(people.id, p.id)));
    const tokens = await db.select().from(accountTokens).where(and(eq(accountTokens.kind, 'invite'), eq(accountTokens.accountId, row?.accountId ?? '')));
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.every((t) => t.usedAt !== null)).toBe(true);
    const again = await app.inject({ method: 'GET', url: `/api/v1/auth/oidc/${strict}/start?invitation=${token}` });
    expect(again.headers.location).toBe('/log-ind/fejl?grund=invitation');
  });
});

describe('the role group suggests, never grants', () => {
  it('a student whose UNI-Login says Leder keeps his roles; the link suggests staff; the administrator sees it', async () => {
    const p = await buildPerson(db, school, { roles: ['student'] });
    as('leder01', p.email, 'Leder');
    expect((await signInThrough(app, idp, matching)).callback.headers.location).toBe('/');
    const roles = await db.select({ role: personRoles.role }).from(personRoles).where(eq(personRoles.personId, p.id));
    expect(roles.map((r) => r.role)).toEqual(['student']);
    const seen = await admin.get(`/api/v1/people/${p.id}/identities`);
    expect(seen.json().identities).toEqual([expect.objectContaining({ providerLabel: 'UNI-Login', providerKind: 'unilogin', suggestedRole: 'staff' })]);
  });
});

describe('unlinking, personal data, sign-out', () => {
  let person: BuiltPerson;
  let cookie = '';
  beforeAll(async () => {
    person = await buildPerson(db, school, { roles: ['teacher'] });
    as('data0001', person.email, 'Lærer');
    cookie = sessionCookieOf((await signInThrough(app, idp, matching)).callback);
  });

  it("the link is in the person's export", async () => {
    const res = await admin.get(`/api/v1/people/${person.id}/data`);
    expect(res.json().modules['sign-in'].identities).toEqual([expect.objectContaining({ provider: 'UNI-Login', subject: 'data0001', suggestedRole: 'staff' })]);
  });

  it('sign-out answers the provider’s end-session link for a provider session, null for a password one', async () => {
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    const csrf = me.json().csrfToken as string | undefined;
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, 'x-csrf-token': csrf ?? '' } });
    expect(out.statusCode, out.body).toBe(200);
    const url = new URL(out.json().endSessionUrl);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('client_id')).toBe(idp.clientId);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe('http://localhost/log-ind');
    const password = await signIn(app, person.email);
    expect((await password.post('/api/v1/auth/logout')).json()).toEqual({ endSessionUrl: null, providerLabel: null });
  });

  it('the person unlinks their own; the administrator unlinks another; both audited', async () => {
    const self = await signIn(app, person.email);
    const [mine] = (await self.get('/api/v1/me/identities')).json().identities as { id: string }[];
    expect(mine).toBeDefined();
    expect((await self.delete(`/api/v1/me/identities/${mine?.id}`)).statusCode).toBe(204);
    expect(await linksOf(person.id)).toEqual([]);

    as('data0001', person.email, 'Lærer');
    await signInThrough(app, idp, matching);
    const [link] = await linksOf(person.id);
    expect((await admin.delete(`/api/v1/people/${person.id}/identities/${link?.id}`)).statusCode).toBe(204);
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'sign_in.unlinked'), eq(auditEvents.resourceId, person.id)));
    expect(events).toHaveLength(2);
  });

  it('erasing the person deletes the links', async () => {
    as('data0001', person.email, 'Lærer');
    await signInThrough(app, idp, matching);
    expect(await linksOf(person.id)).toHaveLength(1);
    const erased = await admin.post(`/api/v1/people/${person.id}/erase`, { confirm: person.name });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(await linksOf(person.id)).toEqual([]);
  });
});
