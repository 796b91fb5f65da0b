import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, homeDigests } from '../../db/schema/index';
import { createMailer, type Mailer } from '../../platform/mail';
import { todayInCopenhagen } from '../../platform/time';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildCoordinator, buildPerson, buildSchool, type BuiltPerson, type BuiltSchool } from '../../test/factories';
import { startTestSmtp } from '../../test/smtp';
import { features } from '../index';
import { addDays } from './api';
import { digestDue, digestJob, isoWeek } from './digest';

/**
 * The weekly digest: once a week from Monday morning (Copenhagen), each person with something on
 * their home page gets it by e-mail in their language; never twice in a week, not to those who
 * said no (account page or the link in the mail), not when nothing waits.
 */
const smtp = await startTestSmtp();
afterAll(() => smtp.close());
const mailer = createMailer(smtp.url, 'Retning <retning@test>');
const { app, database, config } = await testApp({ mailer, config: { publicUrl: 'https://retning.example' } });
const db = database.db;
const today = todayInCopenhagen();
const sources = () => features;
const run = (now: Date, m: Mailer = mailer) => digestJob(db, m, config, sources).run(now);

/** 07:30 UTC on the Monday after today: 08:30 or 09:30 in Copenhagen. */
const nextMonday = (() => {
  const d = new Date(`${today}T07:30:00Z`);
  d.setUTCDate(d.getUTCDate() + (((8 - d.getUTCDay()) % 7) || 7));
  return d;
})();

let school: BuiltSchool;
let teacher: BuiltPerson;
let english: BuiltPerson;
let optedOut: BuiltPerson;
let supervisor: BuiltPerson;
let admin: TestClient;
const mine = () => smtp.inbox.filter((m) => m.to.some((t) => t.endsWith('@digest.example')));
const to = (p: BuiltPerson) => mine().filter((m) => m.to.includes(p.email));

beforeAll(async () => {
  school = await buildSchool(db, { name: 'Digestskolen', departments: ['Handel'] });
  const adminP = await buildPerson(db, school, { roles: ['school_admin'], departmentId: null, email: 'admin@digest.example' });
  teacher = await buildPerson(db, school, { roles: ['teacher'], email: 'laerer@digest.example', name: 'Lone Lærer' });
  english = await buildPerson(db, school, { roles: ['teacher'], email: 'english@digest.example', name: 'Emma English' });
  optedOut = await buildPerson(db, school, { roles: ['teacher'], email: 'nej-tak@digest.example' });
  supervisor = await buildPerson(db, school, { roles: ['company_supervisor'], departmentId: null, email: 'praktik@digest.example' });
  await db.update(accounts).set({ locale: 'en' }).where(eq(accounts.email, english.email));
  admin = await signIn(app, adminP.email);
  const round = await admin.post('/api/v1/competence/rounds', { title: 'Kortlægning i år', opensOn: today, closesOn: addDays(today, 30) });
  expect(round.statusCode, round.body).toBe(201);
});

