import type { Actor } from './actor';

/**
 * A short-lived, per-process cache of resolved sessions, so that a signed-in request does not
 * need a database round trip every time. An entry lives at most CACHE_TTL_MS; changes that alter
 * who someone is (sign-out, ended sessions, roles, deactivation, password, language) mark the
 * account or session as changed, and older entries are then ignored. Another app instance sees
 * such a change within CACHE_TTL_MS (docs/SCALING.md).
 */
export const CACHE_TTL_MS = 10_000;
const MAX_ENTRIES = 50_000;

const changedAt = new Map<string, number>();
let lastPrune = 0;

function mark(key: string): void {
  const now = Date.now();
  changedAt.set(key, now);
  if (now - lastPrune > CACHE_TTL_MS) {
    lastPrune = now;
    for (const [k, at] of changedAt) if (now - at > CACHE_TTL_MS) changedAt.delete(k);
  }
}

/** Someone's roles, person record, language, password or sessions changed. */
export const accountChanged = (accountId: string) => mark(`a:${accountId}`);
/** One session ended or switched school. */
export const sessionChanged = (sessionId: string) => mark(`s:${sessionId}`);

type Entry = { actor: Actor; cachedAt: number; lastSeenAt: number; expiresAt: number };

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  constructor(private readonly idleMs: number) {}

  get(tokenHash: string, now = Date.now()): Actor | null {
    const e = this.entries.get(tokenHash);
    if (!e) return null;
    const stale =
      now - e.cachedAt >= CACHE_TTL_MS ||
      now >= e.expiresAt ||
      now - e.lastSeenAt > this.idleMs ||
      (changedAt.get(`a:${e.actor.accountId}`) ?? -1) >= e.cachedAt ||
      (changedAt.get(`s:${e.actor.sessionId}`) ?? -1) >= e.cachedAt;
    if (stale) {
      this.entries.delete(tokenHash);
      return null;
    }
    return e.actor;
  }

  set(tokenHash: string, actor: Actor, lastSeenAt: number, expiresAt: number, now = Date.now()): void {
    if (this.entries.size >= MAX_ENTRIES) {
      for (const [k, e] of this.entries) if (now - e.cachedAt >= CACHE_TTL_MS) this.entries.delete(k);
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    }
    this.entries.set(tokenHash, { actor, cachedAt: now, lastSeenAt, expiresAt });
  }
}
