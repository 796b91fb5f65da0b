import { expect } from 'vitest';
import WebSocket from 'ws';
import type { TLiveState } from '../../../shared/api/dialogue';
import type { App } from '../../platform/http';
import type { TestClient } from '../../test/client';

/* What the dialogue's WebSocket tests share: a live session made through the API, and a socket client that keeps what it hears. */

export type Heard = { type: 'state'; state: TLiveState } | { type: 'ack'; seq: number; version?: number } | { type: 'error'; code: string; seq?: number };

export type LiveSocket = {
  ws: WebSocket;
  heard: Heard[];
  send(msg: unknown): void;
  /** Resolves with the first message (heard already or later) that matches. */
  waitFor<T extends Heard>(match: (m: Heard) => m is T, timeoutMs?: number): Promise<T>;
  waitFor(match: (m: Heard) => boolean, timeoutMs?: number): Promise<Heard>;
  /** Resolves with the close code. */
  closed: Promise<number>;
};

export const isState = (m: Heard): m is Extract<Heard, { type: 'state' }> => m.type === 'state';
export const stateWhere = (f: (s: TLiveState) => boolean) => (m: Heard) => m.type === 'state' && f(m.state);
export const ackOf = (seq: number) => (m: Heard) => m.type === 'ack' && m.seq === seq;
export const errorOf = (seq: number) => (m: Heard) => m.type === 'error' && m.seq === seq;

/** Opens a socket; `opened` rejects when the upgrade is refused (the HTTP status in the message). */
export function openSocket(url: string, options: WebSocket.ClientOptions = {}): { socket: LiveSocket; opened: Promise<void> } {
  const ws = new WebSocket(url, options);
  const heard: Heard[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (data) => {
    heard.push(JSON.parse(String(data)) as Heard);
    for (const w of waiters) w();
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.once('error', reject);
  });
  const waitFor = (match: (m: Heard) => boolean, timeoutMs = 3_000) =>
    new Promise<Heard>((resolve, reject) => {
      let from = 0;
      const check = () => {
        for (; from < heard.length; from++) {
          const m = heard[from] as Heard;
          if (match(m)) {
            waiters.delete(check);
            clearTimeout(timer);
            return resolve(m);
          }
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no matching message in ${timeoutMs} ms; heard ${JSON.stringify(heard.map((h) => h.type))}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  return { socket: { ws, heard, send: (msg) => ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg)), waitFor: waitFor as LiveSocket['waitFor'], closed }, opened };
}

/** A base URL of a listening app, as ws:// */
export async function listening(app: App): Promise<string> {
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return address.replace(/^http/, 'ws');
}

/** A live session opened through the API with two items, joining open and the first item current. */
export async function liveSession(facilitator: TestClient, title = 'Workshop') {
  const made = await facilitator.post('/api/v1/dialogue/sessions', {
    title,
    mode: 'live',
    items: [{ pairKey: 'teknik-paedagogik' }, { pairKey: 'fravalg-valg' }],
  });
  expect(made.statusCode, made.body).toBe(201);
  const { id } = made.json() as { id: string };
  const opened = await facilitator.post(`/api/v1/dialogue/sessions/${id}/open`, {});
  expect(opened.statusCode, opened.body).toBe(200);
  const session = opened.json() as { code: string; items: { id: string }[] };
  const [first, second] = session.items.map((i) => i.id) as [string, string];
  for (const body of [{ op: 'openJoin' }, { op: 'goto', itemId: first }]) {
    const res = await facilitator.post(`/api/v1/dialogue/sessions/${id}/control`, body);
    expect(res.statusCode, res.body).toBeLessThan(300);
  }
  return { id, code: session.code, first, second };
}

/** A participant's token from the join route. */
export async function joinAs(app: App, code: string, nickname?: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/dialogue/join', payload: { code, ...(nickname ? { nickname } : {}) } });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { token: string }).token;
}
