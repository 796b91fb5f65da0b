import { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { competenceEnrolments } from './db/schema/index';
import { features } from './features/index';
import { writeAssessments } from './features/competence/bulk-assessments';
import { around, seedDialogueSession } from './features/dialogue/results-seed';
import { seedItems, seedSurveyRound } from './features/surveys/report-seed';
import { DIALOGUE_THRESHOLD, THRESHOLD } from './platform/anonymity';
import { todayInCopenhagen } from './platform/time';
import { testApp } from './test/app';
import { signIn, type TestClient } from './test/client';
import { buildCoordinator, buildPerson, buildSchool, type BuiltSchool } from './test/factories';

/**
 * Every route that answers with aggregates of people's answers (declared `aggregate: true`, and
 * found by its response shape too, so one cannot be forgotten) is requested against a school of
 * tiny and all-alike groups. No number of people in 1–4 may appear, no range of 1–4, and no total
 * may lead by subtraction to a hidden group of 1–4 (docs/ANONYMITY.md).
 */
const { app, database } = await testApp();
const db = database.db;
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const routes = features.flatMap((f) => f.routes).map((r) => ({ key: `${r.method} /api/v1${r.url}`, def: r }));
const aggregateRoutes = routes.filter((r) => r.def.aggregate === true).map((r) => r.key);

let school: BuiltSchool;
let director: TestClient;
let coordinator: TestClient;
let roundId: string;
let courseId: string;
let surveyRoundId: string;
let dialogueIds: [string, string];

const REQUESTS: Record<string, () => Promise<unknown>> = {
  'GET /api/v1/competence/heatmap': async () => (await director.get(`/api/v1/competence/heatmap?roundId=${roundId}`)).json(),
  'GET /api/v1/competence/rounds/:id/completion': async () => (await director.get(`/api/v1/competence/rounds/${roundId}/completion`)).json(),
  'GET /api/v1/competence/courses/:id/evaluation': async () => (await director.get(`/api/v1/competence/courses/${courseId}/evaluation`)).json(),
  'GET /api/v1/competence/national': async () => (await coordinator.get('/api/v1/competence/national')).json(),
  'GET /api/v1/surveys/rounds/:id/report': async () => (await director.get(`/api/v1/surveys/rounds/${surveyRoundId}/report`)).json(),
  'GET /api/v1/network/surveys': async () => (await coordinator.get('/api/v1/network/surveys')).json(),
  'GET /api/v1/surveys/rounds/:id': async () => (await director.get(`/api/v1/surveys/rounds/${surveyRoundId}`)).json(),
  'GET /api/v1/dialogue/sessions/:id/results': async () => (await director.get(`/api/v1/dialogue/sessions/${dialogueIds[0]}/results`)).json(),
  'GET /api/v1/dialogue/compare': async () => (await director.get(`/api/v1/dialogue/compare?a=${dialogueIds[0]}&b=${dialogueIds[1]}`)).json(),
};
/**
 * Workshops follow their own rule (docs/dialogue.md, "Privacy"): a slider's count is always shown,
 * its values and median only from DIALOGUE_THRESHOLD answers, and no figure is derived from a hidden one.
 */
const DIALOGUE = new Set(['GET /api/v1/dialogue/sessions/:id/results', 'GET /api/v1/dialogue/compare']);
function slidersIn(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(slidersIn);
  if (value === null || typeof value !== 'object') return [];
  const own = 'shown' in value && 'count' in value ? [value as Record<string, unknown>] : [];
  return [...own, ...Object.values(value).flatMap(slidersIn)];
}

/** Every count of people in the answer, with the path to it. */
function countsIn(value: unknown, path = ''): { path: string; n: number }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => countsIn(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) =>
    ['count', 'invited', 'submitted', 'respondents'].includes(k) && typeof v === 'number' ? [{ path: `${path}.${k}`, n: v }] : countsIn(v, `${path}.${k}`),
  );
}

