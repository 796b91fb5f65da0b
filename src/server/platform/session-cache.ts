import type { Actor } from './actor';

/**
 * A short-lived, per-app cache of resolved sessions, so that a signed-in request does not need a
 * database round trip every time. An entry lives at most CACHE_TTL_MS. Changes that alter who
 * someone is (sign-out, ended sessions, roles, deactivation, password, language) reach every app
 * instance as a session change (`platform/session-events.ts`): entries cached before the change
 * are then ignored. An instance that cannot hear those changes turns the cache off (`disable`).
 */
export const CACHE_TTL_MS = 10_000;
const MAX_ENTRIES = 50_000;

/** Someone's roles, person record, language, password or sessions changed (`account`), or one session ended or switched school (`session`). */
export type SessionChange = { kind: 'account' | 'session'; id: string };

type Entry = { actor: Actor; cachedAt: number; lastSeenAt: number; expiresAt: number };

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private readonly changedAt = new Map<string, number>();
  private lastPrune = 0;
  /** Entries cached before this moment are ignored; null while the cache is off. */
  private validSince: number | null;

  constructor(
    private readonly idleMs: number,
    options: { enabled?: boolean } = {},
  ) {
    this.validSince = options.enabled === false ? null : 0;
  }

  get enabled(): boolean {
    return this.validSince !== null;
  }

  get size(): number {
    return this.entries.size;
  }

  get(tokenHash: string, now = Date.now()): Actor | null {
    const e = this.entries.get(tokenHash);
    if (!e) return null;
    const stale =
      this.validSince === null ||
      e.cachedAt < this.validSince ||
      now - e.cachedAt >= CACHE_TTL_MS ||
      now >= e.expiresAt ||
      now - e.lastSeenAt > this.idleMs ||
      (this.changedAt.get(`account:${e.actor.accountId}`) ?? -1) >= e.cachedAt ||
      (this.changedAt.get(`session:${e.actor.sessionId}`) ?? -1) >= e.cachedAt;
    if (stale) {
      this.entries.delete(tokenHash);
      return null;
    }
    return e.actor;
  }

  /** `now` is when the lookup started, before its query: a change heard after that makes the entry stale. */
  set(tokenHash: string, actor: Actor, lastSeenAt: number, expiresAt: number, now = Date.now()): void {
    if (this.validSince === null || now < this.validSince) return;
    if (this.entries.size >= MAX_ENTRIES) {
      for (const [k, e] of this.entries) if (now - e.cachedAt >= CACHE_TTL_MS) this.entries.delete(k);
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    }
    this.entries.set(tokenHash, { actor, cachedAt: now, lastSeenAt, expiresAt });
  }

  /** Entries of this account or session cached up to now are not served again. */
  changed(change: SessionChange, now = Date.now()): void {
    this.changedAt.set(`${change.kind}:${change.id}`, now);
    if (now - this.lastPrune > CACHE_TTL_MS) {
      this.lastPrune = now;
      for (const [k, at] of this.changedAt) if (now - at > CACHE_TTL_MS) this.changedAt.delete(k);
    }
  }

  /** Stops caching and forgets every entry (the instance may miss changes from now on). */
  disable(): void {
    this.validSince = null;
    this.entries.clear();
  }

  /** Caches again; nothing cached before now is served (changes may have been missed meanwhile). */
  enable(now = Date.now()): void {
    this.validSince = now;
  }
}
