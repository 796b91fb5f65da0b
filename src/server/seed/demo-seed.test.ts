import { readFileSync } from 'node:fs';
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { buildApp } from '../app';
import { openPglite, type Database } from '../db/client';
import { auditEvents, competenceContracts, competenceEnrolments, competenceRounds, competenceSessions, indicators, initiatives } from '../db/schema/index';
import { schoolYearOf, schoolYearStarting } from '../features/calendar/api';
import { createMailer } from '../platform/mail';
import { signIn } from '../test/client';
import { testConfig } from '../test/database';
import { seedDemo } from './demo';
import { DEMO_PASSWORD } from './demo-data';
import { seedDemoModules } from './demo-modules';

/*
 * The demo school placed in time (issue 10): seeded as of a day in two different school years, its
 * strategy, rounds, årshjul items, follow-ups, milestones, sessions and contracts fall in that
 * school year, and it keeps its own rules: no session has more seats taken than it has, and no
 * one has completed a session that had not taken place.
 */

const open: Database[] = [];
const apps: { close(): Promise<unknown> }[] = [];
afterAll(async () => {
  for (const a of apps) await a.close();
  for (const d of open) await d.close();
});

/** An empty, migrated embedded database of its own (the demo school's e-mails would clash in a shared one). */
async function freshDatabase(): Promise<Database> {
  const templatePath = inject('templatePath');
  const database = templatePath ? openPglite(undefined, new Blob([readFileSync(templatePath)])) : openPglite(undefined);
  if (templatePath) await database.client?.waitReady;
  else await database.migrate();
  open.push(database);
  return database;
}

type Item = { title: string; startsOn: string; kind: string };
const endOfDay = (day: string) => new Date(`${day}T23:59:59+01:00`);

