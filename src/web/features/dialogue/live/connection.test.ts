import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKOFF_MAX_MS, FAILURES_BEFORE_POLLING, LiveConnection, type LiveMode, POLL_MS, RETRY_WS_WHILE_POLLING_MS, backoffDelay } from './connection';

/**
 * The live client's connection rules without a server: a socket that cannot be opened (a school's
 * proxy) leads to polling of the HTTP state after a few tries, a working socket is used with its
 * hello first, a dropped one reconnects with back-off, and a refusal for good stops it.
 */
class FakeSocket {
  static readonly OPEN = 1;
  static made: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.drop(1000);
  }
  open() {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }
  push(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(code: number) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

type S = { version: number };

function connect(options: { onClose?: (code: number) => boolean } = {}) {
  const states: S[] = [];
  const modes: LiveMode[] = [];
  let polls = 0;
  const live = new LiveConnection<S>({
    wsUrl: 'ws://test/api/v1/dialogue/live/ABCDEF',
    hello: () => ({ type: 'hello', token: 't' }),
    read: (m) => (typeof m === 'object' && m !== null && 'state' in m ? (m.state as S) : null),
    poll: async () => ({ version: ++polls }),
    onState: (s) => states.push(s),
    onMode: (m) => modes.push(m),
    onClose: options.onClose,
  });
  live.start();
  return { live, states, modes, polls: () => polls };
}

const last = () => FakeSocket.made[FakeSocket.made.length - 1] as FakeSocket;

describe('the live connection', () => {
  beforeEach(() => {
    FakeSocket.made = [];
    vi.useFakeTimers();
    vi.stubGlobal('WebSocket', FakeSocket);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('polls the HTTP state when the socket cannot be opened, and keeps trying the socket now and then', async () => {
    const c = connect();
    for (let i = 0; i < FAILURES_BEFORE_POLLING; i++) {
      expect(c.modes).not.toContain('polling');
      last().drop(1006);
      if (i < FAILURES_BEFORE_POLLING - 1) await vi.advanceTimersByTimeAsync(BACKOFF_MAX_MS * 1.25 + 1);
    }
    expect(c.modes[c.modes.length - 1]).toBe('polling');
    const sockets = FakeSocket.made.length;
    const before = c.polls();
    await vi.advanceTimersByTimeAsync(POLL_MS * 5);
    expect(c.polls()).toBeGreaterThanOrEqual(before + 4);
    expect(c.states.length).toBeGreaterThan(0);
    expect(FakeSocket.made.length).toBe(sockets);
    await vi.advanceTimersByTimeAsync(RETRY_WS_WHILE_POLLING_MS);
    expect(FakeSocket.made.length).toBe(sockets + 1);
    // the socket works again: live, and the polling stops
    last().open();
    expect(c.modes[c.modes.length - 1]).toBe('live');
    const polled = c.polls();
    await vi.advanceTimersByTimeAsync(POLL_MS * 5);
    expect(c.polls()).toBe(polled);
    c.live.stop();
  });

  it('sends the hello first, takes pushed states, and sends commands only while open', () => {
    const c = connect();
    expect(c.live.send({ type: 'answer' })).toBe(false);
    last().open();
    expect(JSON.parse(last().sent[0] ?? '{}')).toEqual({ type: 'hello', token: 't' });
    last().push({ type: 'state', state: { version: 7 } });
    expect(c.states).toEqual([{ version: 7 }]);
    expect(c.live.send({ type: 'answer' })).toBe(true);
    c.live.stop();
  });

  it('reconnects with back-off after a drop instead of polling at once', async () => {
    const c = connect();
    last().open();
    await vi.advanceTimersByTimeAsync(10_000);
    last().drop(1006);
    expect(c.modes[c.modes.length - 1]).toBe('connecting');
    const made = FakeSocket.made.length;
    await vi.advanceTimersByTimeAsync(backoffDelay(0, () => 1) + 1);
    expect(FakeSocket.made.length).toBe(made + 1);
    expect(c.modes).not.toContain('polling');
    c.live.stop();
  });

  it('stops for good when the server refuses the participant', async () => {
    const c = connect({ onClose: (code) => code === 4403 });
    last().open();
    last().drop(4403);
    const made = FakeSocket.made.length;
    await vi.advanceTimersByTimeAsync(RETRY_WS_WHILE_POLLING_MS * 2);
    expect(FakeSocket.made.length).toBe(made);
    expect(c.polls()).toBe(0);
  });

  it('backs off from half a second to at most ten, with jitter', () => {
    expect(backoffDelay(0, () => 0.5)).toBe(500);
    expect(backoffDelay(3, () => 0.5)).toBe(4000);
    expect(backoffDelay(20, () => 1)).toBeLessThanOrEqual(BACKOFF_MAX_MS * 1.25);
    expect(backoffDelay(20, () => 0)).toBeGreaterThanOrEqual(BACKOFF_MAX_MS * 0.75);
  });
});