describe('the weekly digest', () => {
  it('is due from Monday 07:00 in Copenhagen through Tuesday, never later in the week', () => {
    expect(digestDue(new Date('2025-06-02T05:30:00Z'))).toBe(true); // Monday 07:30 CEST
    expect(digestDue(new Date('2025-06-02T04:30:00Z'))).toBe(false); // Monday 06:30 CEST
    expect(digestDue(new Date('2025-01-06T06:00:00Z'))).toBe(true); // Monday 07:00 CET
    expect(digestDue(new Date('2025-06-03T20:00:00Z'))).toBe(true); // Tuesday evening
    expect(digestDue(new Date('2025-06-04T08:00:00Z'))).toBe(false); // Wednesday
    expect(digestDue(new Date('2025-06-01T21:30:00Z'))).toBe(false); // Sunday 23:30 CEST
    expect(isoWeek('2025-01-01')).toBe('2025-W01');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(isoWeek('2025-06-02')).toBe('2025-W23');
  });

  it('sends each person their list once a week, in their language, only when something waits, and honours the account page', async () => {
    const off = await signIn(app, optedOut.email);
    const patched = await off.patch('/api/v1/me', { weeklyDigest: false });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().preferences).toEqual({ weeklyDigest: false });
    expect((await (await signIn(app, teacher.email)).get('/api/v1/me')).json().preferences).toEqual({ weeklyDigest: true });

    // before Monday morning nothing goes out
    expect(await run(new Date(nextMonday.getTime() - 4 * 3_600_000))).toMatchObject({ due: false, sent: 0 });
    expect(mine()).toHaveLength(0);

    // Counted in this school's mailbox: on a shared PostgreSQL database other test files' schools get digests too.
    await run(nextMonday);
    await expect.poll(() => mine().length).toBe(3); // the administrator, the teacher and the English teacher: each has the open round
    expect(to(optedOut)).toHaveLength(0);
    expect(to(supervisor)).toHaveLength(0); // nothing waits for the company supervisor

    const week = Number(isoWeek(todayInCopenhagen(nextMonday)).slice(6));
    const [da] = to(teacher);
    expect(da?.subject).toBe(`Det venter på dig i Retning, uge ${week}`);
    expect(da?.text).toContain('Hej Lone Lærer');
    expect(da?.text).toContain('Kompetencer');
    expect(da?.text).toContain('Besvar kortlægningen "Kortlægning i år"');
    expect(da?.text).toMatch(/https:\/\/retning\.example\/kompetencer\/selvevaluering\/[0-9a-f-]{36}/);
    expect(da?.text).toMatch(/https:\/\/retning\.example\/afmeld-ugebrev\/[\w-]{43}/);
    const [en] = to(english);
    expect(en?.subject).toBe(`Waiting for you in Retning, week ${week}`);
    expect(en?.text).toContain('Answer the mapping "Kortlægning i år"');

    // the same week again, later that day, on Tuesday, or by a second instance: nothing more
    await run(new Date(nextMonday.getTime() + 3 * 3_600_000));
    await run(new Date(nextMonday.getTime() + 86_400_000));
    expect(mine()).toHaveLength(3);
    // the next week, by two instances at once: each person once
    await Promise.all([run(new Date(nextMonday.getTime() + 7 * 86_400_000)), run(new Date(nextMonday.getTime() + 7 * 86_400_000 + 60_000))]);
    await expect.poll(() => mine().length).toBe(6);
    expect(to(teacher)).toHaveLength(2);
    expect(to(optedOut)).toHaveLength(0);
  }, 120_000); // on a shared PostgreSQL database the weekly run visits every test file's schools

  it('turns off with the link in the mail, without signing in; an unknown link is 404', async () => {
    const link = /https:\/\/retning\.example\/afmeld-ugebrev\/([\w-]+)/.exec(to(english).at(-1)?.text ?? '')?.[1] ?? '';
    expect(link).not.toBe('');
    const res = await app.inject({ method: 'POST', url: `/api/v1/home/unsubscribe/${link}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ schoolName: 'Digestskolen' });
    expect((await (await signIn(app, english.email)).get('/api/v1/me')).json().preferences).toEqual({ weeklyDigest: false });
    expect((await app.inject({ method: 'POST', url: '/api/v1/home/unsubscribe/ikke-et-link' })).statusCode).toBe(404);
    // the week after: the others get theirs, she does not
    await run(new Date(nextMonday.getTime() + 14 * 86_400_000));
    await expect.poll(() => mine().length).toBe(8);
    expect(to(english)).toHaveLength(2);
    // and back on from her account page
    const back = await (await signIn(app, english.email)).patch('/api/v1/me', { weeklyDigest: true });
    expect(back.json().preferences).toEqual({ weeklyDigest: true });
  }, 120_000); // on a shared PostgreSQL database the weekly run visits every test file's schools

  it('gives the week back when the mail fails, so the next run sends it', async () => {
    const failing: Mailer = { enabled: true, send: async () => Promise.reject(new Error('mail server down')), close: () => {} };
    const when = new Date(nextMonday.getTime() + 21 * 86_400_000);
    const failed = (await run(when, failing)) as { sent: number; failed: number };
    expect(failed.sent).toBe(0);
    expect(failed.failed).toBeGreaterThanOrEqual(3);
    const week = isoWeek(todayInCopenhagen(when));
    expect(await db.select().from(homeDigests).where(and(eq(homeDigests.schoolId, school.id), eq(homeDigests.week, week)))).toHaveLength(1); // the supervisor's: nothing to send
    const before = mine().length;
    await run(new Date(when.getTime() + 3_600_000));
    await expect.poll(() => mine().length).toBe(before + 3);
  }, 120_000); // on a shared PostgreSQL database the weekly run visits every test file's schools

  it('sends nothing without e-mail set up; an account without a school has no digest to turn off', async () => {
    expect(await run(new Date(nextMonday.getTime() + 28 * 86_400_000), createMailer(undefined, 'x'))).toMatchObject({ due: false, sent: 0 });
    const coordinator = await signIn(app, (await buildCoordinator(db, school.networkId)).email);
    const res = await coordinator.patch('/api/v1/me', { weeklyDigest: false });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('weeklyDigest');
    expect((await coordinator.get('/api/v1/me')).json().preferences).toBeNull();
    // the language alone still works as before
    expect((await coordinator.patch('/api/v1/me', { locale: 'en' })).statusCode).toBe(200);
  });
});
