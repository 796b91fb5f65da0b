import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditEvents, networkAuditEvents, people, personRoles, schools } from '../../db/schema/index';
import { createMailer } from '../../platform/mail';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildCoordinator, buildPerson, buildSchool } from '../../test/factories';
import { startTestSmtp, type TestSmtp } from '../../test/smtp';

const { app, database } = await testApp();
const db = database.db;

let serial = Math.floor(Math.random() * 10_000);
const freshNumber = () => String(200000 + ((serial++ * 7717 + Date.now()) % 499999)).padStart(6, '0');
const input = (over: Record<string, unknown> = {}) => ({
  name: `Onboardet skole ${randomUUID().slice(0, 6)}`,
  institutionNumber: freshNumber(),
  adminName: 'Første Administrator',
  adminEmail: `forste-${randomUUID().slice(0, 8)}@onboard.example`,
  ...over,
});
const schoolsNamed = async (name: string) => db.select().from(schools).where(eq(schools.name, name));

describe('onboarding a school (no SMTP)', () => {
  let coordinator: TestClient;
  let networkId: string;
  beforeAll(async () => {
    const s = await buildSchool(db, { network: `Onboarding ${randomUUID()}` });
    networkId = s.networkId;
    coordinator = await signIn(app, (await buildCoordinator(db, networkId)).email);
  });

  it('creates the school, its administrator and a link shown once, audited in both logs', async () => {
    const body = input();
    const res = await coordinator.post('/api/v1/network/schools', body);
    expect(res.statusCode).toBe(201);
    const out = res.json();
    expect(out.invitation).toMatchObject({ emailed: false, expiresInDays: 7 });
    expect(out.invitation.link).toMatch(/\/invitation\/[\w-]+$/);
    expect(out.school).toMatchObject({ name: body.name, institutionNumber: body.institutionNumber, people: 1, archived: false });
    const [person] = await db.select().from(people).where(eq(people.schoolId, out.school.id));
    expect(person).toMatchObject({ name: body.adminName, email: body.adminEmail });
    const roles = await db.select().from(personRoles).where(eq(personRoles.schoolId, out.school.id));
    expect(roles.map((r) => r.role)).toEqual(['school_admin']);
    const schoolLog = await db.select().from(auditEvents).where(eq(auditEvents.schoolId, out.school.id));
    expect(schoolLog.map((e) => e.action).sort()).toEqual(['person.invited', 'school.created']);
    const netLog = await db
      .select()
      .from(networkAuditEvents)
      .where(and(eq(networkAuditEvents.networkId, networkId), eq(networkAuditEvents.resourceId, out.school.id)));
    expect(netLog.map((e) => e.action)).toEqual(['network.school_created']);
    // The link works: the administrator sets a password and signs in to the new school.
    const token = /\/invitation\/([\w-]+)$/.exec(out.invitation.link)?.[1] ?? '';
    const redeem = await app.inject({ method: 'POST', url: `/api/v1/auth/tokens/${token}`, payload: { password: 'en-lang-ny-adgangskode' } });
    expect(redeem.statusCode).toBe(204);
    const admin = await signIn(app, body.adminEmail, 'en-lang-ny-adgangskode');
    expect((await admin.get('/api/v1/school')).json().id).toBe(out.school.id);
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ institutionNumber: '12345' }, 422, 'institutionNumber'],
      [{ institutionNumber: '12345a' }, 422, 'institutionNumber'],
      [{ adminEmail: undefined }, 422, 'adminEmail'],
      [{ adminEmail: 'ikke-en-adresse' }, 422, 'adminEmail'],
      [{ name: '' }, 422, 'name'],
    ];
    for (const [over, status, field] of cases) {
      const body = input(over);
      const res = await coordinator.post('/api/v1/network/schools', body);
      expect(res.statusCode, JSON.stringify(over)).toBe(status);
      expect(res.json().errors.map((e: { field: string }) => e.field), JSON.stringify(over)).toContain(field);
      expect(await schoolsNamed(body.name)).toHaveLength(0);
    }
  });

  it('refuses a taken institution number with 409 naming the field, and writes nothing', async () => {
    const first = input();
    expect((await coordinator.post('/api/v1/network/schools', first)).statusCode).toBe(201);
    const second = input({ institutionNumber: first.institutionNumber });
    const res = await coordinator.post('/api/v1/network/schools', second);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'institution_number_taken' });
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'institutionNumber' })]);
    expect(await schoolsNamed(second.name)).toHaveLength(0);
    const [acc] = await db.select().from(accounts).where(sql`lower(${accounts.email}) = ${second.adminEmail}`);
    expect(acc).toBeUndefined();
  });

  it('never hands out a link for an account used elsewhere: 409 invite_needs_mail, nothing written', async () => {
    const other = await buildSchool(db);
    const existing = await buildPerson(db, other, { roles: ['teacher'] });
    const body = input({ adminEmail: existing.email });
    const res = await coordinator.post('/api/v1/network/schools', body);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'invite_needs_mail' });
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'adminEmail' })]);
    expect(await schoolsNamed(body.name)).toHaveLength(0);
  });
});

describe('onboarding a school with SMTP', () => {
  let smtp: TestSmtp;
  let mailApp: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    mailApp = await testApp({ mailer: createMailer(smtp.url, 'Retning <retning@test>') });
  });
  afterAll(() => smtp.close());

  it("e-mails the administrator's invitation, also to an account used elsewhere, and returns no link", async () => {
    const mdb = mailApp.database.db;
    const s = await buildSchool(mdb, { network: `Mailnetværk ${randomUUID()}` });
    const coordinator = await signIn(mailApp.app, (await buildCoordinator(mdb, s.networkId)).email);
    const existing = await buildPerson(mdb, s, { roles: ['teacher'] });
    for (const email of [`ny-${randomUUID().slice(0, 8)}@onboard.example`, existing.email]) {
      const body = input({ name: `Mailskole ${randomUUID().slice(0, 6)}`, adminEmail: email });
      const res = await coordinator.post('/api/v1/network/schools', body);
      expect(res.statusCode).toBe(201);
      expect(res.json().invitation).toMatchObject({ emailed: true, link: null });
      const mail = smtp.inbox.find((m) => m.to.includes(email));
      expect(mail?.subject).toBe(`Invitation til Retning – ${body.name}`);
      expect(mail?.text).toMatch(/\/invitation\/[\w-]+/);
    }
  });
});
