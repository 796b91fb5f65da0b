import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dialogueAnswers, dialogueParticipants, dialogueSessions } from '../../db/schema/index';
import { hashSecret } from '../../platform/tokens';
import { testApp } from '../../test/app';
import { signIn, type TestClient } from '../../test/client';
import { buildPerson, buildSchool, type BuiltSchool } from '../../test/factories';
import type { AppDeps } from '../../platform/deps';
import { allowVote, JOIN_FLOOD_LIMIT, JOIN_MISS_BURST, VOTE_BURST, VOTE_RATE } from './live-limits';

/** Live participation: joining by code, answers, comments, moderation, and what each view sees. */
const { app, database } = await testApp();
const db = database.db;
let school: BuiltSchool;
let consultant: TestClient;

type Live = { id: string; code: string; items: { id: string }[] };
type Slider = { count: number; shown: boolean; values?: number[]; median?: number };
type State = {
  version: number;
  currentItemId: string | null;
  items: { id: string; state: string; revealed: boolean; now: Slider; wanted: Slider; comments: { text: string; nickname: string | null }[] }[];
  own: { nickname: string | null; answers: { itemId: string; now: number | null; wanted: number | null }[] } | null;
  pendingComments: { id: string; text: string }[];
};

const PAIRS = ['teknik-paedagogik', 'kultur-strategi', 'maal-kapacitet'];

async function openLive(client = consultant): Promise<Live> {
  const created = await client.post('/api/v1/dialogue/sessions', { title: 'Personalemøde', mode: 'live', items: PAIRS.map((pairKey) => ({ pairKey })) });
  expect(created.statusCode, created.body).toBe(201);
  const opened = await client.post(`/api/v1/dialogue/sessions/${created.json().id}/open`, {});
  expect(opened.statusCode, opened.body).toBe(200);
  return { id: opened.json().id, code: opened.json().code, items: opened.json().items };
}

const join = (code: string, extra: Record<string, string> = {}) => app.inject({ method: 'POST', url: '/api/v1/dialogue/join', payload: { code, ...extra } });
const state = (code: string, token: string) => app.inject({ method: 'GET', url: `/api/v1/dialogue/live/${code}/state`, headers: { 'x-dialogue-token': token } });
const answer = (code: string, token: string, itemId: string, body: object) =>
  app.inject({ method: 'PUT', url: `/api/v1/dialogue/live/${code}/items/${itemId}/answer`, headers: { 'x-dialogue-token': token }, payload: body });
const comment = (code: string, token: string, itemId: string, text: string) =>
  app.inject({ method: 'POST', url: `/api/v1/dialogue/live/${code}/comments`, headers: { 'x-dialogue-token': token }, payload: { itemId, text } });
const control = (id: string, op: string, itemId?: string) => consultant.post(`/api/v1/dialogue/sessions/${id}/control`, { op, ...(itemId ? { itemId } : {}) });

async function participant(code: string, nickname?: string) {
  const res = await join(code, nickname ? { nickname } : {});
  expect(res.statusCode, res.body).toBe(201);
  return res.json().token as string;
}

beforeAll(async () => {
  school = await buildSchool(db, { departments: ['Byg'] });
  consultant = await signIn(app, (await buildPerson(db, school, { roles: ['internal_consultant'] })).email);
});

