import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TSurveyReport } from '../../../shared/api/surveys-report';
import { indicators, measurements, strategyTerms, surveyAreaMeans } from '../../db/schema/index';
import { THRESHOLD } from '../../platform/anonymity';
import { todayInCopenhagen } from '../../platform/time';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildCoordinator, buildPerson, buildSchool, type BuiltSchool } from '../../test/factories';
import { seedItems, seedSurveyRound, type SeedSheet } from './report-seed';

/* The report routes: anonymity under every filter, nothing before the close, gap and trend, CSV/PDF, "Opret indsats" and the network view. */

const { app, database } = await testApp();
const db = database.db;
const today = todayInCopenhagen();
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const GROUPS = ['leader', 'teacher'];
const items = seedItems(['ledelse', 'videndeling'], 2, GROUPS);

let school: BuiltSchool;
let deptA = '';
let deptB = '';
let director: TestClient;
let teacher: TestClient;
let head: TestClient;
let currentId = '';

/** n sheets of a group in a department, answering each item by `f(i, itemIndex)`; comments optional. */
const sheets = (group: string, departmentId: string, n: number, f: (i: number, k: number) => number | 'dont_know', comment?: string): SeedSheet[] =>
  Array.from({ length: n }, (_, i) => ({
    group,
    departmentId,
    answers: Object.fromEntries(items.map((it, k) => [it.key, f(i, k)])),
    ...(comment ? { comments: { ledelse: `${comment} ${i}` } } : {}),
  }));
