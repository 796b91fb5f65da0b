import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { indicators, initiatives } from '../../db/schema/index';
import { todayInCopenhagen } from '../../platform/time';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltSchool } from '../../test/factories';
import { markTargetsPassed } from './commands';
import { indicatorStatus } from './status';

/* An indicator past its target date that has not reached its target is not reached (issue 10), not "on track". */

const { app, database } = await testApp();
const db = database.db;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const today = todayInCopenhagen();

let school: BuiltSchool;
let head: TestClient;
let deptA = '';
let n = 0;

/** A fresh initiative of the department, a year long and ending today. */
async function initiative(): Promise<string> {
  const res = await head.post('/api/v1/initiatives', {
    title: `Logbøger ${++n}`,
    why: 'Eleven og praktikstedet ser den samme logbog.',
    level: 'department',
    departmentId: deptA,
    startsOn: addDays(today, -365),
    endsOn: today,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
const indicator = async (initiativeId: string, over: Record<string, unknown> = {}) => {
  const res = await head.post(`/api/v1/initiatives/${initiativeId}/indicators`, {
    name: 'Elever med aktiv logbog',
    unit: '%',
    baseline: 0,
    baselineOn: addDays(today, -40),
    target: 100,
    targetOn: addDays(today, -10),
    direction: 'increase',
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; status: string };
};
const measure = async (indicatorId: string, value: number, measuredOn: string) => {
  const res = await head.post(`/api/v1/indicators/${indicatorId}/measurements`, { value, measuredOn });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().indicatorStatus as string;
};
const detail = async (id: string) => (await head.get(`/api/v1/initiatives/${id}`)).json();

beforeAll(async () => {
  school = await buildSchool(db, { departments: ['Sundhed og Omsorg'] });
  deptA = school.departments[0]?.id ?? '';
  head = await signIn(app, (await buildPerson(db, school, { roles: ['department_head'], departmentId: deptA })).email);
});

describe('an indicator past its target date', () => {
  it('that missed the target is not reached, and its initiative, the list filter, the Overblik and its off-track list follow', async () => {
    const id = await initiative();
    const ind = await indicator(id);
    // 60 of the 66.7 expected 20 days ago is 90 % of the way: "behind" while there was time, not reached now
    expect(await measure(ind.id, 60, addDays(today, -20))).toBe('not_reached');
    const d = await detail(id);
    expect(d.indicators[0].status).toBe('not_reached');
    expect(d).toMatchObject({ computedStatus: 'not_reached', status: 'not_reached' });
    const list = (await head.get('/api/v1/initiatives?status=not_reached')).json() as { id: string }[];
    expect(list.map((i) => i.id)).toContain(id);
    const overview = (await head.get('/api/v1/strategy/overview')).json();
    expect(overview.total.not_reached).toBeGreaterThanOrEqual(1);
    expect(overview.offTrackIndicators.map((i: { id: string }) => i.id)).toContain(ind.id);
  });

  it('that met its target by then, or met it later, is not "not reached"', async () => {
    const id = await initiative();
    const met = await indicator(id);
    expect(await measure(met.id, 100, addDays(today, -12))).toBe('on_track');
    const late = await indicator(id);
    expect(await measure(late.id, 40, addDays(today, -15))).toBe('not_reached');
    expect(await measure(late.id, 100, today)).toBe('on_track');
    const fewer = await indicator(id, { baseline: 20, target: 10, direction: 'decrease' });
    expect(await measure(fewer.id, 9.5, addDays(today, -11))).toBe('on_track');
    expect((await detail(id)).computedStatus).toBe('on_track');
  });

  it('a maintained indicator is reached within its tolerance and not reached outside it', async () => {
    const id = await initiative();
    const keep = await indicator(id, { baseline: 90, target: 90, direction: 'maintain', tolerance: 2 });
    expect(await measure(keep.id, 88.5, addDays(today, -11))).toBe('on_track');
    expect(await measure(keep.id, 87, addDays(today, -10))).toBe('not_reached');
  });

  it('one added after its target date without a measurement is not reached at once, and so is its initiative', async () => {
    const id = await initiative();
    expect((await indicator(id)).status).toBe('not_reached');
    expect((await detail(id)).computedStatus).toBe('not_reached');
  });
});

describe('the target date passing', () => {
  it('the background job marks an indicator not reached the day after its target date, without a new measurement, and its initiative follows', async () => {
    const id = await initiative();
    const ind = await indicator(id, { baselineOn: addDays(today, -30), targetOn: today });
    const reached = await indicator(id, { baselineOn: addDays(today, -30), targetOn: today });
    // on track today: 97 of the 100 expected
    expect(await measure(ind.id, 97, today)).toBe('on_track');
    expect(await measure(reached.id, 100, today)).toBe('on_track');
    expect((await detail(id)).computedStatus).toBe('on_track');
    // The job runs over every school; on a shared PostgreSQL database other test files' schools are there too, so this school's rows are what is checked.
    const statusOf = async (indicatorId: string) => (await db.select({ s: indicators.status }).from(indicators).where(and(eq(indicators.schoolId, school.id), eq(indicators.id, indicatorId))))[0]?.s;
    await markTargetsPassed(db, today);
    expect(await statusOf(ind.id)).toBe('on_track');

    const tomorrow = addDays(today, 1);
    const first = await markTargetsPassed(db, tomorrow);
    expect(first.notReached).toBeGreaterThanOrEqual(1);
    expect(await statusOf(ind.id)).toBe('not_reached');
    expect(await statusOf(reached.id)).toBe('on_track');
    const [row] = await db.select({ s: initiatives.computedStatus }).from(initiatives).where(and(eq(initiatives.schoolId, school.id), eq(initiatives.id, id)));
    expect(row?.s).toBe('not_reached');
    // nothing left to change on the same day
    await markTargetsPassed(db, tomorrow);
    expect(await statusOf(ind.id)).toBe('not_reached');
    expect(await statusOf(reached.id)).toBe('on_track');
  });

  it('the rule itself: the day after the target date, a missed or missing value is not reached; on the date itself there is still time', () => {
    const ind = { baseline: 0, baselineOn: '2030-01-01', target: 100, targetOn: '2030-01-11', direction: 'increase' as const, tolerance: null };
    expect(indicatorStatus(ind, { value: 97, measuredOn: '2030-01-11' }, '2030-01-11')).toBe('on_track');
    expect(indicatorStatus(ind, { value: 97, measuredOn: '2030-01-11' }, '2030-01-12')).toBe('not_reached');
    expect(indicatorStatus(ind, { value: 100, measuredOn: '2030-01-11' }, '2030-01-12')).toBe('on_track');
    expect(indicatorStatus(ind, null, '2030-01-11')).toBe('no_data');
    expect(indicatorStatus(ind, null, '2030-01-12')).toBe('not_reached');
  });
});
