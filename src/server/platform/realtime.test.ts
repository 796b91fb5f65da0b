import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { assertKernelRoute, KERNEL } from './kernel';
import { closeCodeOf, REALTIME } from './realtime';

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