describe('joining', () => {
  it('joins by a six-letter code (lower case too); only the token hash is stored; the first item is current and open', async () => {
    const s = await openLive();
    expect(s.code).toMatch(/^[A-HJKMNP-Z]{6}$/);
    const res = await join(s.code.toLowerCase(), { nickname: 'Mette' });
    expect(res.statusCode, res.body).toBe(201);
    const { token, sessionId, nickname } = res.json();
    expect(sessionId).toBe(s.id);
    expect(nickname).toBe('Mette');
    const [p] = await db.select().from(dialogueParticipants).where(eq(dialogueParticipants.sessionId, s.id));
    expect(p?.tokenHash).toBe(hashSecret(token));
    const st = (await state(s.code, token)).json() as State;
    expect(st.currentItemId).toBe(s.items[0]?.id);
    expect(st.items[0]?.state).toBe('open');
    expect(st.own?.nickname).toBe('Mette');
  });

  it('refuses an unknown code (404), a malformed one (422), a closed session (410) and closed joining (409)', async () => {
    expect((await join('ZZZZZZ')).statusCode).toBe(404);
    const bad = await join('AB1');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('code');
    const s = await openLive();
    const token = await participant(s.code);
    expect((await control(s.id, 'closeJoin')).statusCode).toBe(200);
    const closed = await join(s.code);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('dialogue_join_closed');
    // An earlier participant comes back with its token even so.
    expect((await join(s.code, { token })).statusCode).toBe(201);
    expect((await control(s.id, 'close')).statusCode).toBe(200);
    const ended = await join(s.code);
    expect(ended.statusCode).toBe(410);
    expect(ended.json().code).toBe('dialogue_session_closed');
  });

  it(`refuses a flood of joins past ${JOIN_FLOOD_LIMIT} a minute with 429, and the others' answers still count`, async () => {
    const s = await openLive();
    const token = await participant(s.code);
    const [row] = await db.select().from(dialogueSessions).where(eq(dialogueSessions.id, s.id));
    await db.insert(dialogueParticipants).values(Array.from({ length: JOIN_FLOOD_LIMIT }, () => ({ schoolId: school.id, sessionId: s.id, nickname: null })));
    const res = await join(s.code);
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('dialogue_join_flood');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(row?.status).toBe('open');
    expect((await answer(s.code, token, s.items[0]?.id ?? '', { now: 10 })).statusCode).toBe(200);
  });

  it(`stops an address guessing codes after ${JOIN_MISS_BURST} unknown codes, while other addresses join`, async () => {
    const s = await openLive();
    const from = (remoteAddress: string, code: string) => app.inject({ method: 'POST', url: '/api/v1/dialogue/join', payload: { code }, remoteAddress });
    for (let n = 0; n < JOIN_MISS_BURST; n++) expect((await from('198.51.100.7', 'QQQQQQ')).statusCode).toBe(404);
    const stopped = await from('198.51.100.7', s.code);
    expect(stopped.statusCode).toBe(429);
    expect(Number(stopped.headers['retry-after'])).toBeGreaterThan(0);
    expect((await from('198.51.100.8', s.code)).statusCode).toBe(201);
  });

  it('reconnecting with the token restores the participant and its own answers', async () => {
    const s = await openLive();
    const token = await participant(s.code, 'Ali');
    const item = s.items[0]?.id ?? '';
    expect((await answer(s.code, token, item, { now: 20 })).json()).toEqual({ itemId: item, now: 20, wanted: null });
    // Changed, not added: the other slider keeps its value.
    expect((await answer(s.code, token, item, { wanted: 80 })).json()).toEqual({ itemId: item, now: 20, wanted: 80 });
    const again = await join(s.code, { token });
    expect(again.json().token).toBe(token);
    expect(again.json().nickname).toBe('Ali');
    const own = ((await state(s.code, token)).json() as State).own;
    expect(own?.answers).toEqual([{ itemId: item, now: 20, wanted: 80 }]);
    expect(await db.select().from(dialogueParticipants).where(eq(dialogueParticipants.sessionId, s.id))).toHaveLength(1);
    expect((await state(s.code, 'not-a-token')).statusCode).toBe(401);
  });
});

