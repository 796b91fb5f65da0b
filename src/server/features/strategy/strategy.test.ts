import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, calendarItems, indicators, initiatives, measurements, technologies } from '../../db/schema/index';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltPerson, type BuiltSchool } from '../../test/factories';
import { todayInCopenhagen } from '../../platform/time';

const { app, database } = await testApp();
const db = database.db;
type Problem = { code: string; errors?: { field: string; code: string; message: string }[] };
const fields = (body: Problem) => (body.errors ?? []).map((e) => e.field);

let school: BuiltSchool;
let other: BuiltSchool;
let boss: TestClient;
let head: TestClient;
let headOther: TestClient;
let teacher: TestClient;
let owner: BuiltPerson;
let ownerClient: TestClient;
let bossB: TestClient;
let deptA = '';
let deptB = '';

async function counts(schoolId: string) {
  const n = async (t: typeof initiatives | typeof indicators | typeof measurements | typeof auditEvents | typeof technologies) =>
    (await db.select({ n: count() }).from(t).where(eq(t.schoolId, schoolId)))[0]?.n;
  return { initiatives: await n(initiatives), indicators: await n(indicators), measurements: await n(measurements), technologies: await n(technologies), audit: await n(auditEvents) };
}

const strategyBody = { title: 'Pædagogisk-digital strategi 2025–2028', periodStart: '2025-08-01', periodEnd: '2028-07-31', mode: 'strategi', vision: 'Pædagogik før teknik', values: ['Nysgerrighed'], sigtelinjer: ['1', '3'], reformGoals: ['rg3'] };
const initiativeBody = (over: Record<string, unknown> = {}) => ({
  title: 'Feedback med video',
  why: 'Eleverne lærer mere, når de får feedback, de kan se igen.',
  level: 'department',
  departmentId: deptA,
  pedagogicalGoals: ['feedback'],
  sigtelinjer: ['3'],
  startsOn: '2024-01-01',
  endsOn: '2024-12-31',
  ...over,
});

beforeAll(async () => {
  school = await buildSchool(db, { departments: ['Bygge og Anlæg', 'Handel og Kontor'] });
  other = await buildSchool(db, { departments: ['Bygge og Anlæg'] });
  deptA = school.departments[0]?.id ?? '';
  deptB = school.departments[1]?.id ?? '';
  boss = await signIn(app, (await buildPerson(db, school, { roles: ['top_management'], departmentId: null })).email);
  head = await signIn(app, (await buildPerson(db, school, { roles: ['department_head'], departmentId: deptA })).email);
  headOther = await signIn(app, (await buildPerson(db, school, { roles: ['department_head'], departmentId: deptB })).email);
  teacher = await signIn(app, (await buildPerson(db, school, { roles: ['teacher'], departmentId: deptA })).email);
  owner = await buildPerson(db, school, { roles: ['teacher'], departmentId: deptA });
  ownerClient = await signIn(app, owner.email);
  bossB = await signIn(app, (await buildPerson(db, other, { roles: ['top_management'] })).email);
});

