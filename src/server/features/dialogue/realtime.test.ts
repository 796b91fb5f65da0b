import { afterAll, describe, expect, it, vi } from 'vitest';
import { RECHECK_MS } from '../../platform/realtime';
import { signIn } from '../../test/client';
import { testApp } from '../../test/app';
import { buildPerson, buildSchool } from '../../test/factories';
import { FLOOD_CLOSE_AFTER } from './realtime-routes';
import { CLOSE } from './realtime-protocol';
import { ackOf, errorOf, isState, joinAs, listening, liveSession, openSocket, stateWhere, type LiveSocket } from './realtime-test-kit';

/* The dialogue over WebSocket (docs/dialogue.md, "Realtime" and "As built: realtime"), with a real `ws` client against a listening app. */

const { app, database } = await testApp();
const base = await listening(app);
const db = database.db;
const school = await buildSchool(db);
const top = await signIn(app, (await buildPerson(db, school, { roles: ['top_management'] })).email);
const teacher = await signIn(app, (await buildPerson(db, school, { roles: ['teacher'] })).email);
const other = await buildSchool(db, { name: 'Anden skole' });
const foreignTop = await signIn(app, (await buildPerson(db, other, { roles: ['top_management'] })).email);

const open: LiveSocket[] = [];
afterAll(() => {
  for (const s of open) s.ws.terminate();
});

/** A participant's socket after its hello, with the first state heard. */
async function participant(code: string, token: string) {
  const { socket, opened } = openSocket(`${base}/api/v1/dialogue/live/${code}/socket`);
  open.push(socket);
  await opened;
  socket.send({ type: 'hello', token });
  const first = await socket.waitFor(isState);
  return { socket, first: first.state };
}

async function facilitator(sessionId: string, cookie = top.cookie, view = 'facilitator') {
  const { socket, opened } = openSocket(`${base}/api/v1/dialogue/sessions/${sessionId}/socket?view=${view}`, { headers: { cookie } });
  open.push(socket);
  await opened;
  return socket;
}