describe('answers', () => {
  it('refuses values outside 0–100, fractions and an empty answer with 422 naming the field; nothing is written', async () => {
    const s = await openLive();
    const token = await participant(s.code);
    const item = s.items[0]?.id ?? '';
    for (const [body, field] of [
      [{ now: 101 }, 'now'],
      [{ wanted: -1 }, 'wanted'],
      [{ now: 2.5 }, 'now'],
      [{}, 'now'],
    ] as const) {
      const res = await answer(s.code, token, item, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json().errors[0].field).toBe(field);
    }
    expect(await db.select().from(dialogueAnswers).where(eq(dialogueAnswers.sessionId, s.id))).toHaveLength(0);
  });

  it("refuses a locked item, an item that is not current, an unknown item and another session's item", async () => {
    const s = await openLive();
    const other = await openLive();
    const token = await participant(s.code);
    const [first, second] = s.items.map((i) => i.id) as [string, string];
    expect((await answer(s.code, token, second, { now: 5 })).json().code).toBe('dialogue_item_not_open');
    expect((await control(s.id, 'lock', first)).statusCode).toBe(200);
    const locked = await answer(s.code, token, first, { now: 5 });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('dialogue_item_locked');
    expect((await answer(s.code, token, '00000000-0000-4000-8000-000000000000', { now: 5 })).statusCode).toBe(404);
    expect((await answer(s.code, token, other.items[0]?.id ?? '', { now: 5 })).statusCode).toBe(404);
    expect(await db.select().from(dialogueAnswers).where(eq(dialogueAnswers.sessionId, s.id))).toHaveLength(0);
    // Unlocked, and current again: answers are taken.
    expect((await control(s.id, 'unlock', first)).statusCode).toBe(200);
    expect((await answer(s.code, token, first, { now: 5 })).statusCode).toBe(200);
    // Moving on: only the current item takes answers.
    expect((await control(s.id, 'goto', second)).statusCode).toBe(200);
    expect((await answer(s.code, token, first, { now: 6 })).json().code).toBe('dialogue_item_not_open');
    expect((await answer(s.code, token, second, { now: 6 })).statusCode).toBe(200);
  });

  it(`lets a participant answer ${VOTE_RATE} times a second after a burst of ${VOTE_BURST}, each participant on its own`, () => {
    const deps = {} as AppDeps;
    const t = 1_000_000;
    expect(Array.from({ length: VOTE_BURST + 1 }, () => allowVote(deps, 'a', t))).toEqual([...Array<boolean>(VOTE_BURST).fill(true), false]);
    expect(allowVote(deps, 'b', t)).toBe(true);
    expect(Array.from({ length: VOTE_RATE + 1 }, () => allowVote(deps, 'a', t + 1000))).toEqual([...Array<boolean>(VOTE_RATE).fill(true), false]);
  });

  it('refuses a flood of answers from one participant with 429; another participant is unaffected', async () => {
    const s = await openLive();
    const fast = await participant(s.code);
    const calm = await participant(s.code);
    const item = s.items[0]?.id ?? '';
    const codes = (await Promise.all(Array.from({ length: 60 }, (_, n) => answer(s.code, fast, item, { now: n })))).map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200).length).toBeGreaterThanOrEqual(VOTE_BURST);
    expect(codes).toContain(429);
    expect((await answer(s.code, calm, item, { now: 50 })).statusCode).toBe(200);
  });
});

