import { describe, expect, it } from 'vitest';
import type { Actor } from './actor';
import { CACHE_TTL_MS, SessionCache } from './session-cache';

const actor = (accountId: string, sessionId: string): Actor => ({
  accountId,
  email: 'x@test',
  locale: 'da',
  sessionId,
  csrfToken: 'c',
  school: null,
  person: null,
  roles: [],
  network: null,
});

describe('session cache', () => {
  const idle = 30 * 60_000;

  it('serves an entry until its time to live runs out', () => {
    const cache = new SessionCache(idle);
    const now = Date.now();
    cache.set('h1', actor('a1', 's1'), now, now + 3_600_000, now);
    expect(cache.get('h1', now + 1)?.accountId).toBe('a1');
    expect(cache.get('h1', now + CACHE_TTL_MS)).toBeNull();
  });

  it('never serves past the absolute expiry or the idle timeout', () => {
    const cache = new SessionCache(1000);
    const now = Date.now();
    cache.set('h2', actor('a2', 's2'), now - 999, now + 5, now);
    expect(cache.get('h2', now)?.accountId).toBe('a2');
    expect(cache.get('h2', now + 5)).toBeNull();
    cache.set('h3', actor('a3', 's3'), now - 999, now + 60_000, now);
    expect(cache.get('h3', now + 2)).toBeNull();
  });

  it('drops entries of an account or session that changed after they were cached', async () => {
    const cache = new SessionCache(idle);
    const other = new SessionCache(idle);
    const now = Date.now() - 5;
    cache.set('h4', actor('a4', 's4'), now, now + 3_600_000, now);
    cache.set('h5', actor('a5', 's5'), now, now + 3_600_000, now);
    cache.set('h6', actor('a6', 's6'), now, now + 3_600_000, now);
    other.set('h4', actor('a4', 's4'), now, now + 3_600_000, now);
    cache.changed({ kind: 'account', id: 'a4' });
    cache.changed({ kind: 'session', id: 's5' });
    expect(cache.get('h4')).toBeNull();
    expect(cache.get('h5')).toBeNull();
    expect(cache.get('h6')?.accountId).toBe('a6');
    // Each app instance has its own cache: a change reaches another only by being announced to it.
    expect(other.get('h4')?.accountId).toBe('a4');
  });

  it('does not keep a lookup that started before the change was heard', () => {
    const cache = new SessionCache(idle);
    const started = Date.now() - 5;
    cache.changed({ kind: 'session', id: 's7' }, started + 1);
    cache.set('h7', actor('a7', 's7'), started, started + 3_600_000, started);
    expect(cache.get('h7')).toBeNull();
  });

  it('caches nothing while off, and nothing from before it was turned on again', () => {
    const cache = new SessionCache(idle, { enabled: false });
    const now = Date.now() - 10;
    cache.set('h8', actor('a8', 's8'), now, now + 3_600_000, now);
    expect(cache.get('h8')).toBeNull();
    cache.enable(now + 5);
    cache.set('h8', actor('a8', 's8'), now, now + 3_600_000, now);
    expect(cache.get('h8')).toBeNull();
    cache.set('h9', actor('a9', 's9'), now + 6, now + 3_600_000, now + 6);
    expect(cache.get('h9')?.accountId).toBe('a9');
    cache.disable();
    expect(cache.enabled).toBe(false);
    expect(cache.get('h9')).toBeNull();
  });
});
