import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { accounts, auditEvents, competenceEnrolments, competenceRounds, people } from '../../db/schema/index';
import { createMailer } from '../../platform/mail';
import { testApp } from '../../test/app';
import { signIn } from '../../test/client';
import { buildPerson, buildSchool } from '../../test/factories';
import { startTestSmtp } from '../../test/smtp';
import { todayInCopenhagen } from '../../platform/time';
import { writeAssessments } from './bulk-assessments';
import { competenceJobs } from './jobs';

const smtp = await startTestSmtp();
afterAll(() => smtp.close());
const mailer = createMailer(smtp.url, 'Retning <retning@test>');
const { app, database } = await testApp({ mailer });
const db = database.db;
const today = todayInCopenhagen();
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const run = async (name: string, now = new Date()) => {
  const job = competenceJobs(db, mailer).find((j) => j.name === name);
  if (!job) throw new Error(name);
  return job.run(now);
};

describe('background jobs of the competence module', () => {
  it('put a new hire on the onboarding track without anyone opening a page', async () => {
    const school = await buildSchool(db, { departments: ['Sundhed'] });
    const admin = await signIn(app, (await buildPerson(db, school, { roles: ['school_admin'], departmentId: null })).email);
    expect((await admin.post('/api/v1/competence/courses', { title: 'Introforløb', format: 'online_mini', audience: { newHires: true } })).statusCode).toBe(201);
    const hire = await buildPerson(db, school, { roles: ['teacher'], name: 'Ny Kollega' });
    await db.update(people).set({ employmentStart: addDays(today, 3) }).where(eq(people.id, hire.id));
    const mine = () => db.select().from(competenceEnrolments).where(and(eq(competenceEnrolments.schoolId, school.id), eq(competenceEnrolments.personId, hire.id)));
    expect(await mine()).toHaveLength(0);
    await run('competence.onboarding');
    const rows = await mine();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.source).toBe('onboarding');
    await run('competence.onboarding');
    expect(await mine()).toHaveLength(1);
  });

  it('remind those who have not answered once, when a round closes within three days', async () => {
    const school = await buildSchool(db, { departments: ['Handel'] });
    const admin = await signIn(app, (await buildPerson(db, school, { roles: ['school_admin'], departmentId: null, email: `admin-${school.id}@jobs.example` })).email);
    const fw = (await admin.get('/api/v1/competence/framework')).json() as { id: string };
    const done = await buildPerson(db, school, { roles: ['teacher'], email: `done-${school.id}@jobs.example` });
    const missing = await buildPerson(db, school, { roles: ['teacher'], email: `missing-${school.id}@jobs.example` });
    const later = (await admin.post('/api/v1/competence/rounds', { title: 'Lukker om en uge', opensOn: today, closesOn: addDays(today, 7) })).json().id as string;
    const soon = (await admin.post('/api/v1/competence/rounds', { title: 'Lukker snart', opensOn: today, closesOn: addDays(today, 2) })).json().id as string;
    await writeAssessments(db, school.id, soon, fw.id, [done], () => 3);
    const ours = () => smtp.inbox.filter((m) => m.to.some((t) => t.endsWith(`-${school.id}@jobs.example`)));

    await db.update(accounts).set({ locale: 'en' }).where(eq(accounts.email, `admin-${school.id}@jobs.example`));
    await run('competence.reminders');
    await expect.poll(() => ours().length).toBe(2); // the admin and the teacher who has not answered; not the one who has
    expect(ours().map((m) => m.to[0]).sort()).toEqual([`admin-${school.id}@jobs.example`, missing.email].sort());
    // each in their own language (the administrator has chosen English)
    const subjectTo = (email: string) => ours().find((m) => m.to[0] === email)?.subject;
    expect(subjectTo(missing.email)).toBe('Påmindelse: Lukker snart');
    expect(subjectTo(`admin-${school.id}@jobs.example`)).toBe('Reminder: Lukker snart');
    expect(ours().find((m) => m.to[0] === missing.email)?.text).toContain('Den lukker');
    const [r] = await db.select().from(competenceRounds).where(and(eq(competenceRounds.schoolId, school.id), eq(competenceRounds.id, soon)));
    expect(r?.lastReminderAt).not.toBeNull();
    const [untouched] = await db.select().from(competenceRounds).where(and(eq(competenceRounds.schoolId, school.id), eq(competenceRounds.id, later)));
    expect(untouched?.lastReminderAt).toBeNull();
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.schoolId, school.id), eq(auditEvents.action, 'competence.reminders_sent')));
    expect(events).toHaveLength(1);
    expect(events[0]?.actorName).toBe('Automatisk påmindelse');

    // the next run the same day sends nothing; two days later it reminds again
    await run('competence.reminders');
    expect(ours()).toHaveLength(2);
    await run('competence.reminders', new Date(Date.now() + 2 * 86_400_000 + 60_000));
    await expect.poll(() => ours().length).toBe(4);
  });
});