describe('views', () => {
  it('shows a distribution only from 3 answers, to the screen and participants only when revealed', async () => {
    const s = await openLive();
    const item = s.items[0]?.id ?? '';
    const tokens = [await participant(s.code), await participant(s.code), await participant(s.code)];
    await answer(s.code, tokens[0] ?? '', item, { now: 30, wanted: 90 });
    await answer(s.code, tokens[1] ?? '', item, { now: 10, wanted: 60 });
    const facilitator = async () => ((await consultant.get(`/api/v1/dialogue/sessions/${s.id}/live`)).json() as State).items[0];
    const screen = async () => ((await consultant.get(`/api/v1/dialogue/sessions/${s.id}/screen`)).json() as State).items[0];
    expect((await facilitator())?.now).toEqual({ count: 2, shown: false });
    await answer(s.code, tokens[2] ?? '', item, { now: 50 });
    expect((await facilitator())?.now).toEqual({ count: 3, shown: true, values: [10, 30, 50], median: 30 });
    expect((await facilitator())?.wanted).toEqual({ count: 2, shown: false });
    // Not revealed: the screen and the participants see the count alone.
    expect((await screen())?.now).toEqual({ count: 3, shown: false });
    expect(((await state(s.code, tokens[0] ?? '')).json() as State).items[0]?.now).toEqual({ count: 3, shown: false });
    await control(s.id, 'reveal', item);
    expect((await screen())?.now.values).toEqual([10, 30, 50]);
    const mine = (await state(s.code, tokens[0] ?? '')).json() as State;
    expect(mine.items[0]?.now.median).toBe(30);
    // A participant sees its own answers, never another's.
    expect(mine.own?.answers).toEqual([{ itemId: item, now: 30, wanted: 90 }]);
    expect(mine.pendingComments).toEqual([]);
    await control(s.id, 'hide', item);
    expect((await screen())?.now).toEqual({ count: 3, shown: false });
  });

  it('comments: ≤ 280 characters, pending for the facilitator only, shown to others once approved and shown, with the nickname', async () => {
    const s = await openLive();
    const item = s.items[0]?.id ?? '';
    const token = await participant(s.code, 'Sofie');
    const long = await comment(s.code, token, item, 'x'.repeat(281));
    expect(long.statusCode).toBe(422);
    expect(long.json().errors[0].field).toBe('text');
    const res = await comment(s.code, token, item, 'Vi mangler tid til at afprøve nyt');
    expect(res.statusCode, res.body).toBe(201);
    expect((await comment(s.code, token, item, 'Og en til')).statusCode).toBe(429);
    const live = (await consultant.get(`/api/v1/dialogue/sessions/${s.id}/live`)).json() as State;
    expect(live.pendingComments.map((c) => c.text)).toEqual(['Vi mangler tid til at afprøve nyt']);
    const screenBefore = (await consultant.get(`/api/v1/dialogue/sessions/${s.id}/screen`)).json() as State;
    expect(screenBefore.pendingComments).toEqual([]);
    expect(screenBefore.items[0]?.comments).toEqual([]);
    const mod = await consultant.post(`/api/v1/dialogue/sessions/${s.id}/comments/${res.json().id}/moderate`, { status: 'approved' });
    expect(mod.statusCode, mod.body).toBe(200);
    expect(mod.json().nickname).toBe('Sofie');
    // Approved but not yet shown on the screen.
    expect(((await consultant.get(`/api/v1/dialogue/sessions/${s.id}/screen`)).json() as State).items[0]?.comments).toEqual([]);
    await control(s.id, 'showComments', item);
    const shown = (await state(s.code, token)).json() as State;
    expect(shown.items[0]?.comments.map((c) => [c.text, c.nickname])).toEqual([['Vi mangler tid til at afprøve nyt', 'Sofie']]);
    await consultant.post(`/api/v1/dialogue/sessions/${s.id}/comments/${res.json().id}/moderate`, { status: 'hidden' });
    expect(((await state(s.code, token)).json() as State).items[0]?.comments).toEqual([]);
  });

  it('the version grows with every change a viewer could see; control is audited; the QR code is an SVG of the join link', async () => {
    const s = await openLive();
    const token = await participant(s.code);
    const v1 = ((await state(s.code, token)).json() as State).version;
    await answer(s.code, token, s.items[0]?.id ?? '', { now: 1 });
    const v2 = ((await state(s.code, token)).json() as State).version;
    await control(s.id, 'reveal', s.items[0]?.id);
    const v3 = ((await state(s.code, token)).json() as State).version;
    expect(v2).toBeGreaterThan(v1);
    expect(v3).toBeGreaterThan(v2);
    const log = await (await signIn(app, (await buildPerson(db, school, { roles: ['school_admin'] })).email)).get('/api/v1/audit');
    expect(log.statusCode).toBe(200);
    expect(log.body).toContain('dialogue.session_controlled');
    const qr = await consultant.get(`/api/v1/dialogue/sessions/${s.id}/qr.svg`);
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(qr.body).toContain('<svg');
    const answers = await db.select().from(dialogueAnswers).where(and(eq(dialogueAnswers.schoolId, school.id), eq(dialogueAnswers.sessionId, s.id)));
    expect(answers).toHaveLength(1);
  });

  it("another school's facilitator gets 404 for the session's live view and control", async () => {
    const s = await openLive();
    const other = await buildSchool(db, { departments: ['X'] });
    const stranger = await signIn(app, (await buildPerson(db, other, { roles: ['internal_consultant'] })).email);
    expect((await stranger.get(`/api/v1/dialogue/sessions/${s.id}/live`)).statusCode).toBe(404);
    expect((await stranger.post(`/api/v1/dialogue/sessions/${s.id}/control`, { op: 'close' })).statusCode).toBe(404);
    const [row] = await db.select().from(dialogueSessions).where(eq(dialogueSessions.id, s.id));
    expect(row?.status).toBe('open');
  });
});
