import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TDialogueComparison, TDialogueResults } from '../../../shared/api/dialogue-results';
import type { TDecision } from '../../../shared/api/strategy';
import { dialogueComments, dialogueParticipants, initiatives, strategyDecisions } from '../../db/schema/index';
import { DIALOGUE_THRESHOLD } from '../../platform/anonymity';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltSchool } from '../../test/factories';
import { around, seedDialogueSession } from './results-seed';

/* After the session: results, comparison, boundary view, CSV/PDF and "Træf beslutning" through the API. */

const { app, database } = await testApp();
const db = database.db;
const VERTICAL = 'centrale-decentrale-beslutninger';
const HORIZONTAL = 'teknik-paedagogik';
const FEW = 'kultur-strategi';
const ONLY_TEACHERS = 'systematik-kaos';

let school: BuiltSchool;
let other: BuiltSchool;
let deptA = '';
let deptB = '';
let director: TestClient;
let consultant: TestClient;
let head: TestClient;
let teacher: TestClient;
let teachersId = '';
let leadersId = '';
let openId = '';
let foreignId = '';
let headOwnId = '';

beforeAll(async () => {
  school = await buildSchool(db, { departments: ['Anlæg', 'Handel'] });
  other = await buildSchool(db, { name: 'Anden skole' });
  [deptA, deptB] = school.departments.map((d) => d.id) as [string, string];
  director = await signIn(app, (await buildPerson(db, school, { roles: ['top_management'], departmentId: null })).email);
  consultant = await signIn(app, (await buildPerson(db, school, { roles: ['internal_consultant'], departmentId: null })).email);
  head = await signIn(app, (await buildPerson(db, school, { roles: ['department_head'], departmentId: deptA })).email);
  teacher = await signIn(app, (await buildPerson(db, school, { roles: ['teacher'], departmentId: deptA })).email);
  const pairs = [
    { key: VERTICAL, boundary: 'vertical' },
    { key: HORIZONTAL, boundary: 'horizontal' },
    { key: FEW, boundary: 'vertical' },
  ];
  const below = DIALOGUE_THRESHOLD - 1;
  teachersId = (
    await seedDialogueSession(db, school.id, {
      title: 'Pædagogisk dag',
      pairs: [...pairs, { key: ONLY_TEACHERS, boundary: 'stakeholder' }],
      answers: { [VERTICAL]: around(9, 20, 80), [HORIZONTAL]: around(9, 40, 60), [FEW]: around(below, 50, 50), [ONLY_TEACHERS]: around(5, 10, 10) },
    })
  ).session.id;
  leadersId = (
    await seedDialogueSession(db, school.id, {
      title: 'Ledelsesteamet',
      mode: 'async',
      departmentId: deptB,
      pairs,
      answers: { [VERTICAL]: around(5, 70, 30), [HORIZONTAL]: around(5, 45, 70), [FEW]: around(5, 10, 90) },
    })
  ).session.id;
  openId = (await seedDialogueSession(db, school.id, { title: 'Åben', status: 'open', pairs, answers: { [VERTICAL]: around(4, 50, 50) } })).session.id;
  headOwnId = (await seedDialogueSession(db, school.id, { title: 'Anlæg', departmentId: deptA, pairs, answers: { [VERTICAL]: around(4, 30, 60) } })).session.id;
  foreignId = (await seedDialogueSession(db, other.id, { title: 'Fremmed', pairs, answers: { [VERTICAL]: around(4, 50, 50) } })).session.id;
});

