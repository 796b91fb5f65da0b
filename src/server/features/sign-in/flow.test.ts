import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, externalIdentities } from '../../db/schema/index';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltPerson, type BuiltSchool } from '../../test/factories';
import { entraUser, startOidcProvider, uniloginUser, type OidcProviderHandle } from '../../test/oidc-provider';
import { TEST_SECRETS_KEY, registerProvider, sessionCookieOf, signInThrough } from './testing';

/** The flow against a real provider in both flavours: the happy path and each way the callback refuses. */
const { app, database } = await testApp({ config: { secretsKey: TEST_SECRETS_KEY } });
const db = database.db;
let school: BuiltSchool;
let admin: TestClient;
let teacher: BuiltPerson;
let student: BuiltPerson;
let entra: OidcProviderHandle;
let uni: OidcProviderHandle;
let entraId = '';
let uniId = '';

beforeAll(async () => {
  school = await buildSchool(db);
  admin = await signIn(app, (await buildPerson(db, school, { roles: ['school_admin'] })).email);
  teacher = await buildPerson(db, school, { roles: ['teacher'], email: 'laerer@skole.example' });
  student = await buildPerson(db, school, { roles: ['student'], email: 'elev@skole.example' });
  entra = await startOidcProvider({ flavour: 'entra', users: [entraUser({ oid: 'oid-teacher', email: teacher.email, name: 'Lærer' })] });
  uni = await startOidcProvider({ flavour: 'unilogin', users: [uniloginUser({ uniid: 'elev0001', email: student.email, group: 'Elev' })] });
  entraId = await registerProvider(admin, entra, { kind: 'entra', allowedTenants: ['9188040d-6c67-4c5b-b112-36a304b66dad'], emailMatching: true });
  uniId = await registerProvider(admin, uni, { kind: 'unilogin', emailMatching: true });
});
afterAll(async () => {
  await entra.close();
  await uni.close();
});

const auditOf = (action: string) =>
  db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.schoolId, school.id), eq(auditEvents.action, action)));

describe('the happy path', () => {
  it('Entra ID: links by e-mail, sets the cookie, /me works; the second sign-in reuses the link', async () => {
    entra.signInAs('oid-teacher');
    const { callback } = await signInThrough(app, entra, entraId, '?next=/strategi');
    expect(callback.statusCode).toBe(302);
    expect(callback.headers.location).toBe('/strategi');
    const cookie = sessionCookieOf(callback);
    expect(cookie).not.toBe('');
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().account.email).toBe(teacher.email);
    const [link] = await db.select().from(externalIdentities).where(eq(externalIdentities.personId, teacher.id));
    expect(link?.subject).toBe('9188040d-6c67-4c5b-b112-36a304b66dad:oid-teacher');
    expect((await auditOf('sign_in.linked')).filter((e) => e.resourceId === teacher.id)).toHaveLength(1);

    const again = await signInThrough(app, entra, entraId);
    expect(again.callback.headers.location).toBe('/');
    expect(sessionCookieOf(again.callback)).not.toBe('');
    expect((await auditOf('sign_in.linked')).filter((e) => e.resourceId === teacher.id)).toHaveLength(1);
    expect(await db.select().from(externalIdentities).where(eq(externalIdentities.personId, teacher.id))).toHaveLength(1);
  });

  it('UNI-Login: links by e-mail, the role group only suggests a role', async () => {
    const { callback } = await signInThrough(app, uni, uniId);
    expect(callback.headers.location).toBe('/');
    const cookie = sessionCookieOf(callback);
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.json().account.email).toBe(student.email);
    const [link] = await db.select().from(externalIdentities).where(eq(externalIdentities.personId, student.id));
    expect(link).toMatchObject({ subject: 'elev0001', suggestedRole: 'student' });
  });
});
