import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Database, Executor } from '../db/client';
import type { App } from './http';
import { PgListener } from './pg-listener';
import type { SessionCache, SessionChange } from './session-cache';

/**
 * Session changes reach every app instance at once. The writer sends `NOTIFY retning_sessions` in
 * its own transaction (PostgreSQL delivers it only on commit, to every listening connection); each
 * instance on PostgreSQL listens on one connection of its own and drops the matching entries of
 * its session cache. While that connection is down the instance does not cache sessions at all.
 * The embedded database belongs to one process, so the change is handed to that process's caches
 * directly (a PGlite transaction holds its only connection, so no lookup can read the old state
 * back into a cache before the commit).
 *
 * The instance that makes a change does not wait for its own notification: the request's changes
 * are applied to its cache when they are announced and again once its answer is being sent (after
 * the commit), so the client's next request is refused or sees the change whatever the timing.
 */
export const SESSION_CHANNEL = 'retning_sessions';

const encode = (c: SessionChange) => `${c.kind === 'account' ? 'a' : 's'}:${c.id}`;
const decode = (payload: string | undefined): SessionChange | null => {
  const m = /^([as]):(.+)$/.exec(payload ?? '');
  if (!m?.[2]) return null;
  return { kind: m[1] === 'a' ? 'account' : 'session', id: m[2] };
};

/** The session caches of apps on an embedded database in this process. */
const embeddedCaches = new Set<SessionCache>();

/** The changes announced while one request of one app is handled, and that app's cache. */
type RequestScope = { cache: SessionCache; changes: SessionChange[] };
const requestScope = new AsyncLocalStorage<RequestScope>();

/**
 * Announces changes to who someone is, in the caller's transaction (or at once outside one).
 * Every place that ends a session or changes a person's roles, record or account calls this.
 */
export async function announceSessionChanges(exec: Executor, changes: SessionChange[]): Promise<void> {
  if (changes.length === 0) return;
  for (const cache of embeddedCaches) for (const change of changes) cache.changed(change);
  const scope = requestScope.getStore();
  if (scope) {
    for (const change of changes) scope.cache.changed(change);
    scope.changes.push(...changes);
  }
  const payloads = sql.join(
    changes.map((c) => sql`(${encode(c)})`),
    sql`, `,
  );
  await exec.execute(sql`select pg_notify(${SESSION_CHANNEL}, v.p) from (values ${payloads}) as v(p)`);
}

/** Someone's roles, person record, language, password or sessions changed. */
export const accountChanged = (exec: Executor, accountId: string) => announceSessionChanges(exec, [{ kind: 'account', id: accountId }]);
/** One session ended or switched school. */
export const sessionChanged = (exec: Executor, sessionId: string) => announceSessionChanges(exec, [{ kind: 'session', id: sessionId }]);

type Log = { warn(msg: string): void };

/** Keeps one app's session cache in step with the changes every instance announces. */
export class SessionEvents {
  private readonly listener: PgListener;
  private embedded = false;
  /** How many changes this instance has heard from the database (for /metrics and the tests). */
  heard = 0;

  constructor(
    private readonly database: Database,
    private readonly cache: SessionCache,
    log: Log,
  ) {
    this.listener = new PgListener(
      { pool: () => this.pool(), channel: SESSION_CHANNEL, label: 'session changes (sessions are not cached meanwhile)', log },
      {
        notification: (payload) => {
          const change = decode(payload);
          if (!change) return;
          this.heard++;
          this.cache.changed(change);
        },
        // Listening from now on: entries cached before this moment may have missed a change.
        up: () => this.cache.enable(),
        down: () => this.cache.disable(),
      },
    );
  }

  /**
   * Hooks the app's requests (their own changes reach the cache without waiting for the database)
   * and, on PostgreSQL, listens. Resolves after the first attempt to listen; until listening works
   * the cache stays off.
   */
  async start(app: App): Promise<void> {
    this.trackRequests(app);
    app.addHook('onClose', () => this.stop());
    if (!this.pool()) {
      this.embedded = true;
      embeddedCaches.add(this.cache);
      return;
    }
    this.cache.disable();
    await this.listener.start();
  }

  async stop(): Promise<void> {
    embeddedCaches.delete(this.cache);
    await this.listener.stop();
  }

  /** The listening connection's backend process id (null when not listening). */
  get listenerPid(): number | null {
    return this.listener.pid;
  }

  /** Whether this instance hears every session change (always, on the embedded database). */
  get listening(): boolean {
    return this.embedded || (this.listener.listening && this.cache.enabled);
  }

  private trackRequests(app: App): void {
    const scopes = new WeakMap<FastifyRequest, RequestScope>();
    app.addHook('preHandler', (req, _reply, done) => {
      const scope: RequestScope = { cache: this.cache, changes: [] };
      scopes.set(req, scope);
      requestScope.run(scope, done);
    });
    // After the handler (a writing route's transaction has committed) and again when a streamed answer has ended.
    const reapply = (req: FastifyRequest) => {
      for (const change of scopes.get(req)?.changes ?? []) this.cache.changed(change);
    };
    app.addHook('onSend', async (req, _reply, payload) => {
      reapply(req);
      return payload;
    });
    app.addHook('onResponse', async (req) => reapply(req));
  }

  private pool(): pg.Pool | null {
    if (this.database.kind !== 'postgres') return null;
    const client = (this.database.db as unknown as { $client?: unknown }).$client;
    return client instanceof pg.Pool ? client : null;
  }
}