const results = async (id: string, as = consultant) => {
  const res = await as.get(`/api/v1/dialogue/sessions/${id}/results`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TDialogueResults;
};

describe('results of a closed session', () => {
  it('gives per pair the counts, the distribution and medians from the threshold, and the shift', async () => {
    const r = await results(teachersId);
    expect(r.session).toMatchObject({ title: 'Pædagogisk dag', participants: 9 });
    const vertical = r.items.find((i) => i.pairKey === VERTICAL);
    expect(vertical).toMatchObject({ boundary: 'vertical', now: { count: 9, shown: true, median: 20 }, wanted: { count: 9, shown: true, median: 80 }, shift: 60 });
    expect(vertical?.now.values).toHaveLength(9);
    expect(vertical?.now.values).toEqual([...(vertical?.now.values ?? [])].sort((a, b) => a - b));
    expect(r.boundaries.find((b) => b.key === 'vertical')?.name.da).toBeTruthy();
  });

  it('under the threshold gives the count alone: no values, no median, no shift', async () => {
    const few = (await results(teachersId)).items.find((i) => i.pairKey === FEW);
    expect(few).toMatchObject({ now: { count: DIALOGUE_THRESHOLD - 1, shown: false }, wanted: { shown: false }, shift: null });
    expect(few?.now).not.toHaveProperty('values');
    expect(few?.now).not.toHaveProperty('median');
  });

  it('gives the approved comments with their nickname, never a pending or hidden one', async () => {
    const { session, items } = await seedDialogueSession(db, school.id, { title: 'Kommentarer', pairs: [{ key: VERTICAL, boundary: 'vertical' }], answers: {} });
    const [p] = await db.insert(dialogueParticipants).values({ schoolId: school.id, sessionId: session.id, nickname: 'Mette' }).returning();
    const itemId = items[0]?.id ?? '';
    await db.insert(dialogueComments).values([
      { schoolId: school.id, sessionId: session.id, itemId, participantId: p?.id ?? null, text: 'Godkendt', status: 'approved' },
      { schoolId: school.id, sessionId: session.id, itemId, participantId: null, text: 'Venter', status: 'pending' },
      { schoolId: school.id, sessionId: session.id, itemId, participantId: null, text: 'Skjult', status: 'hidden' },
    ]);
    expect((await results(session.id)).items[0]?.comments).toEqual([{ text: 'Godkendt', nickname: 'Mette' }]);
  });

  it('names no participant anywhere in the answer', async () => {
    const body = JSON.stringify(await results(teachersId));
    expect(body).not.toMatch(/participant(Id)?"/);
  });

  it('refuses a session that is not closed, another school, and those who may not facilitate', async () => {
    const open = await consultant.get(`/api/v1/dialogue/sessions/${openId}/results`);
    expect(open.statusCode).toBe(409);
    expect(open.json().code).toBe('dialogue_not_closed');
    expect((await consultant.get(`/api/v1/dialogue/sessions/${foreignId}/results`)).statusCode).toBe(404);
    expect((await teacher.get(`/api/v1/dialogue/sessions/${teachersId}/results`)).statusCode).toBe(403);
    // a department head reads his own department's session, not another department's
    expect((await head.get(`/api/v1/dialogue/sessions/${headOwnId}/results`)).statusCode).toBe(200);
    expect((await head.get(`/api/v1/dialogue/sessions/${leadersId}/results`)).statusCode).toBe(403);
  });

  it('CSV: per pair and slider the count, median and answers per tenth; a hidden slider has its count only', async () => {
    const res = await consultant.get(`/api/v1/dialogue/sessions/${teachersId}/results.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('0–9');
    expect(lines[0]).toContain('90–100');
    expect(lines).toHaveLength(1 + 4 * 2);
    const verticalNow = lines.find((l) => l.startsWith(`${VERTICAL};`))?.split(';') ?? [];
    const tenths = verticalNow.slice(-10).map(Number);
    expect(tenths.reduce((s, n) => s + n, 0)).toBe(9);
    const fewNow = lines.find((l) => l.startsWith(`${FEW};`))?.split(';') ?? [];
    expect(fewNow[4]).toBe(String(DIALOGUE_THRESHOLD - 1));
    expect(fewNow.slice(-10).every((c) => c === '')).toBe(true);
  });

  it('PDF in the reader’s language', async () => {
    const res = await consultant.get(`/api/v1/dialogue/sessions/${teachersId}/results.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('comparison and boundary view', () => {
  const compare = async (a: string, b: string, as = consultant) => {
    const res = await as.get(`/api/v1/dialogue/compare?a=${a}&b=${b}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as TDialogueComparison;
  };

  it('matches pairs by key and gives the distance only where both are shown', async () => {
    const c = await compare(teachersId, leadersId);
    expect(c.pairs.map((p) => p.pairKey)).toEqual([VERTICAL, HORIZONTAL, FEW]);
    expect(c.pairs[0]).toMatchObject({ a: { now: 20, wanted: 80 }, b: { now: 70, wanted: 30 }, distanceNow: 50, distanceWanted: 50, gap: 50 });
    expect(c.pairs[2]).toMatchObject({ a: { now: null, wanted: null }, distanceNow: null, distanceWanted: null, gap: null });
  });

  it('the boundary view puts the vertical boundary first, its gap from the pairs that have one', async () => {
    const c = await compare(teachersId, leadersId);
    expect(c.boundaries[0]).toMatchObject({ boundary: 'vertical', pairs: 1, largest: 50, mean: 50, largestPairKey: VERTICAL });
    expect(c.boundaries.map((b) => b.boundary)).toEqual(['vertical', 'horizontal']);
  });

  it('refuses the same session twice, another school’s session on either side, and an open one', async () => {
    expect((await consultant.get(`/api/v1/dialogue/compare?a=${teachersId}&b=${teachersId}`)).statusCode).toBe(422);
    expect((await consultant.get(`/api/v1/dialogue/compare?a=${teachersId}&b=${foreignId}`)).statusCode).toBe(404);
    expect((await consultant.get(`/api/v1/dialogue/compare?a=${foreignId}&b=${teachersId}`)).statusCode).toBe(404);
    expect((await consultant.get(`/api/v1/dialogue/compare?a=${teachersId}&b=${openId}`)).statusCode).toBe(409);
    expect((await consultant.get(`/api/v1/dialogue/compare?a=${teachersId}&b=nope`)).statusCode).toBe(422);
    const missing = await consultant.get(`/api/v1/dialogue/compare?a=${teachersId}`);
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors[0].field).toBe('b');
    expect((await teacher.get('/api/v1/dialogue/compare')).statusCode).toBe(403);
  });
});

describe('Træf beslutning', () => {
  const input = { pairKey: VERTICAL, compareWith: undefined as string | undefined, level: 'central', what: 'Afdelingerne vælger selv deres værktøjer', why: 'Lærerne og ledelsen ser beslutningerne forskelligt', decidedOn: '2026-11-30' };

  it('writes a decision with the sessions and the pair as its source, shown in the decision log', async () => {
    const res = await director.post(`/api/v1/dialogue/sessions/${teachersId}/decisions`, { ...input, compareWith: leadersId });
    expect(res.statusCode, res.body).toBe(201);
    const { decisionId, initiativeId } = res.json() as { decisionId: string; initiativeId: string | null };
    expect(initiativeId).toBeNull();
    const log = (await teacher.get('/api/v1/decisions')).json() as TDecision[];
    const d = log.find((x) => x.id === decisionId);
    expect(d).toMatchObject({ what: input.what, level: 'central', initiativeId: null });
    expect(d?.source).toEqual({ kind: 'dialogue', sessionIds: [teachersId, leadersId], sessionTitles: ['Pædagogisk dag', 'Ledelsesteamet'], pairKey: VERTICAL, pairLabel: 'Centrale beslutninger – decentrale beslutninger' });
  });

  it('optionally makes an initiative draft linked to the decision', async () => {
    const res = await director.post(`/api/v1/dialogue/sessions/${teachersId}/decisions`, { ...input, initiative: true });
    expect(res.statusCode, res.body).toBe(201);
    const { decisionId, initiativeId } = res.json() as { decisionId: string; initiativeId: string };
    const [decision] = await db.select().from(strategyDecisions).where(and(eq(strategyDecisions.schoolId, school.id), eq(strategyDecisions.id, decisionId)));
    expect(decision?.initiativeId).toBe(initiativeId);
    const [initiative] = await db.select().from(initiatives).where(and(eq(initiatives.schoolId, school.id), eq(initiatives.id, initiativeId)));
    expect(initiative).toMatchObject({ title: input.what, level: 'central' });
  });

  it('refuses a pair the sessions do not share, writing nothing', async () => {
    const before = (await db.select().from(strategyDecisions).where(eq(strategyDecisions.schoolId, school.id))).length;
    const res = await director.post(`/api/v1/dialogue/sessions/${teachersId}/decisions`, { ...input, pairKey: ONLY_TEACHERS, compareWith: leadersId, initiative: true });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('pairKey');
    expect((await db.select().from(strategyDecisions).where(eq(strategyDecisions.schoolId, school.id))).length).toBe(before);
    expect((await director.post(`/api/v1/dialogue/sessions/${openId}/decisions`, input)).statusCode).toBe(409);
  });

  it('follows decision:create: not the consultant; a head for his own department only', async () => {
    expect((await consultant.post(`/api/v1/dialogue/sessions/${teachersId}/decisions`, input)).statusCode).toBe(403);
    const own = { ...input, level: 'department', departmentId: deptA };
    expect((await head.post(`/api/v1/dialogue/sessions/${headOwnId}/decisions`, own)).statusCode).toBe(201);
    expect((await head.post(`/api/v1/dialogue/sessions/${headOwnId}/decisions`, input)).statusCode).toBe(403);
    expect((await head.post(`/api/v1/dialogue/sessions/${headOwnId}/decisions`, { ...own, departmentId: deptB })).statusCode).toBe(403);
    expect((await director.post(`/api/v1/dialogue/sessions/${foreignId}/decisions`, input)).statusCode).toBe(404);
  });
});
