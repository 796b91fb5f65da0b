import { and, count, eq, isNull } from 'drizzle-orm';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { accountTokens, people } from '../../db/schema/index';
import { createMailer } from '../../platform/mail';
import { hashSecret } from '../../platform/tokens';
import type { App } from '../../platform/http';
import { testApp } from '../../test/app';
import { startTestSmtp, type TestSmtp } from '../../test/smtp';
import { nextIp, signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, TEST_PASSWORD, type BuiltSchool } from '../../test/factories';

const { app, database } = await testApp();
const db = database.db;
const NEW_PASSWORD = 'mit-nye-kodeord-2024';

const tokenOf = (link: string) => link.split('/').pop() ?? '';
const login = (a: App, email: string, password: string) =>
  a.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: nextIp() });
const redeem = (a: App, token: string, password: string) => a.inject({ method: 'POST', url: `/api/v1/auth/tokens/${token}`, payload: { password } });

let school: BuiltSchool;
let admin: TestClient;
beforeAll(async () => {
  school = await buildSchool(db);
  admin = await signIn(app, (await buildPerson(db, school, { roles: ['school_admin'] })).email);
});

describe('invitations without SMTP', () => {
  it('returns a link to copy that describes itself, sets a password once, and is audited', async () => {
    const p = await buildPerson(db, school, { name: 'Ny Kollega', account: false, roles: ['teacher'] });
    const res = await admin.post(`/api/v1/people/${p.id}/invitation`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ emailed: false, expiresInDays: 7 });
    expect(body.link).toMatch(/^https?:\/\/[^/]+\/invitation\/[\w-]{40,}$/);
    const token = tokenOf(body.link);

    const described = await app.inject({ method: 'GET', url: `/api/v1/auth/tokens/${token}` });
    expect(described.statusCode).toBe(200);
    expect(described.json()).toEqual({ kind: 'invite', email: p.email, name: 'Ny Kollega', schoolName: school.name });

    const short = await redeem(app, token, 'kort');
    expect(short.statusCode).toBe(422);
    expect(short.json().errors.map((e: { field: string }) => e.field)).toEqual(['password']);
    expect((await login(app, p.email, 'kort')).statusCode).toBe(401);

    expect((await redeem(app, token, NEW_PASSWORD)).statusCode).toBe(204);
    const signedIn = await login(app, p.email, NEW_PASSWORD);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().me.person.id).toBe(p.id);

    const again = await redeem(app, token, 'endnu-et-kodeord-99');
    expect(again.statusCode).toBe(410);
    expect(again.json().code).toBe('token_invalid');
    expect((await app.inject({ method: 'GET', url: `/api/v1/auth/tokens/${token}` })).statusCode).toBe(410);
    expect((await login(app, p.email, 'endnu-et-kodeord-99')).statusCode).toBe(401);

    const events = (await admin.get('/api/v1/audit?action=person.invited')).json().items;
    expect(events.map((e: { resourceId: string }) => e.resourceId)).toContain(p.id);
  });

  it('stores only a hash of the token; an expired link and a replaced link give 410', async () => {
    const p = await buildPerson(db, school, { account: false });
    const first = tokenOf((await admin.post(`/api/v1/people/${p.id}/invitation`)).json().link);
    const rows = await db.select().from(accountTokens);
    expect(rows.some((r) => r.tokenHash === first || r.tokenHash.includes(first))).toBe(false);
    expect(rows.filter((r) => r.tokenHash === hashSecret(first))).toHaveLength(1);

    const second = tokenOf((await admin.post(`/api/v1/people/${p.id}/invitation`)).json().link);
    expect(second).not.toBe(first);
    const replaced = await redeem(app, first, NEW_PASSWORD);
    expect(replaced.statusCode).toBe(410);

    await db.update(accountTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(accountTokens.tokenHash, hashSecret(second)));
    expect((await app.inject({ method: 'GET', url: `/api/v1/auth/tokens/${second}` })).statusCode).toBe(410);
    const expired = await redeem(app, second, NEW_PASSWORD);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().code).toBe('token_invalid');
    expect((await login(app, p.email, NEW_PASSWORD)).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: `/api/v1/auth/tokens/${'x'.repeat(43)}` })).statusCode).toBe(410);
  });

  it('a reset link created by the admin sets a new password and ends existing sessions', async () => {
    const p = await buildPerson(db, school, { roles: ['teacher'] });
    const theirs = await signIn(app, p.email);
    const res = await admin.post(`/api/v1/people/${p.id}/password-reset`);
    expect(res.statusCode).toBe(200);
    expect(res.json().link).toMatch(/\/nulstil-adgangskode\//);
    const token = tokenOf(res.json().link);
    expect((await app.inject({ method: 'GET', url: `/api/v1/auth/tokens/${token}` })).json().kind).toBe('reset');
    expect((await redeem(app, token, NEW_PASSWORD)).statusCode).toBe(204);
    expect((await theirs.get('/api/v1/me')).statusCode).toBe(401);
    expect((await login(app, p.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(app, p.email, NEW_PASSWORD)).statusCode).toBe(200);
    expect((await redeem(app, token, 'tredje-kodeord-123')).statusCode).toBe(410);
  });

  it("does not hand an admin a link to another school's account that shares the e-mail address", async () => {
    const victimSchool = await buildSchool(db);
    const victim = await buildPerson(db, victimSchool, { roles: ['school_admin'] });
    const twin = await buildPerson(db, school, { email: victim.email.toUpperCase(), account: false });
    for (const path of ['invitation', 'password-reset']) {
      const res = await admin.post(`/api/v1/people/${twin.id}/${path}`);
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('account_shared');
    }
    const [open] = await db.select({ n: count() }).from(accountTokens).where(and(eq(accountTokens.accountId, victim.accountId ?? ''), isNull(accountTokens.usedAt)));
    expect(open?.n).toBe(0);
    const [row] = await db.select().from(people).where(eq(people.id, twin.id));
    expect(row?.accountId).toBeNull();
    expect((await login(app, victim.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('answers 202 to a self-service reset for known and unknown e-mails alike, and sends nothing without SMTP', async () => {
    const p = await buildPerson(db, school, { roles: ['teacher'] });
    const known = await app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: p.email } });
    const unknown = await app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'ingen@nowhere.example' } });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.json()).toEqual(unknown.json());
    const [n] = await db.select({ n: count() }).from(accountTokens).where(eq(accountTokens.accountId, p.accountId ?? ''));
    expect(n?.n).toBe(0);
  });
});

