import Fastify from 'fastify';
import websocket from '@fastify/websocket';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { AppError } from './errors';
import type { App } from './http';
import { assertKernelRoute, KERNEL } from './kernel';
import { closeCodeOf, keepSocketsAlive, REALTIME } from './realtime';

/* The kernel's part in WebSockets: the start check and the close codes of refusals (the steps themselves: features/dialogue/realtime.test.ts). */

describe('socket routes through the kernel', () => {
  it('refuses at start a WebSocket under /api/v1 not declared with socketRoute(), and a socketRoute() that is no WebSocket', () => {
    expect(() => assertKernelRoute({ url: '/api/v1/x', method: 'GET', websocket: true })).toThrow('route kernel');
    expect(() => assertKernelRoute({ url: '/api/v1/x', method: 'GET', websocket: true, config: { [KERNEL]: true } })).toThrow('socketRoute');
    expect(() => assertKernelRoute({ url: '/api/v1/x', method: 'GET', config: { [KERNEL]: true, [REALTIME]: true } })).toThrow('socketRoute');
    expect(() => assertKernelRoute({ url: '/api/v1/x', method: 'GET', websocket: true, config: { [KERNEL]: true, [REALTIME]: true } })).not.toThrow();
    expect(() => assertKernelRoute({ url: '/api/v1/x', method: 'GET', config: { [KERNEL]: true } })).not.toThrow();
  });

  it('closes a refused socket with 4000 + the status, bad input as 4400 and anything unexpected as 1011', () => {
    expect(closeCodeOf(new AppError(401, 'unauthenticated'))).toBe(4401);
    expect(closeCodeOf(new AppError(403, 'forbidden'))).toBe(4403);
    expect(closeCodeOf(new AppError(404, 'not_found'))).toBe(4404);
    expect(closeCodeOf(new AppError(422, 'validation_failed'))).toBe(4400);
    expect(closeCodeOf(new Error('boom'))).toBe(1011);
  });
});

describe('the heartbeat', () => {
  it('ends a socket whose other end stopped answering pings, and keeps one that answers', async () => {
    const app = Fastify() as unknown as App;
    await app.register(websocket);
    keepSocketsAlive(app, 50);
    app.get('/ws', { websocket: true }, () => {});
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const url = `${address.replace(/^http/, 'ws')}/ws`;
      const alive = new WebSocket(url);
      const gone = new WebSocket(url, { autoPong: false });
      const goneClosed = new Promise<number>((resolve) => gone.on('close', (code) => resolve(code)));
      await Promise.all([alive, gone].map((ws) => new Promise((resolve) => ws.once('open', resolve))));
      expect(await goneClosed).toBe(1006);
      await new Promise((r) => setTimeout(r, 200));
      expect(alive.readyState).toBe(WebSocket.OPEN);
      alive.close();
    } finally {
      await app.close();
    }
  });
});
