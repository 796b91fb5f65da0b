import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { schools } from '../../db/schema/index';
import { todayInCopenhagen } from '../../platform/time';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltSchool } from '../../test/factories';
import { schoolYearOf, schoolYearStarting } from './school-year';

/* The årshjul moves between school years (issue 10): GET /calendar?schoolYear=<the year it starts>. */

const { app, database } = await testApp();
const db = database.db;
const today = todayInCopenhagen();
const current = schoolYearOf(8, today);
const previous = schoolYearStarting(8, current.startYear - 1);
const next = schoolYearStarting(8, current.startYear + 1);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

type Calendar = { from: string; to: string; schoolYear: number; items: { title: string; startsOn: string }[] };
let school: BuiltSchool;
let boss: TestClient;
let teacher: TestClient;
const titles = (c: Calendar) => c.items.map((i) => i.title).sort();

beforeAll(async () => {
  school = await buildSchool(db);
  boss = await signIn(app, (await buildPerson(db, school, { roles: ['top_management'], departmentId: null })).email);
  teacher = await signIn(app, (await buildPerson(db, school, { roles: ['teacher'] })).email);
  for (const [title, startsOn] of [
    ['Strategiseminar sidste år', addDays(previous.start, 190)],
    ['Sidste dag sidste år', previous.end],
    ['Skolestart i år', current.start],
    ['Strategiseminar i år', addDays(current.start, 190)],
    ['Skolestart næste år', addDays(next.start, 10)],
  ] as const) {
    expect((await boss.post('/api/v1/calendar/items', { title, startsOn })).statusCode).toBe(201);
  }
});

describe('the årshjul by school year', () => {
  it("answers this school year by default, and the previous and the next by the year they start, each with that year's items only", async () => {
    const now = (await teacher.get('/api/v1/calendar')).json() as Calendar;
    expect(now).toMatchObject({ from: current.start, to: current.end, schoolYear: current.startYear });
    expect(titles(now)).toEqual(['Skolestart i år', 'Strategiseminar i år']);

    const before = await teacher.get(`/api/v1/calendar?schoolYear=${now.schoolYear - 1}`);
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({ from: previous.start, to: previous.end, schoolYear: previous.startYear });
    expect(titles(before.json())).toEqual(['Sidste dag sidste år', 'Strategiseminar sidste år']);

    const after = (await teacher.get(`/api/v1/calendar?schoolYear=${now.schoolYear + 1}`)).json() as Calendar;
    expect(after).toMatchObject({ from: next.start, to: next.end, schoolYear: next.startYear });
    expect(titles(after)).toEqual(['Skolestart næste år']);
  });

  it("follows the school's first month of the school year", async () => {
    const other = await buildSchool(db);
    await db
      .update(schools)
      .set({ settings: sql`jsonb_set(${schools.settings}, '{schoolYearStartMonth}', '1')` })
      .where(eq(schools.id, other.id));
    const reader = await signIn(app, (await buildPerson(db, other, { roles: ['teacher'] })).email);
    expect((await reader.get('/api/v1/calendar?schoolYear=2031')).json()).toMatchObject({ from: '2031-01-01', to: '2031-12-31', schoolYear: 2031, schoolYearStartMonth: 1 });
    const march = schoolYearStarting(3, 2027);
    expect(march).toEqual({ startYear: 2027, start: '2027-03-01', end: '2028-02-29' });
    expect(schoolYearOf(3, '2028-02-29')).toEqual(march);
  });

  it('a period (from, to) still works, and says which school year it starts in; a school year and a period together are refused, naming the field', async () => {
    const period = (await teacher.get(`/api/v1/calendar?from=${previous.end}&to=${current.start}`)).json() as Calendar;
    expect(period.schoolYear).toBe(previous.startYear);
    expect(titles(period)).toEqual(['Sidste dag sidste år', 'Skolestart i år']);
    const both = await teacher.get(`/api/v1/calendar?schoolYear=${current.startYear}&from=${current.start}`);
    expect(both.statusCode).toBe(422);
    expect(both.json().errors.map((e: { field: string }) => e.field)).toEqual(['schoolYear']);
    expect((await teacher.get('/api/v1/calendar?schoolYear=naeste')).statusCode).toBe(422);
  });
});