const report = async (id: string, q = '') => {
  const res = await director.get(`/api/v1/surveys/rounds/${id}/report${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TSurveyReport;
};
/** Every count of people in an answer. */
function counts(v: unknown, path = ''): { path: string; n: number }[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => counts(x, `${path}[${i}]`));
  if (v === null || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, x]) => (['count', 'respondents'].includes(k) && typeof x === 'number' ? [{ path: `${path}.${k}`, n: x }] : counts(x, `${path}.${k}`)));
}

beforeAll(async () => {
  school = await buildSchool(db, { departments: ['Anlæg', 'Handel'] });
  [deptA, deptB] = school.departments.map((d) => d.id) as [string, string];
  director = await signIn(app, (await buildPerson(db, school, { roles: ['top_management'], departmentId: null })).email);
  teacher = await signIn(app, (await buildPerson(db, school, { roles: ['teacher'], departmentId: deptA })).email);
  head = await signIn(app, (await buildPerson(db, school, { roles: ['department_head'], departmentId: deptA })).email);
  await seedSurveyRound(db, school.id, {
    name: 'Forår',
    opensOn: addDays(today, -200),
    closesOn: addDays(today, -180),
    groups: GROUPS,
    items,
    closed: true,
    sheets: [...sheets('leader', deptA, 5, (i) => (i % 2) + 3), ...sheets('teacher', deptA, 6, (i) => (i % 2) + 3)],
  });
  // Leaders 6 in A; teachers 6 in A and 3 in B (so B is hidden, and A with it).
  const current = await seedSurveyRound(db, school.id, {
    name: 'Efterår',
    opensOn: addDays(today, -20),
    closesOn: addDays(today, -1),
    groups: GROUPS,
    items,
    sheets: [
      ...sheets('leader', deptA, 6, (i, k) => (k === 0 ? 5 - (i % 2) : (i % 3) + 3)),
      ...sheets('teacher', deptA, 6, (i, k) => (k === 0 ? 1 + (i % 2) : (i % 3) + 2), 'Mere tid'),
      ...sheets('teacher', deptB, 3, (i) => (i % 2) + 1, 'Flere skærme'),
    ],
  });
  currentId = current.id;
  const close = await director.post(`/api/v1/surveys/rounds/${currentId}/close`, {});
  expect(close.statusCode, close.body).toBeLessThan(300);
});

describe('the report of a closed round', () => {
  it('shows each group, the gap between leaders and teachers (largest first) and the trend', async () => {
    const r = await report(currentId);
    expect(r.results).toBe('final');
    expect(r.groups.map((g) => [g.group, g.respondents])).toEqual([
      ['leader', 6],
      ['teacher', 9],
    ]);
    // ledelse-1: leaders 4.5, teachers (6 × 1.5 + 1+2+1) / 9 = 1.44
    expect(r.gap.items[0]).toMatchObject({ key: 'ledelse-1', a: 4.5, b: 1.44, gap: 3.06 });
    expect(r.firstLook.gaps[0]?.key).toBe('ledelse-1');
    expect(r.trend.rounds.map((x) => x.name)).toEqual(['Forår', 'Efterår']);
    const teacherLedelse = r.trend.areas.find((s) => s.group === 'teacher' && s.area === 'ledelse');
    expect(teacherLedelse?.points[0]?.mean).toBe(3.5);
    expect(r.firstLook.falls[0]).toMatchObject({ group: 'teacher', key: 'ledelse-1', previous: 3.5, current: 1.44 });
    expect(r.abilities).toContain('surveyRound:createInitiative');
  });

  it('under every filter (group × department) shows no count of 1–4 and no department the school would give away', async () => {
    const depts = ['', `&department=${deptA}`, `&department=${deptB}`, '&department=none'];
    for (const g of ['', '&group=leader', '&group=teacher']) {
      for (const d of depts) {
        const r = await report(currentId, `?compare=leader,teacher${g}${d}`);
        for (const { path, n } of counts(r)) expect(n === 0 || n >= THRESHOLD, `${g}${d} ${path} = ${n}`).toBe(true);
        const teachers = r.groups.find((x) => x.group === 'teacher');
        // teachers: A has 6, B has 3 → B is hidden, and A with it (9 − 6 = 3 would show B)
        for (const dept of teachers?.departments ?? []) expect(dept.respondents).toBeNull();
        for (const it of teachers?.items ?? []) for (const c of it.departments) expect(c.cell.mean).toBeNull();
        if (d) expect(r.groups.every((x) => x.departments.length <= 1)).toBe(true);
      }
    }
    const leaders = (await report(currentId, `?department=${deptA}`)).groups.find((x) => x.group === 'leader');
    expect(leaders?.departments).toEqual([{ departmentId: deptA, name: 'Anlæg', respondents: 6 }]);
  });

  it('shows free text from 10 respondents (not 9), without order or time', async () => {
    const round = await seedSurveyRound(db, school.id, {
      name: 'Kommentarer',
      opensOn: addDays(today, -30),
      closesOn: addDays(today, -25),
      groups: GROUPS,
      items,
      closed: true,
      sheets: [...sheets('leader', deptA, 10, (i) => (i % 3) + 2, 'Leder'), ...sheets('teacher', deptA, 9, (i) => (i % 3) + 2, 'Lærer')],
    });
    const r = await report(round.id);
    const textsOf = (g: string) => r.groups.find((x) => x.group === g)?.freeText.find((f) => f.area === 'ledelse')?.texts;
    expect(textsOf('leader')?.slice().sort()).toEqual(Array.from({ length: 10 }, (_, i) => `Leder ${i}`).sort());
    expect(textsOf('teacher')).toBeNull();
    expect(r.groups.find((x) => x.group === 'teacher')?.freeText.find((f) => f.area === 'videndeling')?.texts).toBeNull();
    // the same department alone holds all ten leaders: its filter shows them too
    const a = await report(round.id, `?department=${deptA}&group=leader`);
    expect(a.groups[0]?.freeText.find((f) => f.area === 'ledelse')?.texts).toHaveLength(10);
  });

  it('refuses a bad filter naming the field, and another school’s round is 404', async () => {
    const bad = await director.get(`/api/v1/surveys/rounds/${currentId}/report?compare=leader`);
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json())).toContain('compare');
    const other = await buildSchool(db, { departments: ['X'] });
    const otherRound = await seedSurveyRound(db, other.id, { name: 'Anden', opensOn: addDays(today, -5), closesOn: addDays(today, -1), groups: GROUPS, items, closed: true, sheets: [] });
    expect((await director.get(`/api/v1/surveys/rounds/${otherRound.id}/report`)).statusCode).toBe(404);
    expect((await teacher.get(`/api/v1/surveys/rounds/${currentId}/report`)).statusCode).toBe(403);
  });

  it('downloads CSV (formula-guarded) and PDF', async () => {
    const csv = await director.get(`/api/v1/surveys/rounds/${currentId}/report.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Gruppe;Type;Område');
    expect(csv.body).toContain('Udsagn 1 om ledelse');
    expect(csv.body).not.toMatch(/;[=+@-][^;]*\d/);
    const pdf = await director.get(`/api/v1/surveys/rounds/${currentId}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('before the close', () => {
  it('shows nothing of an open round, and with live results only the published steps', async () => {
    const open = await seedSurveyRound(db, school.id, {
      name: 'Åben',
      opensOn: addDays(today, -3),
      closesOn: addDays(today, 10),
      groups: GROUPS,
      items,
      publishedPerCell: 5,
      sheets: [...sheets('leader', deptA, 7, (i) => (i % 3) + 2), ...sheets('teacher', deptA, 4, (i) => (i % 3) + 2)],
    });
    const none = await report(open.id);
    expect(none.results).toBe('none');
    expect(none.groups.every((g) => g.respondents === null && g.items.every((i) => i.school.suppressed))).toBe(true);
    expect(none.abilities).toEqual([]);
    const settings = await director.patch('/api/v1/surveys/settings', { liveResults: true });
    expect(settings.statusCode, settings.body).toBe(200);
    try {
      const live = await report(open.id);
      expect(live.results).toBe('live');
      // 7 leaders have answered, 5 are published; the 4 teachers show nothing
      expect(live.groups.map((g) => [g.group, g.respondents])).toEqual([
        ['leader', 5],
        ['teacher', null],
      ]);
    } finally {
      await director.patch('/api/v1/surveys/settings', { liveResults: false });
    }
  });
});

describe('Opret indsats', () => {
  it('creates a draft initiative with an indicator tied to the item, listed on the item, measured at the next close', async () => {
    const res = await director.post(`/api/v1/surveys/rounds/${currentId}/items/ledelse-1/initiative`, { groups: ['teacher', 'leader'] });
    expect(res.statusCode, res.body).toBe(201);
    const { initiativeId, indicatorIds } = res.json() as { initiativeId: string; indicatorIds: string[] };
    const initiative = (await director.get(`/api/v1/initiatives/${initiativeId}`)).json();
    expect(initiative).toMatchObject({ title: 'Udsagn 1 om ledelse', level: 'central', sigtelinjer: ['1'] });
    expect(initiative.why).toContain('Efterår');
    expect(initiative.why).toContain('forskel 3,1');
    const inds = await db.select().from(indicators).where(and(eq(indicators.schoolId, school.id), eq(indicators.initiativeId, initiativeId)));
    expect(inds.map((i) => [i.source, i.baseline]).sort()).toEqual(
      [
        [{ kind: 'survey_item', itemKey: 'ledelse-1', group: 'teacher' }, 1.44],
        [{ kind: 'survey_item', itemKey: 'ledelse-1', group: 'leader' }, 4.5],
      ].sort(),
    );
    const r = await report(currentId);
    expect(r.groups.find((g) => g.group === 'teacher')?.items.find((i) => i.key === 'ledelse-1')?.initiatives).toEqual([{ id: initiativeId, title: 'Udsagn 1 om ledelse' }]);

    // the next round closes: the teacher indicator gets the item's new mean
    const next = await seedSurveyRound(db, school.id, {
      name: 'Næste',
      opensOn: today,
      closesOn: addDays(today, 30),
      groups: GROUPS,
      items,
      sheets: [...sheets('teacher', deptA, 5, (i) => (i % 2) + 2), ...sheets('leader', deptA, 4, () => 4)],
    });
    expect((await director.post(`/api/v1/surveys/rounds/${next.id}/close`, {})).statusCode).toBeLessThan(300);
    const ms = await db.select().from(measurements).where(and(eq(measurements.schoolId, school.id), eq(measurements.source, `survey:${next.id}`)));
    const teacherInd = inds.find((i) => i.source?.group === 'teacher')?.id;
    expect(ms.map((m) => [m.indicatorId, m.value])).toEqual([[teacherInd, 2.4]]);
    expect(indicatorIds).toHaveLength(2);
  });

  it('refuses a group the item was not asked of, and a department head only for his own department', async () => {
    const bad = await director.post(`/api/v1/surveys/rounds/${currentId}/items/ledelse-1/initiative`, { groups: ['student'] });
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json())).toContain('groups.0');
    const unknown = await director.post(`/api/v1/surveys/rounds/${currentId}/items/nope/initiative`, { groups: ['leader'] });
    expect(unknown.statusCode).toBe(422);
    expect((await head.post(`/api/v1/surveys/rounds/${currentId}/items/ledelse-1/initiative`, { groups: ['leader'], departmentId: deptB })).statusCode).toBe(403);
    expect((await head.post(`/api/v1/surveys/rounds/${currentId}/items/ledelse-1/initiative`, { groups: ['leader'], departmentId: deptA })).statusCode).toBe(201);
  });

  it("leaves the sigtelinje for the leader to choose when the school has archived the area's", async () => {
    await db.insert(strategyTerms).values({ schoolId: school.id, kind: 'sigtelinje', key: '1', label: 'Arkiveret', archived: true });
    try {
      const res = await director.post(`/api/v1/surveys/rounds/${currentId}/items/ledelse-1/initiative`, { groups: ['leader'] });
      expect(res.statusCode, res.body).toBe(201);
      const initiative = (await director.get(`/api/v1/initiatives/${(res.json() as { initiativeId: string }).initiativeId}`)).json();
      expect(initiative.sigtelinjer).toEqual([]);
    } finally {
      await db.delete(strategyTerms).where(and(eq(strategyTerms.schoolId, school.id), eq(strategyTerms.key, '1')));
    }
  });
});

describe('the network', () => {
  it('gives the coordinator quartiles where 5 schools have a figure, and counts of respondents per school', async () => {
    const net = `Selvevalueringsnet ${Math.random()}`;
    const schools: BuiltSchool[] = [];
    // one after the other: the first creates the network the others join
    for (let i = 0; i < 5; i++) schools.push(await buildSchool(db, { name: `Net ${i}`, network: net, departments: [] }));
    for (const [i, s] of schools.entries()) {
      const r = await seedSurveyRound(db, s.id, { name: 'R', opensOn: addDays(today, -9), closesOn: addDays(today, -2), groups: GROUPS, items, closed: true, sheets: [] });
      await db.insert(surveyAreaMeans).values([
        { schoolId: s.id, roundId: r.id, group: 'leader', area: 'ledelse', respondents: 8, mean: 2 + i * 0.5, closesOn: r.closesOn },
        { schoolId: s.id, roundId: r.id, group: 'teacher', area: 'ledelse', respondents: 8, mean: i < 4 ? 3 : null, closesOn: r.closesOn },
      ]);
    }
    const coordinator = await signIn(app, (await buildCoordinator(db, schools[0]?.networkId ?? '')).email);
    const res = await coordinator.get('/api/v1/network/surveys');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.benchmark).toEqual([{ group: 'leader', area: 'ledelse', title: { da: 'Ledelse', en: 'Leadership' }, benchmark: { schools: 5, q1: 2.5, median: 3, q3: 3.5 } }]);
    expect(body.schools).toHaveLength(5);
    expect(JSON.stringify(body)).not.toContain('"mean"');
    expect((await director.get('/api/v1/network/surveys')).statusCode).toBe(403);
  });
});