describe('with SMTP', () => {
  let smtp: TestSmtp;
  let mailApp: App;
  let mailAdmin: TestClient;
  let mailSchool: BuiltSchool;
  let mailDatabase: typeof db;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    const built = await testApp({ mailer: createMailer(smtp.url, 'Retning <retning@test>') });
    mailApp = built.app;
    mailDatabase = built.database.db;
    mailSchool = await buildSchool(mailDatabase, { name: 'Mailskolen Ærø' });
    mailAdmin = await signIn(mailApp, (await buildPerson(mailDatabase, mailSchool, { roles: ['school_admin'] })).email);
  });
  afterAll(() => smtp.close());
  const mailDb = () => mailDatabase;

  it('e-mails the invitation in Danish with a working link instead of returning it', async () => {
    const p = await buildPerson(mailDb(), mailSchool, { account: false, name: 'Mail Modtager' });
    const res = await mailAdmin.post(`/api/v1/people/${p.id}/invitation`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ emailed: true, link: null });
    const mail = smtp.inbox.find((m) => m.to.includes(p.email));
    expect(mail).toBeDefined();
    expect(mail?.subject).toBe('Invitation til Retning – Mailskolen Ærø');
    expect(mail?.text).toMatch(/Vælg din adgangskode/);
    const link = /https?:\/\/\S+\/invitation\/([\w-]+)/.exec(mail?.text ?? '');
    expect(link).not.toBeNull();
    expect((await redeem(mailApp, link?.[1] ?? '', NEW_PASSWORD)).statusCode).toBe(204);
    expect((await login(mailApp, p.email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('sends a self-service reset mail only for a known active account, answering 202 alike', async () => {
    const p = await buildPerson(mailDb(), mailSchool, { roles: ['teacher'] });
    const gone = await buildPerson(mailDb(), mailSchool, { roles: ['teacher'], active: false });
    const before = smtp.inbox.length;
    const ask = (email: string) => mailApp.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email } });
    const answers = [await ask(p.email.toUpperCase()), await ask('ukendt@nowhere.example'), await ask(gone.email)];
    for (const a of answers) expect(a.statusCode).toBe(202);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    await vi.waitFor(() => expect(smtp.inbox.length).toBeGreaterThan(before), { timeout: 5_000 });
    await new Promise((r) => setTimeout(r, 300));
    const sent = smtp.inbox.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toEqual([p.email]);
    expect(sent[0]?.subject).toBe('Nulstil din adgangskode til Retning – Mailskolen Ærø');
    const token = /\/nulstil-adgangskode\/([\w-]+)/.exec(sent[0]?.text ?? '')?.[1] ?? '';
    expect((await redeem(mailApp, token, NEW_PASSWORD)).statusCode).toBe(204);
    expect((await login(mailApp, p.email, NEW_PASSWORD)).statusCode).toBe(200);
  });
});

describe('with a failing mail server', () => {
  let broken: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    broken = await testApp({ mailer: createMailer(`smtp://127.0.0.1:${port}`, 'Retning <retning@test>') });
  });

  it('tells the administrator that the invitation e-mail could not be sent', async () => {
    const s = await buildSchool(broken.database.db);
    const a = await buildPerson(broken.database.db, s, { roles: ['school_admin'] });
    const p = await buildPerson(broken.database.db, s, { roles: ['teacher'], account: false });
    const client = await signIn(broken.app, a.email);
    const res = await client.post(`/api/v1/people/${p.id}/invitation`);
    expect(res.statusCode).toBe(502);
    expect(res.json()).toMatchObject({ code: 'mail_failed', title: 'E-mailen kunne ikke sendes. Prøv igen senere, eller kontakt den, der driver Retning.' });
  });

  it('still answers a self-service reset with the same 202 for a known address', async () => {
    const s = await buildSchool(broken.database.db);
    const p = await buildPerson(broken.database.db, s, { roles: ['teacher'] });
    const ask = (email: string) => broken.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email } });
    const [known, unknown] = [await ask(p.email), await ask('ukendt@nowhere.example')];
    expect(known.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
  });
});