describe.each([
  ['an autumn day', '2024-10-15'],
  ['a spring day', '2028-03-02'],
])('the demo school seeded as of %s (%s)', (_label, today) => {
  const year = schoolYearOf(8, today);
  const previous = schoolYearStarting(8, year.startYear - 1);
  const next = schoolYearStarting(8, year.startYear + 1);
  const within = (d: string, y: { start: string; end: string }) => d >= y.start && d <= y.end;
  let database: Database;
  let boss: Awaited<ReturnType<typeof signIn>>;

  it('is seeded through the commands, as of that day', async () => {
    database = await freshDatabase();
    await seedDemo(database.db);
    await seedDemoModules(database.db, today);
    const app = await buildApp({ config: testConfig(), database, mailer: createMailer(undefined, 'test@retning') });
    await app.ready();
    apps.push(app);
    boss = await signIn(app, 'direktion@demo.example', DEMO_PASSWORD);
    // the demo's people did it, and it is in the audit log as theirs
    const events = await database.db.select({ action: auditEvents.action, by: auditEvents.actorName }).from(auditEvents);
    expect(events).toEqual(expect.arrayContaining([{ action: 'strategy.published', by: 'Dorte Direktør' }, { action: 'initiative.created', by: 'Lars Leder' }]));
    for (const action of ['competence.enrolled', 'competence.waitlisted', 'competence.progress_recorded', 'competence.contract_acknowledged_by_employee', 'calendar_item.created', 'person.created']) {
      expect(events.map((e) => e.action), action).toContain(action);
    }
  });

  it("has that school year's strategy, and its årshjul holds that year's milestones, follow-ups and dates", async () => {
    const strategies = (await boss.get('/api/v1/strategies')).json() as { periodStart: string; periodEnd: string; status: string }[];
    expect(strategies.some((s) => s.status === 'published' && s.periodStart <= today && today <= s.periodEnd)).toBe(true);

    const cal = await boss.get(`/api/v1/calendar?schoolYear=${year.startYear}`);
    expect(cal.statusCode).toBe(200);
    const items = cal.json().items as Item[];
    const titles = items.map((i) => i.title);
    for (const title of ['Pædagogisk dag om feedback (Fælles feedbackkultur)', 'Alle hold har prøvet video (Video-feedback i værkstedet)', 'Skolestart for eleverne', 'Strategiseminar for ledelsen']) {
      expect(titles, title).toContain(title);
    }
    expect(items.filter((i) => i.kind === 'followup').length).toBeGreaterThanOrEqual(3);
    expect(items.some((i) => i.kind === 'contract_followup' && i.startsOn > today)).toBe(true);
    // meetings and courses on weekdays
    for (const i of items) expect(new Date(`${i.startsOn}T12:00:00Z`).getUTCDay() % 6, `${i.startsOn} ${i.title}`).not.toBe(0);

    const before = (await boss.get(`/api/v1/calendar?schoolYear=${previous.startYear}`)).json().items as Item[];
    expect(before.map((i) => i.title)).toContain('Logbog i alle praktikforløb (Digitale logbøger i praktikken)');
    const after = (await boss.get(`/api/v1/calendar?schoolYear=${next.startYear}`)).json().items as Item[];
    expect(after.map((i) => i.title)).toContain('Skolestart for eleverne');
  });

  it("this year's round is open on that day and last year's lies in the previous school year", async () => {
    const rounds = await database.db.select().from(competenceRounds);
    const now = rounds.find((r) => r.title === 'Kortlægning i år');
    const last = rounds.find((r) => r.title === 'Kortlægning sidste år');
    expect(now && now.opensOn <= today && today <= now.closesOn).toBe(true);
    expect(now && within(now.opensOn, year)).toBe(true);
    expect(last && within(last.opensOn, previous) && within(last.closesOn, previous)).toBe(true);
  });

  it('no session has more seats taken than it has, the full one has a waiting list, and every completion is of a session that had taken place', async () => {
    const sessions = await database.db.select().from(competenceSessions);
    const enrolments = await database.db.select().from(competenceEnrolments);
    expect(sessions.some((s) => s.startsAt < new Date(`${today}T00:00:00Z`))).toBe(true);
    expect(sessions.some((s) => s.startsAt > endOfDay(today))).toBe(true);
    for (const s of sessions) {
      const seated = enrolments.filter((e) => e.sessionId === s.id && e.status === 'enrolled').length;
      expect(seated, `${s.startsAt.toISOString()} ${seated}/${s.capacity}`).toBeLessThanOrEqual(s.capacity);
    }
    expect(enrolments.filter((e) => e.status === 'waiting').length).toBe(2);
    const completed = await database.db.select().from(competenceEnrolments).where(isNotNull(competenceEnrolments.completedAt));
    expect(completed.length).toBeGreaterThanOrEqual(10);
    for (const e of [...completed, ...enrolments.filter((x) => x.attended)]) {
      const session = sessions.find((s) => s.id === e.sessionId);
      expect(session, 'a completion belongs to a session').toBeDefined();
      expect(session && session.startsAt <= endOfDay(today)).toBe(true);
      if (e.completedAt) {
        expect(e.completedAt >= (session?.startsAt ?? new Date(0))).toBe(true);
        expect(e.completedAt <= endOfDay(today), 'no completion lies in the future').toBe(true);
      }
    }
  });

  it('has contracts with follow-ups ahead, and last school year\'s target that was missed is "not reached"', async () => {
    const contracts = await database.db.select().from(competenceContracts);
    expect(contracts.map((c) => c.status).sort()).toEqual(['agreed', 'draft']);
    for (const c of contracts) for (const d of c.content.followUps) expect(d > today).toBe(true);
    const [logbook] = await database.db.select().from(initiatives).where(eq(initiatives.title, 'Digitale logbøger i praktikken'));
    expect(logbook?.computedStatus).toBe('not_reached');
    const open = await database.db
      .select({ status: indicators.status, targetOn: indicators.targetOn })
      .from(indicators)
      .innerJoin(initiatives, and(eq(initiatives.schoolId, indicators.schoolId), eq(initiatives.id, indicators.initiativeId)))
      .where(eq(initiatives.title, 'Video-feedback i værkstedet'));
    expect(open.every((i) => within(i.targetOn, year) && i.status !== 'not_reached')).toBe(true);
  });
});