beforeAll(async () => {
  const today = todayInCopenhagen();
  // Two departments of one person, one of six, one of five where everyone is at the same level.
  school = await buildSchool(db, { departments: ['En', 'To', 'Seks', 'Ens'] });
  const [one, two, six, alike] = school.departments.map((d) => d.id) as [string, string, string, string];
  const admin = await signIn(app, (await buildPerson(db, school, { roles: ['school_admin'], departmentId: null })).email);
  director = await signIn(app, (await buildPerson(db, school, { roles: ['top_management'], departmentId: null })).email);
  coordinator = await signIn(app, (await buildCoordinator(db, school.networkId)).email);
  const fw = (await admin.get('/api/v1/competence/framework')).json() as { id: string };
  roundId = (await admin.post('/api/v1/competence/rounds', { title: 'Lukket', opensOn: addDays(today, -20), closesOn: addDays(today, -1) })).json().id;
  const mk = (n: number, dep: string) => Promise.all(Array.from({ length: n }, () => buildPerson(db, school, { roles: ['teacher'], departmentId: dep, account: false })));
  const people = [...(await mk(1, one)), ...(await mk(1, two)), ...(await mk(6, six)), ...(await mk(5, alike))];
  await writeAssessments(db, school.id, roundId, fw.id, people, (p, c) => (p >= 8 ? 4 : (p * 2 + c) % 7));
  // A closed survey round: teachers 1, 2 and 6 per department, leaders 5 all alike.
  const items = seedItems(['ledelse'], 2, ['leader', 'teacher']);
  const sheet = (group: string, departmentId: string, v: (i: number) => number) => (_: unknown, i: number) => ({ group, departmentId, answers: { 'ledelse-1': v(i), 'ledelse-2': v(i + 1) } });
  surveyRoundId = (
    await seedSurveyRound(db, school.id, {
      name: 'Lukket',
      opensOn: addDays(today, -20),
      closesOn: addDays(today, -1),
      groups: ['leader', 'teacher'],
      items,
      closed: true,
      sheets: [
        ...Array.from({ length: 1 }, sheet('teacher', one, () => 2)),
        ...Array.from({ length: 2 }, sheet('teacher', two, (i) => (i % 5) + 1)),
        ...Array.from({ length: 6 }, sheet('teacher', six, (i) => (i % 5) + 1)),
        ...Array.from({ length: 5 }, sheet('leader', alike, () => 4)),
      ],
    })
  ).id;
  // A second school of the network with four respondents.
  const small = await buildSchool(db, { departments: ['Lille'] });
  const smallAdmin = await signIn(app, (await buildPerson(db, small, { roles: ['school_admin'], departmentId: null })).email);
  const smallFw = (await smallAdmin.get('/api/v1/competence/framework')).json() as { id: string };
  const smallRound = (await smallAdmin.post('/api/v1/competence/rounds', { title: 'L', opensOn: addDays(today, -20), closesOn: addDays(today, -1) })).json().id;
  const four = await Promise.all(Array.from({ length: 4 }, () => buildPerson(db, small, { roles: ['teacher'], departmentId: small.departments[0]?.id ?? null, account: false })));
  await writeAssessments(db, small.id, smallRound, smallFw.id, four, (p) => p);
  // Two closed workshops on two pairs: one pair answered by fewer than the dialogue threshold in the first.
  const pairs = [
    { key: 'teknik-paedagogik', boundary: 'horizontal' },
    { key: 'kultur-strategi', boundary: 'vertical' },
  ];
  const workshop = async (title: string, few: number) =>
    (await seedDialogueSession(db, school.id, { title, pairs, answers: { 'teknik-paedagogik': around(few, 30, 70), 'kultur-strategi': around(DIALOGUE_THRESHOLD, 40, 60) } })).session.id;
  dialogueIds = [await workshop('Lærerne', DIALOGUE_THRESHOLD - 1), await workshop('Ledelsen', DIALOGUE_THRESHOLD)];
  // A course that six people all rated 5.
  courseId = (await admin.post('/api/v1/competence/courses', { title: 'Alle gav 5', format: 'online_mini' })).json().id;
  await db.insert(competenceEnrolments).values(people.slice(2, 8).map((p) => ({ schoolId: school.id, courseId, personId: p.id, status: 'enrolled', source: 'self', rating: 5 })));
});

