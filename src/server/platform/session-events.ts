import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Database, Executor } from '../db/client';
import type { App } from './http';
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
/** How often the listening connection proves it is alive; a silent one turns the cache off. */
const LISTEN_CHECK_MS = 5_000;
const RECONNECT_FIRST_MS = 200;
const RECONNECT_MAX_MS = 10_000;

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

type Log = { info(msg: string): void; warn(msg: string): void };

/** Keeps one app's session cache in step with the changes every instance announces. */
export class SessionEvents {
  private client: pg.Client | null = null;
  private stopped = false;
  private attempt = 0;
  private retry: NodeJS.Timeout | null = null;
  private check: NodeJS.Timeout | null = null;
  private embedded = false;
  /** How many changes this instance has heard from the database (for /metrics and the tests). */
  heard = 0;

  constructor(
    private readonly database: Database,
    private readonly cache: SessionCache,
    private readonly log: Log,
  ) {}

  /**
   * Hooks the app's requests (their own changes reach the cache without waiting for the database)
   * and, on PostgreSQL, listens. Resolves after the first attempt to listen; until listening works
   * the cache stays off.
   */
  async start(app: App): Promise<void> {
    this.trackRequests(app);
    app.addHook('onClose', () => this.stop());
    const pool = this.pool();
    if (!pool) {
      this.embedded = true;
      embeddedCaches.add(this.cache);
      return;
    }
    this.cache.disable();
    await this.connect(pool);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    embeddedCaches.delete(this.cache);
    if (this.retry) clearTimeout(this.retry);
    if (this.check) clearInterval(this.check);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  /** The listening connection's backend process id (null when not listening). */
  get listenerPid(): number | null {
    return (this.client as unknown as { processID?: number } | null)?.processID ?? null;
  }

  /** Whether this instance hears every session change (always, on the embedded database). */
  get listening(): boolean {
    return this.embedded || (this.client !== null && this.cache.enabled);
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

  private async connect(pool: pg.Pool): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ ...pool.options, keepAlive: true });
    client.on('notification', (msg) => {
      if (msg.channel !== SESSION_CHANNEL || client !== this.client) return;
      const change = decode(msg.payload);
      if (!change) return;
      this.heard++;
      this.cache.changed(change);
    });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`listen ${SESSION_CHANNEL}`);
    } catch (err) {
      client.removeAllListeners('end');
      client.on('error', () => {});
      await client.end().catch(() => {});
      this.lost(client, err);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.attempt = 0;
    // Listening from now on: entries cached before this moment may have missed a change.
    this.cache.enable();
    if (this.check) clearInterval(this.check);
    this.check = setInterval(() => void this.proveAlive(client), LISTEN_CHECK_MS);
    this.check.unref();
  }

  private async proveAlive(client: pg.Client): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no answer')), LISTEN_CHECK_MS);
    });
    try {
      await Promise.race([client.query('select 1'), timeout]);
    } catch (err) {
      this.lost(client, err);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The listening connection is gone or never came: stop caching and try again with back-off. */
  private lost(client: pg.Client, err: unknown): void {
    if (this.stopped || (this.client !== null && client !== this.client) || this.retry) return;
    this.cache.disable();
    if (this.client === client) {
      this.client = null;
      client.removeAllListeners('end');
      client.on('error', () => {});
      void client.end().catch(() => {});
    }
    if (this.check) clearInterval(this.check);
    this.check = null;
    const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** this.attempt++);
    this.log.warn(`session changes: not listening (${err instanceof Error ? err.message : String(err)}); sessions are not cached; retrying in ${delay} ms`);
    this.retry = setTimeout(() => {
      this.retry = null;
      const pool = this.pool();
      if (pool) void this.connect(pool);
    }, delay);
    this.retry.unref();
  }
}