describe('strategy and versions', () => {
  it('top management creates, publishes, edits (new draft) and keeps earlier versions; others may not edit', async () => {
    const created = await boss.post('/api/v1/strategies', strategyBody);
    expect(created.statusCode).toBe(201);
    const s = created.json();
    expect(s).toMatchObject({ status: 'draft', version: 1, sigtelinjer: ['1', '3'] });
    expect((await head.post('/api/v1/strategies', strategyBody)).statusCode).toBe(403);
    expect((await teacher.patch(`/api/v1/strategies/${s.id}`, { vision: 'x' })).statusCode).toBe(403);
    expect((await boss.post(`/api/v1/strategies/${s.id}/publish`)).json()).toMatchObject({ status: 'published', version: 1 });
    expect((await boss.post(`/api/v1/strategies/${s.id}/publish`)).statusCode).toBe(409);
    const edited = (await boss.patch(`/api/v1/strategies/${s.id}`, { vision: 'Ny vision' })).json();
    expect(edited).toMatchObject({ status: 'draft', version: 2, vision: 'Ny vision' });
    const v1 = (await teacher.get(`/api/v1/strategies/${s.id}/versions/1`)).json();
    expect(v1.vision).toBe('Pædagogik før teknik');
    expect((await teacher.get(`/api/v1/strategies/${s.id}/versions/2`)).statusCode).toBe(404);
    expect((await bossB.get(`/api/v1/strategies/${s.id}`)).statusCode).toBe(404);
    expect((await bossB.patch(`/api/v1/strategies/${s.id}`, { vision: 'x' })).statusCode).toBe(404);
  });

  it('refuses a period that ends before it starts and unknown reference terms, naming the field', async () => {
    const before = await counts(school.id);
    const r1 = await boss.post('/api/v1/strategies', { ...strategyBody, periodEnd: '2025-01-01' });
    expect(r1.statusCode).toBe(422);
    expect(r1.headers['content-type']).toMatch(/problem\+json/);
    expect(fields(r1.json())).toEqual(['periodEnd']);
    expect(fields((await boss.post('/api/v1/strategies', { ...strategyBody, sigtelinjer: ['9'] })).json())).toEqual(['sigtelinjer.0']);
    expect(await counts(school.id)).toEqual(before);
  });

  it('reference terms are editable per school: renamed, archived, added', async () => {
    const put = await boss.put('/api/v1/strategy/terms', { kind: 'pedagogical_goal', key: 'digital-dannelse', label: 'Digital dannelse' });
    expect(put.statusCode).toBe(200);
    expect(put.json().pedagogical_goal.map((t: { key: string }) => t.key)).toContain('digital-dannelse');
    expect((await boss.put('/api/v1/strategy/terms', { kind: 'sigtelinje', key: '9', label: 'x' })).statusCode).toBe(422);
    await boss.put('/api/v1/strategy/terms', { kind: 'reform_goal', key: 'rg1', label: 'Flere vælger EUD', archived: true });
    const r = await boss.post('/api/v1/initiatives', initiativeBody({ reformGoals: ['rg1'] }));
    expect(fields(r.json())).toEqual(['reformGoals.0']);
    expect((await teacher.put('/api/v1/strategy/terms', { kind: 'pedagogical_goal', key: 'x', label: 'x' })).statusCode).toBe(403);
  });
});

describe('initiatives: bad input writes nothing', () => {
  it.each([
    ['missing hvorfor', { why: undefined }, 'why'],
    ['empty hvorfor', { why: '  ' }, 'why'],
    ['hvorfor over 280 characters', { why: 'x'.repeat(281) }, 'why'],
    ['end before start', { startsOn: '2025-05-01', endsOn: '2025-04-30' }, 'endsOn'],
    ['department level without department', { departmentId: null }, 'departmentId'],
    ['central with a department', { level: 'central' }, 'departmentId'],
    ['unknown field', { colour: 'red' }, 'colour'],
    ['unknown owner', { ownerId: '00000000-0000-4000-8000-000000000000' }, 'ownerId'],
  ])('%s → 422 naming %s', async (_label, over, field) => {
    const before = await counts(school.id);
    const res = await boss.post('/api/v1/initiatives', initiativeBody(over));
    expect(res.statusCode).toBe(422);
    expect(fields(res.json())).toContain(field);
    expect(await counts(school.id)).toEqual(before);
  });

  it('accepts hvorfor of exactly 280 characters', async () => {
    expect((await boss.post('/api/v1/initiatives', initiativeBody({ why: 'æ'.repeat(280) }))).statusCode).toBe(201);
  });

  it("refuses a department initiative under another school's initiative (parentId), writing nothing", async () => {
    const theirs = (await bossB.post('/api/v1/initiatives', { ...initiativeBody(), level: 'central', departmentId: null })).json();
    const before = await counts(school.id);
    const res = await head.post('/api/v1/initiatives', initiativeBody({ parentId: theirs.id }));
    expect(res.statusCode).toBe(422);
    expect(fields(res.json())).toEqual(['parentId']);
    expect(await counts(school.id)).toEqual(before);
  });
});