describe('the dialogue over WebSocket', () => {
  it('a participant joins and answers; the answer is acknowledged and reaches the facilitator and the participant’s own state', async () => {
    const s = await liveSession(top);
    const staff = await facilitator(s.id);
    const first = await staff.waitFor(isState);
    expect(first.state.view).toBe('facilitator');
    const p = await participant(s.code, await joinAs(app, s.code, 'Kim'));
    expect(p.first.view).toBe('participant');
    expect(p.first.currentItemId).toBe(s.first);
    expect(p.first.own).toEqual({ nickname: 'Kim', answers: [] });
    p.socket.send({ type: 'answer', seq: 1, itemId: s.first, now: 30, wanted: 70 });
    const ack = await p.socket.waitFor(ackOf(1));
    // The ack names the version from which every state holds the answer.
    const version = ack.type === 'ack' ? (ack.version ?? Infinity) : Infinity;
    const seen = await staff.waitFor(stateWhere((st) => st.version >= version));
    expect(seen.type === 'state' && seen.state.items.find((i) => i.id === s.first)?.now.count).toBe(1);
    // A change made over HTTP reaches the sockets through the bus.
    await top.post(`/api/v1/dialogue/sessions/${s.id}/control`, { op: 'goto', itemId: s.second });
    await staff.waitFor(stateWhere((st) => st.currentItemId === s.second));
    await p.socket.waitFor(stateWhere((st) => st.currentItemId === s.second && st.own?.answers.some((a) => a.itemId === s.first && a.now === 30) === true));
  });

  it('a reconnect with the same token restores the participant’s state and own answers', async () => {
    const s = await liveSession(top);
    const token = await joinAs(app, s.code);
    const p = await participant(s.code, token);
    p.socket.send({ type: 'answer', seq: 7, itemId: s.first, now: 12 });
    await p.socket.waitFor(ackOf(7));
    p.socket.ws.close();
    await p.socket.closed;
    const again = await participant(s.code, token);
    expect(again.first.own?.answers).toEqual([{ itemId: s.first, now: 12, wanted: null }]);
    expect(again.first.participantCount).toBe(1);
  });

  it('refuses an answer to a locked item with an error, and the facilitator controls over the socket', async () => {
    const s = await liveSession(top);
    const staff = await facilitator(s.id);
    const p = await participant(s.code, await joinAs(app, s.code));
    staff.send({ type: 'control', seq: 1, op: 'lock', itemId: s.first });
    await staff.waitFor(ackOf(1));
    await p.socket.waitFor(stateWhere((st) => st.items.find((i) => i.id === s.first)?.state === 'locked'));
    p.socket.send({ type: 'answer', seq: 2, itemId: s.first, now: 50 });
    expect(await p.socket.waitFor(errorOf(2))).toMatchObject({ code: 'dialogue_item_locked' });
    // A participant cannot control the session.
    p.socket.send({ type: 'control', seq: 3, op: 'unlock', itemId: s.first });
    expect(await p.socket.waitFor(errorOf(3))).toMatchObject({ code: 'forbidden' });
  });

  it('answers a value out of range with validation_failed and keeps the socket', async () => {
    const s = await liveSession(top);
    const p = await participant(s.code, await joinAs(app, s.code));
    p.socket.send({ type: 'answer', seq: 1, itemId: s.first, now: 101 });
    expect(await p.socket.waitFor(errorOf(1))).toMatchObject({ code: 'validation_failed' });
    p.socket.send({ type: 'answer', seq: 2, itemId: s.first, now: -1 });
    expect(await p.socket.waitFor(errorOf(2))).toMatchObject({ code: 'validation_failed' });
    p.socket.send({ type: 'answer', seq: 3, itemId: s.first, now: 100 });
    await p.socket.waitFor(ackOf(3));
  });

  it('closes a socket that sends what is not a message (4400); the session stays usable for the others', async () => {
    const s = await liveSession(top);
    const bad = await participant(s.code, await joinAs(app, s.code));
    const good = await participant(s.code, await joinAs(app, s.code));
    bad.socket.send('{"type":"answer", seq');
    expect(await bad.socket.closed).toBe(CLOSE.badMessage);
    const unknown = await participant(s.code, await joinAs(app, s.code));
    unknown.socket.send({ type: 'vote', itemId: s.first });
    expect(await unknown.socket.closed).toBe(CLOSE.badMessage);
    good.socket.send({ type: 'answer', seq: 1, itemId: s.first, now: 40 });
    await good.socket.waitFor(ackOf(1));
    // Before its hello a participant may send nothing else.
    const { socket, opened } = openSocket(`${base}/api/v1/dialogue/live/${s.code}/socket`);
    open.push(socket);
    await opened;
    socket.send({ type: 'answer', seq: 1, itemId: s.first, now: 1 });
    expect(await socket.closed).toBe(CLOSE.badMessage);
  });

  it('refuses a flood with errors, closes a socket that keeps on (4429), and leaves the others alone', async () => {
    const s = await liveSession(top);
    const flooder = await participant(s.code, await joinAs(app, s.code));
    const calm = await participant(s.code, await joinAs(app, s.code));
    for (let seq = 1; seq <= 20; seq++) flooder.socket.send({ type: 'answer', seq, itemId: s.first, now: seq });
    await flooder.socket.waitFor((m) => m.type === 'error' && m.code === 'dialogue_rate_limited');
    calm.socket.send({ type: 'answer', seq: 1, itemId: s.first, now: 60 });
    await calm.socket.waitFor(ackOf(1));
    for (let seq = 100; seq <= 100 + FLOOD_CLOSE_AFTER + 5; seq++) flooder.socket.send({ type: 'answer', seq, itemId: s.first, now: 1 });
    expect(await flooder.socket.closed).toBe(CLOSE.flood);
    calm.socket.send({ type: 'answer', seq: 2, itemId: s.first, now: 61 });
    await calm.socket.waitFor(ackOf(2));
  });

  it('refuses an upgrade from another site (Origin), and accepts the own origin', async () => {
    const s = await liveSession(top);
    const foreign = openSocket(`${base}/api/v1/dialogue/sessions/${s.id}/socket`, { headers: { cookie: top.cookie }, origin: 'https://evil.example' });
    await expect(foreign.opened).rejects.toThrow('upgrade refused: 403');
    const own = openSocket(`${base}/api/v1/dialogue/sessions/${s.id}/socket`, { headers: { cookie: top.cookie }, origin: base.replace(/^ws/, 'http') });
    open.push(own.socket);
    await own.opened;
    await own.socket.waitFor(isState);
    const participantForeign = openSocket(`${base}/api/v1/dialogue/live/${s.code}/socket`, { origin: 'null' });
    await expect(participantForeign.opened).rejects.toThrow('upgrade refused: 403');
  });

  it('refuses a facilitator of another school (4404), a member without the right (4403) and no session (4401)', async () => {
    const s = await liveSession(top);
    expect(await (await facilitator(s.id, foreignTop.cookie)).closed).toBe(4404);
    expect(await (await facilitator(s.id, teacher.cookie)).closed).toBe(CLOSE.unauthorized);
    expect(await (await facilitator(s.id, '')).closed).toBe(4401);
  });

  it('ends a facilitator’s socket once the session behind it has signed out (checked again every RECHECK_MS)', async () => {
    const s = await liveSession(top);
    const leaving = await signIn(app, (await buildPerson(db, school, { roles: ['top_management'] })).email);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const staff = await facilitator(s.id, leaving.cookie);
      await staff.waitFor(isState);
      vi.advanceTimersByTime(RECHECK_MS);
      await new Promise((r) => setTimeout(r, 300));
      expect(staff.ws.readyState).toBe(staff.ws.OPEN);
      expect((await leaving.post('/api/v1/auth/logout')).statusCode).toBeLessThan(300);
      vi.advanceTimersByTime(RECHECK_MS);
      expect(await staff.closed).toBe(4401);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a wrong code (4404) and a wrong token (4403); closing the session closes the participants’ sockets', async () => {
    const s = await liveSession(top);
    const wrong = openSocket(`${base}/api/v1/dialogue/live/ZZZZZZ/socket`);
    open.push(wrong.socket);
    await wrong.opened;
    expect(await wrong.socket.closed).toBe(CLOSE.notFound);
    const { socket, opened } = openSocket(`${base}/api/v1/dialogue/live/${s.code}/socket`);
    open.push(socket);
    await opened;
    socket.send({ type: 'hello', token: 'not-a-token' });
    expect(await socket.closed).toBe(CLOSE.unauthorized);
    const p = await participant(s.code, await joinAs(app, s.code));
    const staff = await facilitator(s.id);
    staff.send({ type: 'control', seq: 1, op: 'close' });
    await staff.waitFor(ackOf(1));
    await p.socket.waitFor(stateWhere((st) => st.status === 'closed'));
    expect(await p.socket.closed).toBe(CLOSE.notFound);
    const late = openSocket(`${base}/api/v1/dialogue/live/${s.code}/socket`);
    open.push(late.socket);
    await late.opened;
    expect(await late.socket.closed).toBe(CLOSE.notFound);
  });

  it('a state pushed after answers alone is the state the HTTP route reads whole', async () => {
    const s = await liveSession(top);
    const staff = await facilitator(s.id);
    await staff.waitFor(isState);
    for (const [k, now] of [15, 55, 95, 35].entries()) {
      const p = await participant(s.code, await joinAs(app, s.code));
      p.socket.send({ type: 'answer', seq: k, itemId: s.first, now, wanted: 100 - now });
      await p.socket.waitFor(ackOf(k));
    }
    const whole = (await top.get(`/api/v1/dialogue/sessions/${s.id}/live`)).json() as { version: number; items: unknown[] };
    const pushed = await staff.waitFor(stateWhere((st) => st.version >= whole.version && st.items[0]?.now.count === 4));
    expect(pushed.type === 'state' && pushed.state.items).toEqual(whole.items);
  });

  it('the screen sees a distribution only once it is revealed', async () => {
    const s = await liveSession(top);
    const screen = await facilitator(s.id, top.cookie, 'screen');
    expect((await screen.waitFor(isState)).state.view).toBe('screen');
    for (const [k, now] of [10, 20, 30].entries()) {
      const p = await participant(s.code, await joinAs(app, s.code));
      p.socket.send({ type: 'answer', seq: k, itemId: s.first, now });
      await p.socket.waitFor(ackOf(k));
    }
    await screen.waitFor(stateWhere((st) => st.items.find((i) => i.id === s.first)?.now.count === 3));
    expect(screen.heard.filter(isState).every((m) => m.state.items.every((i) => i.now.values === undefined))).toBe(true);
    await top.post(`/api/v1/dialogue/sessions/${s.id}/control`, { op: 'reveal', itemId: s.first });
    const revealed = await screen.waitFor(stateWhere((st) => st.items.find((i) => i.id === s.first)?.now.shown === true));
    expect(revealed.type === 'state' && revealed.state.items.find((i) => i.id === s.first)?.now.values).toEqual([10, 20, 30]);
  });
});
