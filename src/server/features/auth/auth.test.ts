import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../db/schema/index';
import { testApp } from '../../test/app';
import { nextIp, signIn } from '../../test/client';
import { buildPerson, buildSchool, TEST_PASSWORD, type BuiltPerson } from '../../test/factories';

const { app, database, config } = await testApp({ config: { sessionIdleMs: 30 * 60_000 } });
const db = database.db;

describe('sign-in and sessions', () => {
  let teacher: BuiltPerson;
  beforeAll(async () => {
    const school = await buildSchool(db);
    teacher = await buildPerson(db, school, { roles: ['teacher'] });
  });

  it('signs in with JSON, sets an HttpOnly SameSite=Lax cookie and returns a CSRF token and the person', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: teacher.email.toUpperCase(), password: TEST_PASSWORD }, remoteAddress: nextIp() });
    expect(res.statusCode).toBe(200);
    const cookie = res.headers['set-cookie'] as string;
    expect(cookie).toMatch(/retning_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const body = res.json();
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    expect(body.me.person.id).toBe(teacher.id);
    expect(body.me.roles).toEqual(['teacher']);
  });

  it('marks the cookie Secure when served over https through a trusted proxy, and ignores the header otherwise', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: teacher.email, password: TEST_PASSWORD },
      remoteAddress: nextIp(),
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['set-cookie']).not.toMatch(/Secure/);
    const proxied = await testApp({ config: { trustedProxies: ['10.0.0.0/8'] } });
    const school = await buildSchool(proxied.database.db);
    const person = await buildPerson(proxied.database.db, school, { roles: ['teacher'] });
    const viaProxy = await proxied.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: person.email, password: TEST_PASSWORD },
      remoteAddress: nextIp(),
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(viaProxy.statusCode).toBe(200);
    expect(viaProxy.headers['set-cookie']).toMatch(/Secure/);
  });

  it('gives the same 401 problem for a wrong password and an unknown e-mail', async () => {
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: teacher.email, password: 'forkert-kode-123' }, remoteAddress: nextIp() });
    const unknown = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'ingen@test.example', password: 'forkert-kode-123' }, remoteAddress: nextIp() });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
    const { instance: _a, ...w } = wrong.json();
    const { instance: _b, ...u } = unknown.json();
    expect(w).toEqual(u);
    expect(w.title).toBe('Forkert e-mail eller adgangskode');
    expect(w.code).toBe('invalid_credentials');
  });

  it('answers in English when asked', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'ingen@test.example', password: 'x' },
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
      remoteAddress: nextIp(),
    });
    expect(res.json().title).toBe('Wrong e-mail or password');
  });

  it('refuses a deactivated person and an account without membership', async () => {
    const school = await buildSchool(db);
    const gone = await buildPerson(db, school, { roles: ['teacher'], active: false });
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: gone.email, password: TEST_PASSWORD }, remoteAddress: nextIp() });
    expect(res.statusCode).toBe(401);
  });

  it('returns the person, school, roles and abilities from /me', async () => {
    const client = await signIn(app, teacher.email);
    const me = (await client.get('/api/v1/me')).json();
    expect(me.person.name).toBe(teacher.name);
    expect(me.school.id).toBe(teacher.schoolId);
    expect(me.abilities).toContain('school:read');
    expect(me.abilities).not.toContain('people:list');
  });

  it('requires a session for API routes', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
  });

  it('refuses unsafe requests without the CSRF token, and from a foreign origin', async () => {
    const client = await signIn(app, teacher.email);
    const noCsrf = await app.inject({ method: 'PATCH', url: '/api/v1/me', payload: { locale: 'en' }, headers: { cookie: client.cookie } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('csrf_failed');
    const foreign = await app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      payload: { locale: 'en' },
      headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, origin: 'https://evil.example' },
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('foreign_origin');
    const crossLogin = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: teacher.email, password: TEST_PASSWORD },
      headers: { origin: 'https://evil.example' },
    });
    expect(crossLogin.statusCode).toBe(403);
    const ok = await client.patch('/api/v1/me', { locale: 'en' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().account.locale).toBe('en');
    await client.patch('/api/v1/me', { locale: 'da' });
  });

  it('lists my sessions and ends another one server-side', async () => {
    const a = await signIn(app, teacher.email);
    const b = await signIn(app, teacher.email);
    const list = (await a.get('/api/v1/me/sessions')).json() as { id: string; current: boolean }[];
    expect(list.filter((s) => s.current)).toHaveLength(1);
    const [bRow] = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.csrfToken, b.csrfToken));
    expect(list.map((s) => s.id)).toContain(bRow?.id);
    expect((await b.get('/api/v1/me')).statusCode).toBe(200);
    expect((await a.delete(`/api/v1/me/sessions/${bRow?.id}`)).statusCode).toBe(204);
    expect((await b.get('/api/v1/me')).statusCode).toBe(401);
    expect((await a.get('/api/v1/me')).statusCode).toBe(200);
  });

  it("cannot end someone else's session", async () => {
    const school = await buildSchool(db);
    const other = await buildPerson(db, school, { roles: ['teacher'] });
    const mine = await signIn(app, teacher.email);
    const theirs = await signIn(app, other.email);
    const [row] = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.csrfToken, theirs.csrfToken));
    expect((await mine.delete(`/api/v1/me/sessions/${row?.id}`)).statusCode).toBe(404);
    expect((await theirs.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('signs out server-side: the old cookie no longer works', async () => {
    const client = await signIn(app, teacher.email);
    const out = await client.post('/api/v1/auth/logout');
    expect(out.statusCode).toBe(200);
    // a password session has no provider to sign out of too
    expect(out.json()).toEqual({ endSessionUrl: null, providerLabel: null });
    expect((await client.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('ends a session after the idle timeout and after the absolute lifetime', async () => {
    const idle = await signIn(app, teacher.email);
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - config.sessionIdleMs - 1000) })
      .where(eq(sessions.csrfToken, idle.csrfToken));
    expect((await idle.get('/api/v1/me')).statusCode).toBe(401);
    const fresh = await signIn(app, teacher.email);
    expect((await fresh.get('/api/v1/me')).statusCode).toBe(200);
    const old = await signIn(app, teacher.email);
    await db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.csrfToken, old.csrfToken));
    expect((await old.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('stores only a hash of the session token', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: teacher.email, password: TEST_PASSWORD }, remoteAddress: nextIp() });
    const token = res.cookies.find((c) => c.name === 'retning_session')?.value ?? '';
    const rows = await db.select().from(sessions);
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.tokenHash))).toBe(true);
  });
});

describe('cached sessions follow changes at once', () => {
  it('a role change shows in the next request, and removal takes the ability away', async () => {
    const school = await buildSchool(db);
    const admin = await buildPerson(db, school, { roles: ['school_admin'] });
    const person = await buildPerson(db, school, { roles: ['teacher'] });
    const adminClient = await signIn(app, admin.email);
    const client = await signIn(app, person.email);
    expect((await client.get('/api/v1/people')).statusCode).toBe(403);
    expect((await adminClient.put(`/api/v1/people/${person.id}/roles`, { roles: ['teacher', 'top_management'] })).statusCode).toBe(200);
    expect((await client.get('/api/v1/people')).statusCode).toBe(200);
    expect((await adminClient.put(`/api/v1/people/${person.id}/roles`, { roles: ['teacher'] })).statusCode).toBe(200);
    expect((await client.get('/api/v1/people')).statusCode).toBe(403);
  });
});
