import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { indicators, measurements, surveyAreaMeans } from '../../db/schema/index';
import { todayInCopenhagen } from '../../platform/time';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltSchool } from '../../test/factories';
import { onRoundClosed } from './close-effects';
import { seedItems, seedSurveyRound, type SeedSheet } from './report-seed';

/* Closing a round writes the network benchmark's area means and the measurements of indicators tied to an item. */

const { app, database } = await testApp();
const db = database.db;
const today = todayInCopenhagen();
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const items = seedItems(['ledelse', 'undervisning'], 2, ['leader', 'teacher']);

let school: BuiltSchool;
let director: TestClient;

const sheets = (group: string, n: number, answer: (i: number) => number | 'dont_know'): SeedSheet[] =>
  Array.from({ length: n }, (_, i) => ({ group, departmentId: school.departments[0]?.id ?? null, answers: Object.fromEntries(items.map((it) => [it.key, answer(i)])) }));

async function indicatorFor(itemKey: string, group: string): Promise<string> {
  const init = await director.post('/api/v1/initiatives', { title: `Indsats ${itemKey} ${group}`, why: 'Fra selvevalueringen.', level: 'central', startsOn: addDays(today, -30), endsOn: addDays(today, 300) });
  expect(init.statusCode, init.body).toBe(201);
  const ind = await director.post(`/api/v1/initiatives/${init.json().id}/indicators`, { name: 'Gennemsnit', unit: '1–5', baseline: 2, target: 4, targetOn: addDays(today, 300), direction: 'increase' });
  expect(ind.statusCode, ind.body).toBe(201);
  await db.update(indicators).set({ source: { kind: 'survey_item', itemKey, group } }).where(and(eq(indicators.schoolId, school.id), eq(indicators.id, ind.json().id)));
  return ind.json().id;
}
const measured = (indicatorId: string) => db.select().from(measurements).where(and(eq(measurements.schoolId, school.id), eq(measurements.indicatorId, indicatorId)));

beforeAll(async () => {
  school = await buildSchool(db, { departments: ['Anlæg'] });
  director = await signIn(app, (await buildPerson(db, school, { roles: ['top_management'], departmentId: null })).email);
});

describe('onRoundClosed', () => {
  it('writes area means per group, hidden under 5 respondents and where all answered alike', async () => {
    const round = await seedSurveyRound(db, school.id, {
      name: 'Forår',
      opensOn: addDays(today, -20),
      closesOn: addDays(today, -1),
      groups: ['leader', 'teacher', 'student'],
      items: seedItems(['ledelse', 'undervisning'], 2, ['leader', 'teacher', 'student']),
      closed: true,
      sheets: [...sheets('leader', 5, (i) => (i % 3) + 2), ...sheets('teacher', 4, (i) => i + 1), ...sheets('student', 6, () => 4)],
    });
    await db.transaction((tx) => onRoundClosed(tx, round));
    const rows = await db.select().from(surveyAreaMeans).where(and(eq(surveyAreaMeans.schoolId, school.id), eq(surveyAreaMeans.roundId, round.id)));
    const get = (group: string, area: string) => rows.find((r) => r.group === group && r.area === area);
    expect(rows).toHaveLength(6);
    // leaders answered 2,3,4,2,3 to every item: mean 2.8
    expect(get('leader', 'ledelse')).toMatchObject({ respondents: 5, mean: 2.8, closesOn: round.closesOn });
    expect(get('teacher', 'ledelse')).toMatchObject({ respondents: 4, mean: null });
    expect(get('student', 'undervisning')).toMatchObject({ respondents: 6, mean: null });
  });

  it("measures an indicator tied to an item with the group's mean, only where it is shown, once per round", async () => {
    const leaderInd = await indicatorFor('ledelse-1', 'leader');
    const teacherInd = await indicatorFor('ledelse-1', 'teacher');
    const otherItem = await indicatorFor('not-asked', 'leader');
    const round = await seedSurveyRound(db, school.id, {
      name: 'Efterår',
      opensOn: addDays(today, -10),
      closesOn: addDays(today, 5),
      groups: ['leader', 'teacher'],
      items,
      closed: true,
      sheets: [...sheets('leader', 6, (i) => (i % 2 ? 5 : 'dont_know')), ...sheets('leader', 5, (i) => i + 1), ...sheets('teacher', 4, (i) => i + 1)],
    });
    await db.transaction((tx) => onRoundClosed(tx, round));
    const [m] = await measured(leaderInd);
    // 5,5,5 and 1..5 on the scale: (15 + 15) / 8
    expect(m).toMatchObject({ value: 3.75, measuredOn: today, source: `survey:${round.id}` });
    expect(await measured(teacherInd)).toHaveLength(0);
    expect(await measured(otherItem)).toHaveLength(0);
    const [ind] = await db.select().from(indicators).where(and(eq(indicators.schoolId, school.id), eq(indicators.id, leaderInd)));
    expect(ind).toMatchObject({ latestValue: 3.75, latestOn: today });
    // closed again (reopened and closed): still one measurement of this round
    await db.transaction((tx) => onRoundClosed(tx, round));
    expect(await measured(leaderInd)).toHaveLength(1);
  });
});