describe('who edits what', () => {
  let central = '';
  let local = '';
  beforeAll(async () => {
    central = (await boss.post('/api/v1/initiatives', initiativeBody({ level: 'central', departmentId: null, title: 'Fælles feedbackkultur' }))).json().id;
    const res = await head.post('/api/v1/initiatives', initiativeBody({ parentId: central, ownerId: owner.id }));
    expect(res.statusCode).toBe(201);
    local = res.json().id;
  });

  it('the list names each initiative\'s owner and department', async () => {
    const list: { id: string; ownerId: string | null; ownerName: string | null; departmentName: string | null }[] = (await teacher.get('/api/v1/initiatives')).json();
    expect(list.find((i) => i.id === local)).toMatchObject({ ownerId: owner.id, ownerName: owner.name, departmentName: 'Bygge og Anlæg' });
    expect(list.find((i) => i.id === central)).toMatchObject({ departmentName: null });
    for (const i of list) expect(i.ownerName === null).toBe(i.ownerId === null);
  });

  it('a department head adds and edits initiatives of his own department only, never central ones', async () => {
    expect((await head.post('/api/v1/initiatives', initiativeBody({ level: 'central', departmentId: null }))).statusCode).toBe(403);
    expect((await head.post('/api/v1/initiatives', initiativeBody({ departmentId: deptB }))).statusCode).toBe(403);
    expect((await head.patch(`/api/v1/initiatives/${central}`, { title: 'x' })).statusCode).toBe(403);
    expect((await head.patch(`/api/v1/initiatives/${local}`, { title: 'Video-feedback i værkstedet' })).statusCode).toBe(200);
    expect((await head.patch(`/api/v1/initiatives/${local}`, { departmentId: deptB })).statusCode).toBe(403);
    expect((await headOther.patch(`/api/v1/initiatives/${local}`, { title: 'x' })).statusCode).toBe(403);
    expect((await boss.patch(`/api/v1/initiatives/${central}`, { title: 'Fælles feedbackkultur 2.0' })).statusCode).toBe(200);
  });

  it('the owner checks in and sets the status; a teacher reads and comments but cannot check in; cross-school is 404', async () => {
    expect((await ownerClient.post(`/api/v1/initiatives/${local}/checkins`, { heldOn: '2024-03-01', progress: 20, decisions: 'Vi starter', nextSteps: 'Kursus' })).statusCode).toBe(201);
    expect((await teacher.post(`/api/v1/initiatives/${local}/checkins`, { heldOn: '2024-03-01', progress: 20 })).statusCode).toBe(403);
    expect((await teacher.post(`/api/v1/initiatives/${local}/comments`, { body: 'Fint – må vi være med?' })).statusCode).toBe(201);
    expect((await teacher.patch(`/api/v1/initiatives/${local}`, { title: 'x' })).statusCode).toBe(403);
    const detail = (await teacher.get(`/api/v1/initiatives/${local}`)).json();
    expect(detail.why).toMatch(/feedback/);
    expect(detail.comments).toHaveLength(1);
    expect(detail.abilities).toEqual(['initiative:comment']);
    const ownerAbilities = (await ownerClient.get(`/api/v1/initiatives/${local}`)).json().abilities;
    expect(ownerAbilities).toEqual(expect.arrayContaining(['initiative:checkin', 'initiative:setStatus']));
    expect(ownerAbilities).not.toContain('initiative:update');
    expect((await bossB.get(`/api/v1/initiatives/${local}`)).statusCode).toBe(404);
    expect((await bossB.post(`/api/v1/initiatives/${local}/checkins`, { heldOn: '2024-03-01', progress: 1 })).statusCode).toBe(404);
    const future = await ownerClient.post(`/api/v1/initiatives/${local}/checkins`, { heldOn: '2999-01-01', progress: 1 });
    expect(fields(future.json())).toEqual(['heldOn']);
    // override needs a reason; achieved / stopped too
    expect(fields((await ownerClient.post(`/api/v1/initiatives/${local}/status`, { override: 'at_risk' })).json())).toEqual(['reason']);
    expect(fields((await ownerClient.post(`/api/v1/initiatives/${local}/status`, { state: 'stopped' })).json())).toEqual(['reason']);
    const over = (await ownerClient.post(`/api/v1/initiatives/${local}/status`, { override: 'at_risk', reason: 'Kurset er aflyst' })).json();
    expect(over).toMatchObject({ status: 'at_risk', statusReason: 'Kurset er aflyst' });
    expect((await ownerClient.post(`/api/v1/initiatives/${local}/status`, { override: null })).json().status).toBe('no_data');
    expect((await teacher.post(`/api/v1/initiatives/${local}/status`, { state: 'achieved', reason: 'x' })).statusCode).toBe(403);
    const audit = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.resourceId, local));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['initiative.created', 'initiative.updated', 'checkin.recorded', 'comment.created', 'initiative.status_set']));
  });
});

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('indicators and status thresholds', () => {
  let initiative = '';
  // the target date lies ahead: today is half-way from the baseline to the target
  const today = todayInCopenhagen();
  const start = addDays(today, -5);
  const end = addDays(today, 5);
  const indicator = async (over: Record<string, unknown> = {}) =>
    head.post(`/api/v1/initiatives/${initiative}/indicators`, { name: 'Andel med feedback', unit: '%', baseline: 0, baselineOn: start, target: 100, targetOn: end, direction: 'increase', ...over });
  beforeAll(async () => {
    initiative = (await head.post('/api/v1/initiatives', initiativeBody({ title: 'Tærskler' }))).json().id;
  });

  it.each([
    [47.5, 'on_track'],
    [50, 'on_track'],
    [47.49, 'behind'],
    [42.5, 'behind'],
    [42.49, 'at_risk'],
    [0, 'at_risk'],
  ])('value %s when 50 is expected → %s', async (value, status) => {
    const ind = (await indicator()).json();
    // expected today is half-way from 0 to 100: 50
    const res = await head.post(`/api/v1/indicators/${ind.id}/measurements`, { value, measuredOn: today });
    expect(res.statusCode).toBe(201);
    expect(res.json().indicatorStatus).toBe(status);
  });

  it('a decreasing indicator and a maintained one follow the same thresholds', async () => {
    const dec = (await indicator({ baseline: 20, target: 10, direction: 'decrease' })).json();
    // expected 15 on day 5: a fall of 4.75 of the expected 5 is 0.95 (on track), 4.5 is 0.9 (behind)
    expect((await head.post(`/api/v1/indicators/${dec.id}/measurements`, { value: 15.25, measuredOn: today })).json().indicatorStatus).toBe('on_track');
    expect((await head.post(`/api/v1/indicators/${dec.id}/measurements`, { value: 15.5, measuredOn: today })).json().indicatorStatus).toBe('behind');
    const keep = (await indicator({ baseline: 90, target: 90, direction: 'maintain', tolerance: 2 })).json();
    expect((await head.post(`/api/v1/indicators/${keep.id}/measurements`, { value: 88, measuredOn: today })).json().indicatorStatus).toBe('on_track');
    expect((await head.post(`/api/v1/indicators/${keep.id}/measurements`, { value: 87.7, measuredOn: today })).json().indicatorStatus).toBe('behind');
    expect((await head.post(`/api/v1/indicators/${keep.id}/measurements`, { value: 80, measuredOn: today })).json().indicatorStatus).toBe('at_risk');
  });

  it('the initiative follows its worst indicator; an override wins until cleared', async () => {
    const detail = (await head.get(`/api/v1/initiatives/${initiative}`)).json();
    expect(detail.computedStatus).toBe('at_risk');
    expect(detail.indicators[0].expected).toEqual([
      { on: start, value: 0 },
      { on: end, value: 100 },
    ]);
  });

  it('refuses target equal to baseline, wrong direction, a missing tolerance and a measurement in the future, writing nothing', async () => {
    const before = await counts(school.id);
    expect(fields((await indicator({ target: 0 })).json())).toEqual(['target']);
    expect(fields((await indicator({ target: -5 })).json())).toEqual(['target']);
    expect(fields((await indicator({ direction: 'maintain' })).json())).toEqual(['tolerance']);
    expect(fields((await indicator({ targetOn: addDays(start, -1) })).json())).toEqual(['targetOn']);
    expect(fields((await indicator({ baseline: 'ti' })).json())).toEqual(['baseline']);
    const ind = (await indicator()).json();
    const mid = await counts(school.id);
    const tomorrow = new Date(Date.parse(`${todayInCopenhagen()}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const future = await head.post(`/api/v1/indicators/${ind.id}/measurements`, { value: 10, measuredOn: tomorrow });
    expect(future.statusCode).toBe(422);
    expect(fields(future.json())).toEqual(['measuredOn']);
    expect((await head.post(`/api/v1/indicators/${ind.id}/measurements`, { value: 10, measuredOn: todayInCopenhagen() })).statusCode).toBe(201);
    expect(before.indicators).toBe((mid.indicators ?? 0) - 1);
    expect((await bossB.post(`/api/v1/indicators/${ind.id}/measurements`, { value: 10, measuredOn: start })).statusCode).toBe(404);
  });
});

describe('decisions, portfolio and ambassadors', () => {
  it('a deselection needs its reason; the portfolio counts states and shows what departments use beyond the central choices', async () => {
    const before = await counts(school.id);
    const bad = await boss.post('/api/v1/technologies', { name: 'Padlet', state: 'fravalgt', rationale: 'Overlapper Canvas', scope: 'school' });
    expect(bad.statusCode).toBe(422);
    expect(fields(bad.json())).toEqual(['deselectionReason']);
    expect(await counts(school.id)).toEqual(before);
    expect((await boss.post('/api/v1/technologies', { name: 'Canvas', state: 'valgt', rationale: 'Ét sted for forløb', scope: 'school' })).statusCode).toBe(201);
    expect((await boss.post('/api/v1/technologies', { name: 'Padlet', state: 'fravalgt', rationale: 'Overlapper', deselectionReason: 'Canvas dækker behovet', scope: 'school' })).statusCode).toBe(201);
    const vr = (await boss.post('/api/v1/technologies', { name: 'VR-svejsning', state: 'afproves', rationale: 'Sikker træning', scope: 'departments', departmentIds: [deptA] })).json();
    expect((await boss.post('/api/v1/technologies', { name: 'canvas', state: 'valgt', rationale: 'x', scope: 'school' })).statusCode).toBe(409);
    expect(fields((await boss.patch(`/api/v1/technologies/${vr.id}`, { state: 'fravalgt' })).json())).toEqual(['deselectionReason']);
    expect((await head.post('/api/v1/technologies', { name: 'x', state: 'valgt', rationale: 'x', scope: 'school' })).statusCode).toBe(403);
    const p = (await teacher.get('/api/v1/technologies')).json();
    expect(p.counts).toEqual({ valgt: 1, afproves: 1, fravalgt: 1 });
    expect(p.departments.find((d: { id: string }) => d.id === deptA).beyondCentral.map((t: { name: string }) => t.name)).toEqual(['VR-svejsning']);
    expect(p.abilities).toEqual([]);
  });

  it('decisions: central by top management, department by its head', async () => {
    expect((await head.post('/api/v1/decisions', { level: 'central', what: 'x', why: 'y', decidedOn: '2025-01-01' })).statusCode).toBe(403);
    expect((await head.post('/api/v1/decisions', { level: 'department', departmentId: deptB, what: 'x', why: 'y', decidedOn: '2025-01-01' })).statusCode).toBe(403);
    expect((await head.post('/api/v1/decisions', { level: 'department', departmentId: deptA, what: 'Video i værkstedet', why: 'Feedback', decidedOn: '2025-01-01' })).statusCode).toBe(201);
    expect((await boss.post('/api/v1/decisions', { level: 'central', what: 'Canvas er LMS', why: 'Ét sted', decidedOn: '2025-01-01' })).statusCode).toBe(201);
    const log = (await teacher.get('/api/v1/decisions')).json();
    expect(log).toHaveLength(2);
    expect(log[0].decidedBy).toBeTruthy();
  });

  it('ambassadors: registered with department, technologies, hours and contact', async () => {
    const res = await head.post('/api/v1/ambassadors', { personId: owner.id, kind: 'ambassador', hoursPerWeek: 2, contact: 'Teams, tirsdag 12–13' });
    expect(res.statusCode).toBe(201);
    expect((await head.post('/api/v1/ambassadors', { personId: owner.id, kind: 'ambassador', contact: 'x' })).statusCode).toBe(409);
    const list = (await teacher.get('/api/v1/ambassadors')).json();
    expect(list[0]).toMatchObject({ name: owner.name, departmentId: deptA, hoursPerWeek: 2 });
    expect((await headOther.delete(`/api/v1/ambassadors/${res.json().id}`)).statusCode).toBe(403);
    expect((await head.delete(`/api/v1/ambassadors/${res.json().id}`)).statusCode).toBe(204);
  });
});

describe('årshjul and iCalendar feed', () => {
  it('milestones and follow-ups land in the årshjul; the feed has stable UIDs, bumps SEQUENCE and cancels', async () => {
    const i = (await head.post('/api/v1/initiatives', initiativeBody({ title: 'Årshjulstest', startsOn: '2025-08-01', endsOn: '2026-06-30' }))).json();
    const m = (await head.post(`/api/v1/initiatives/${i.id}/milestones`, { title: 'Kick-off', dueOn: '2025-09-15' })).json();
    await head.post(`/api/v1/initiatives/${i.id}/followups`, { title: 'Status', dueOn: '2025-10-01' });
    const cal = (await teacher.get('/api/v1/calendar?from=2025-08-01&to=2026-07-31')).json();
    expect(cal.items.map((x: { kind: string }) => x.kind).sort()).toEqual(['followup', 'milestone']);
    expect((await teacher.get(`/api/v1/calendar?from=2025-08-01&to=2026-07-31&departmentId=${deptB}`)).json().items).toHaveLength(0);
    expect(fields((await teacher.get('/api/v1/calendar?from=2025-08-01&to=2025-07-01')).json())).toEqual(['to']);

    const feed = (await teacher.post('/api/v1/calendar/feeds', {})).json();
    const path = new URL(feed.url).pathname;
    const ics1 = await app.inject({ method: 'GET', url: path });
    expect(ics1.statusCode).toBe(200);
    expect(ics1.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(ics1.body).toContain('DTSTART;VALUE=DATE:20250915\r\nDTEND;VALUE=DATE:20250916\r\n');
    const uid = /UID:(.+)\r\n/.exec(ics1.body)?.[1];
    expect(ics1.body).toContain('SEQUENCE:0');
    await head.patch(`/api/v1/milestones/${m.id}`, { dueOn: '2025-09-16' });
    const ics2 = (await app.inject({ method: 'GET', url: path })).body;
    expect(ics2).toContain(`UID:${uid}`);
    expect(ics2).toContain('DTSTART;VALUE=DATE:20250916');
    expect(ics2).toMatch(/SEQUENCE:1\r\n/);
    await head.patch(`/api/v1/milestones/${m.id}`, { cancelled: true });
    const ics3 = (await app.inject({ method: 'GET', url: path })).body;
    expect(ics3).toContain(`UID:${uid}`);
    expect(ics3).toContain('STATUS:CANCELLED');
    expect(ics3).not.toMatch(/@test\.example/);
    // revoked and wrong tokens are 404
    expect((await app.inject({ method: 'GET', url: `${path.slice(0, -10)}xxxxxx.ics` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/v1/ical/kort' })).statusCode).toBe(404);
    expect((await head.delete(`/api/v1/calendar/feeds/${feed.id}`)).statusCode).toBe(403);
    expect((await teacher.delete(`/api/v1/calendar/feeds/${feed.id}`)).statusCode).toBe(204);
    const revoked = await app.inject({ method: 'GET', url: path });
    expect(revoked.statusCode).toBe(404);
    expect(revoked.headers['content-type']).toMatch(/problem\+json/);
  });

  it('a department feed holds the department and central items only; items from other modules go through the shared table', async () => {
    const { upsertCalendarItem } = await import('../calendar/items');
    await db.transaction((tx) => upsertCalendarItem(tx, school.id, { source: 'competence', sourceRef: 'kursus-1', kind: 'course', title: 'Kursus: Canvas', startsOn: '2025-11-03', departmentId: deptB }));
    const feed = (await head.post('/api/v1/calendar/feeds', { departmentId: deptA })).json();
    const body = (await app.inject({ method: 'GET', url: new URL(feed.url).pathname })).body;
    expect(body).not.toContain('Kursus: Canvas');
    const all = (await boss.post('/api/v1/calendar/feeds', {})).json();
    expect((await app.inject({ method: 'GET', url: new URL(all.url).pathname })).body).toContain('Kursus: Canvas');
    const rows = await db
      .select()
      .from(calendarItems)
      .where(and(eq(calendarItems.schoolId, school.id), eq(calendarItems.source, 'competence')));
    expect(rows).toHaveLength(1);
    const manual = (await boss.post('/api/v1/calendar/items', { title: 'Pædagogisk dag', startsOn: '2025-08-11' })).json();
    expect((await boss.patch(`/api/v1/calendar/items/${rows[0]?.id}`, { title: 'x' })).statusCode).toBe(409);
    expect((await boss.patch(`/api/v1/calendar/items/${manual.id}`, { cancelled: true })).json().status).toBe('cancelled');
  });
});

describe('overblik and exports', () => {
  it('gives leaders status per sigtelinje and department, overdue follow-ups and indicators off track; teachers are refused', async () => {
    const i = (await head.post('/api/v1/initiatives', initiativeBody({ title: 'Overblik', sigtelinjer: ['2'], ownerId: owner.id }))).json();
    await head.post(`/api/v1/initiatives/${i.id}/followups`, { title: 'Glemt møde', dueOn: '2024-02-01' });
    const o = (await boss.get('/api/v1/strategy/overview')).json();
    expect(o.bySigtelinje.find((s: { key: string }) => s.key === '2').counts.no_data).toBeGreaterThan(0);
    expect(o.byDepartment.find((d: { id: string }) => d.id === deptA).counts.at_risk).toBeGreaterThan(0);
    expect(o.overdueFollowups.map((f: { title: string }) => f.title)).toContain('Glemt møde');
    expect(o.offTrackIndicators.length).toBeGreaterThan(0);
    expect((await teacher.get('/api/v1/strategy/overview')).statusCode).toBe(403);
    // three alike initiatives count three times everywhere (the database groups alike rows)
    const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
    for (let k = 0; k < 3; k++) expect((await head.post('/api/v1/initiatives', initiativeBody({ title: `Ens ${k}`, sigtelinjer: ['3'], ownerId: owner.id }))).statusCode).toBe(201);
    const o2 = (await boss.get('/api/v1/strategy/overview')).json();
    expect(o2.initiatives).toBe(o.initiatives + 3);
    expect(sum(o2.total)).toBe(o2.initiatives);
    expect(sum(o2.bySigtelinje.find((x: { key: string }) => x.key === '3').counts) - sum(o.bySigtelinje.find((x: { key: string }) => x.key === '3').counts)).toBe(3);
    expect(sum(o2.byDepartment.find((d: { id: string }) => d.id === deptA).counts) - sum(o.byDepartment.find((d: { id: string }) => d.id === deptA).counts)).toBe(3);
    // flagged to the owner and their leader, not to other teachers
    expect((await ownerClient.get('/api/v1/strategy/attention')).json().overdueFollowups.map((f: { title: string }) => f.title)).toContain('Glemt møde');
    expect((await head.get('/api/v1/strategy/attention')).json().overdueFollowups.map((f: { title: string }) => f.title)).toContain('Glemt møde');
    expect((await teacher.get('/api/v1/strategy/attention')).json().overdueFollowups).toEqual([]);
  });

  it('exports a PDF with charts and a CSV, to leaders only', async () => {
    const s = (await boss.get('/api/v1/strategies')).json()[0];
    const pdf = await boss.get(`/api/v1/strategies/${s.id}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(3000);
    const csv = await head.get(`/api/v1/strategies/${s.id}/report.csv`);
    expect(csv.body.split('\r\n')[0]).toBe('\uFEFFStrategi;Indsats;Hvorfor;Niveau;Afdeling;Ansvarlig;Start;Slut;Status;Sigtelinjer;Indikatorer');
    expect(csv.body).toContain('Tærskler');
    expect((await teacher.get(`/api/v1/strategies/${s.id}/report.pdf`)).statusCode).toBe(403);
  });
});
