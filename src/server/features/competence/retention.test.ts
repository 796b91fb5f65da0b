import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, competenceAreaTotals, competenceAssessments, competenceRounds, people } from '../../db/schema/index';
import { testApp } from '../../test/app';
import { signIn } from '../../test/client';
import { buildPerson, buildSchool, type BuiltSchool } from '../../test/factories';
import { todayInCopenhagen } from '../../platform/time';
import { writeAssessments } from './bulk-assessments';
import { ensureFramework } from './frameworks';
import { competenceFeature } from './manifest';

const { app, database, config } = await testApp();
const db = database.db;
const today = todayInCopenhagen();
const monthsAgo = (n: number) => sql`now() - make_interval(months => ${n}::int)`;
const runJob = async (now = new Date()) => {
  const job = competenceFeature.jobs?.({ config, database, mailer: app.deps.mailer }).find((j) => j.name === 'competence.retention');
  if (!job) throw new Error('no retention job');
  return job.run(now);
};

/** A school with a closed round answered by a person deactivated long ago, one deactivated lately and five active people. */
async function schoolWithLeavers(school: BuiltSchool) {
  const dept = school.departments[0]?.id ?? '';
  const longGone = await buildPerson(db, school, { roles: ['teacher'], departmentId: dept });
  const lately = await buildPerson(db, school, { roles: ['teacher'], departmentId: dept });
  const staying = await Promise.all([1, 2, 3, 4, 5].map(() => buildPerson(db, school, { roles: ['teacher'], departmentId: dept })));
  const frameworkId = await ensureFramework(db, school.id, 'staff');
  const [round] = await db.insert(competenceRounds).values({ schoolId: school.id, frameworkId, title: 'Sidste år', opensOn: today, closesOn: today, closedAt: new Date() }).returning();
  await writeAssessments(db, school.id, round?.id ?? '', frameworkId, [longGone, lately, ...staying], () => 3);
  await db.update(people).set({ active: false, deactivatedAt: monthsAgo(30) }).where(eq(people.id, longGone.id));
  await db.update(people).set({ active: false, deactivatedAt: monthsAgo(2) }).where(eq(people.id, lately.id));
  const answers = async (personId: string) => (await db.select().from(competenceAssessments).where(eq(competenceAssessments.personId, personId))).length;
  const respondents = async () =>
    (await db.select({ n: competenceAreaTotals.respondents }).from(competenceAreaTotals).where(and(eq(competenceAreaTotals.schoolId, school.id), eq(competenceAreaTotals.departmentKey, dept))))[0]?.n;
  return { longGone, lately, staying, answers, respondents };
}

describe('retention of competence answers', () => {
  it('the deactivation time follows active: set when deactivated, cleared when reactivated', async () => {
    const school = await buildSchool(db);
    const admin = await signIn(app, (await buildPerson(db, school, { roles: ['school_admin'], departmentId: null })).email);
    const p = await buildPerson(db, school, { roles: ['teacher'] });
    const at = async () => (await db.select({ at: people.deactivatedAt }).from(people).where(eq(people.id, p.id)))[0]?.at;
    expect(await at()).toBeNull();
    expect((await admin.patch(`/api/v1/people/${p.id}`, { active: false })).statusCode).toBe(200);
    expect(Math.abs(((await at())?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    expect((await admin.patch(`/api/v1/people/${p.id}`, { jobTitle: 'Vikar' })).statusCode).toBe(200);
    expect(await at()).not.toBeNull();
    expect((await admin.patch(`/api/v1/people/${p.id}`, { active: true })).statusCode).toBe(200);
    expect(await at()).toBeNull();
  });

  it('the job erases the answers of a person deactivated longer ago than the default period, leaves the others and the closed round\'s anonymous totals', async () => {
    const school = await buildSchool(db, { departments: ['Byggeri'] });
    const s = await schoolWithLeavers(school);
    expect(await s.respondents()).toBe(7);
    await runJob();
    expect(await s.answers(s.longGone.id)).toBe(0);
    expect(await s.answers(s.lately.id)).toBe(1);
    for (const p of s.staying) expect(await s.answers(p.id)).toBe(1);
    // The closed round's figures do not move by one person (docs/ANONYMITY.md).
    expect(await s.respondents()).toBe(7);
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.schoolId, school.id), eq(auditEvents.action, 'competence.answers_erased')));
    expect(event).toMatchObject({ resourceType: 'person', resourceId: s.longGone.id, actorName: 'Opbevaringsregel', summary: null, changes: { assessments: 1, retentionMonths: 24 } });
    // nothing more to do on the next run
    await runJob();
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.schoolId, school.id), eq(auditEvents.action, 'competence.answers_erased')))).toHaveLength(1);
  });

  it("follows the school's setting: a shorter period takes the recent leaver too; null keeps everything", async () => {
    const shorter = await buildSchool(db, { departments: ['Handel'] });
    const keeps = await buildSchool(db, { departments: ['Handel'] });
    const a = await schoolWithLeavers(shorter);
    const b = await schoolWithLeavers(keeps);
    const adminA = await signIn(app, (await buildPerson(db, shorter, { roles: ['school_admin'], departmentId: null })).email);
    const adminB = await signIn(app, (await buildPerson(db, keeps, { roles: ['school_admin'], departmentId: null })).email);
    expect((await adminA.get('/api/v1/school/retention')).json()).toEqual({ competenceAnswersMonths: 24, defaultMonths: 24 });
    expect((await adminA.put('/api/v1/school/retention', { competenceAnswersMonths: 1 })).json()).toEqual({ competenceAnswersMonths: 1, defaultMonths: 24 });
    expect((await adminB.put('/api/v1/school/retention', { competenceAnswersMonths: null })).json()).toEqual({ competenceAnswersMonths: null, defaultMonths: 24 });
    expect((await adminB.put('/api/v1/school/retention', { competenceAnswersMonths: 0 })).statusCode).toBe(422);
    // the school's other settings are kept
    expect((await adminB.get('/api/v1/school')).json()).toMatchObject({ settings: { defaultLocale: 'da' } });
    await runJob();
    expect([await a.answers(a.longGone.id), await a.answers(a.lately.id)]).toEqual([0, 0]);
    expect([await b.answers(b.longGone.id), await b.answers(b.lately.id)]).toEqual([1, 1]);
  });

  it('only the administrator sets it', async () => {
    const school = await buildSchool(db);
    const teacher = await signIn(app, (await buildPerson(db, school, { roles: ['teacher'] })).email);
    expect((await teacher.get('/api/v1/school/retention')).statusCode).toBe(200);
    expect((await teacher.put('/api/v1/school/retention', { competenceAnswersMonths: 1 })).statusCode).toBe(403);
  });
});