describe('aggregate routes', () => {
  it('are all declared, and each has a request here', () => {
    const looksAggregate = routes.filter(({ def }) => {
      const response = def.response as unknown;
      if (!(response instanceof z.ZodType)) return false;
      return /"(suppressed|meanRating)"/.test(JSON.stringify(z.toJSONSchema(response, { io: 'output', unrepresentable: 'any' })));
    });
    // every route that looks like one is declared (the workshops' results are declared without the tables' field names)
    expect(looksAggregate.map((r) => r.key).filter((k) => !aggregateRoutes.includes(k))).toEqual([]);
    expect(aggregateRoutes.filter((k) => !looksAggregate.some((r) => r.key === k) && !DIALOGUE.has(k))).toEqual([]);
    expect(Object.keys(REQUESTS).sort()).toEqual([...aggregateRoutes].sort());
  });

  it.each(Object.keys(REQUESTS))('%s shows no group, range or residual of 1–4 people', async (key) => {
    const body = (await REQUESTS[key]?.()) as Record<string, unknown>;
    if (DIALOGUE.has(key)) {
      const sliders = slidersIn(body);
      for (const s of sliders) {
        if (s.shown) expect(s.count as number).toBeGreaterThanOrEqual(DIALOGUE_THRESHOLD);
        else expect(s).not.toHaveProperty('values');
        if (!s.shown) expect(s).not.toHaveProperty('median');
      }
      if (key.endsWith('/results')) expect(sliders.some((s) => s.shown === false)).toBe(true);
      // the comparison has medians only: the pair under the threshold on one side has none there, and no distance
      else expect((body as { pairs: { pairKey: string }[] }).pairs.find((p) => p.pairKey === 'teknik-paedagogik')).toMatchObject({ a: { now: null, wanted: null }, distanceNow: null, distanceWanted: null, gap: null });
      return;
    }
    for (const { path, n } of countsIn(body)) expect(n === 0 || n >= THRESHOLD, `${key} ${path} = ${n}`).toBe(true);
    // Subtraction: a total minus its shown parts.
    const tables: { total: number | null | undefined; parts: (number | null)[] }[] = [];
    const h = body as { current?: { school: { count: number | null }; departments: { count: number | null }[] } };
    if (h.current) tables.push({ total: h.current.school.count, parts: h.current.departments.map((d) => d.count) });
    const c = body as { submitted?: number | null; departments?: { submitted: number | null }[] };
    if (c.departments && 'submitted' in c) tables.push({ total: c.submitted, parts: c.departments.map((d) => d.submitted) });
    const nat = body as { schools?: { count: number | null }[] };
    if (nat.schools) tables.push({ total: null, parts: nat.schools.map((s) => s.count) });
    for (const t of tables) {
      if (typeof t.total !== 'number') continue;
      const residual = t.total - t.parts.reduce<number>((s, n) => s + (n ?? 0), 0);
      expect(residual === 0 || residual >= THRESHOLD, `${key}: the total minus the shown groups leaves ${residual}`).toBe(true);
    }
  });

  it('hide the levels of the all-alike department and the rating everyone gave alike', async () => {
    const heat = (await REQUESTS['GET /api/v1/competence/heatmap']?.()) as { current: { departments: { name: string; cells: { mean: number | null }[] }[] } };
    const ens = heat.current.departments.find((d) => d.name === 'Ens');
    expect(ens?.cells.every((c) => c.mean === null)).toBe(true);
    expect(await REQUESTS['GET /api/v1/competence/courses/:id/evaluation']?.()).toMatchObject({ count: 6, meanRating: null });
  });
});
