import { readFileSync } from 'node:fs';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openPglite, type Database } from '../db/client';
import { schools, surveyAreaMeans, surveyFreeTexts, surveyParticipation, surveyRespondentTotals, surveyRounds } from '../db/schema/index';
import { todayInCopenhagen } from '../platform/time';
import { seedDemo } from './demo';
import { DEMO_SCHOOL } from './demo-data';
import { seedDemoSurveys } from './demo-surveys';

/** The demo school's survey rounds: two closed a year apart with results for every group, one open that a few colleagues answered. */
let database: Database;
afterAll(async () => {
  await database?.close();
});

describe('the demo surveys', () => {
  it('seeds two closed rounds with results and an open round (its time printed)', async () => {
    const templatePath = inject('templatePath');
    database = templatePath ? openPglite(undefined, new Blob([readFileSync(templatePath)])) : openPglite(undefined);
    if (templatePath) await database.client?.waitReady;
    else await database.migrate();
    const db = database.db;
    await seedDemo(db);
    const t0 = performance.now();
    await seedDemoSurveys(db, todayInCopenhagen());
    const ms = performance.now() - t0;
    console.info(JSON.stringify({ figure: 'demo_seed_surveys_ms', ms: Math.round(ms) }));
    const [school] = await db.select().from(schools).where(eq(schools.name, DEMO_SCHOOL.name));
    const id = school?.id ?? '';
    const closed = await db.select().from(surveyRounds).where(and(eq(surveyRounds.schoolId, id), isNotNull(surveyRounds.closedAt))).orderBy(surveyRounds.opensOn);
    expect(closed).toHaveLength(2);
    expect(Date.parse(closed[1]?.closesOn ?? '') - Date.parse(closed[0]?.closesOn ?? '')).toBeGreaterThanOrEqual(360 * 86_400_000);
    for (const r of closed) {
      const totals = await db.select().from(surveyRespondentTotals).where(eq(surveyRespondentTotals.roundId, r.id));
      for (const g of ['leader', 'teacher', 'student', 'supervisor']) expect(totals.filter((t) => t.group === g).reduce((s, t) => s + t.respondents, 0)).toBeGreaterThanOrEqual(5);
      const means = await db.select().from(surveyAreaMeans).where(eq(surveyAreaMeans.roundId, r.id));
      expect(means.filter((m) => m.mean !== null).length).toBeGreaterThan(0);
      expect((await db.select().from(surveyFreeTexts).where(eq(surveyFreeTexts.roundId, r.id))).length).toBeGreaterThanOrEqual(10);
    }
    const [open] = await db.select().from(surveyRounds).where(and(eq(surveyRounds.schoolId, id), isNull(surveyRounds.closedAt)));
    expect(open).toBeDefined();
    expect(await db.select().from(surveyParticipation).where(eq(surveyParticipation.roundId, open?.id ?? ''))).toHaveLength(5);
  });
});
