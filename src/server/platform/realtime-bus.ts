import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../db/client';
import { PgListener } from './pg-listener';

/**
 * Live changes between the code that makes them (a command after its commit) and the connections
 * that show them (WebSockets of this instance). A topic is a string such as `dialogue:<sessionId>`;
 * a message is a short string (PostgreSQL NOTIFY payloads are limited to 8,000 bytes).
 *
 * On the embedded database there is one instance, and the bus is in-process. With several
 * instances on one PostgreSQL the bus also carries each message to the others (LISTEN/NOTIFY).
 */
export interface RealtimeBus {
  /** Delivers `message` to every subscriber of `topic` on every instance. Call it after the change has committed. */
  publish(topic: string, message: string): void;
  /** Calls `fn` for every message on `topic` (from any instance); returns the unsubscribe. */
  subscribe(topic: string, fn: (message: string) => void): () => void;
  close(): Promise<void>;
}

/** One process: subscribers are called on the next tick, never inside the publisher's stack. */
export class InProcessBus implements RealtimeBus {
  private readonly topics = new Map<string, Set<(message: string) => void>>();

  publish(topic: string, message: string): void {
    const subs = this.topics.get(topic);
    if (!subs || subs.size === 0) return;
    for (const fn of subs) queueMicrotask(() => fn(message));
  }

  subscribe(topic: string, fn: (message: string) => void): () => void {
    let subs = this.topics.get(topic);
    if (!subs) this.topics.set(topic, (subs = new Set()));
    subs.add(fn);
    return () => {
      subs.delete(fn);
      if (subs.size === 0) this.topics.delete(topic);
    };
  }

  /** Delivers `message` to every subscriber of every topic (a resync after a lost connection). */
  publishAll(message: string): void {
    for (const topic of this.topics.keys()) this.publish(topic, message);
  }

  async close(): Promise<void> {
    this.topics.clear();
  }
}

const fallback = new WeakMap<object, RealtimeBus>();

/** The app's bus: the one given in its deps, else one in-process bus per deps object. */
export function busOf(deps: { bus?: RealtimeBus | undefined }): RealtimeBus {
  if (deps.bus) return deps.bus;
  let bus = fallback.get(deps);
  if (!bus) fallback.set(deps, (bus = new InProcessBus()));
  return bus;
}

/** The PostgreSQL channel every instance listens on. */
export const BUS_CHANNEL = 'retning_dialogue';
/**
 * Delivered to every subscriber when the listening connection has come back after a loss: messages
 * from other instances may have been missed meanwhile, so whoever holds state reads it again.
 */
export const BUS_RESYNC = '*resync';
/** PostgreSQL refuses NOTIFY payloads from 8,000 bytes; the instance id and the topic travel with the message. */
const MAX_PAYLOAD = 7_900;

type Log = { warn(msg: string): void };

/**
 * Several instances on one PostgreSQL: `publish` delivers to this instance's subscribers at once and
 * sends `NOTIFY retning_dialogue '<instance> <topic> <message>'` through the pool; one connection
 * of its own (beside the pool) LISTENs and hands the other instances' messages to the local
 * subscribers. Its own notifications come back too and are dropped, so each message reaches a
 * local subscriber once. The connection is a `PgListener` (platform/pg-listener.ts), as the session
 * changes' is; after a reconnect every subscriber gets `BUS_RESYNC`.
 */
export class PgBus implements RealtimeBus {
  private readonly local = new InProcessBus();
  private readonly instance = randomBytes(6).toString('base64url');
  private readonly listener: PgListener;
  private readonly ready: Promise<void>;
  /** Messages heard from other instances (tests, metrics). */
  heard = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly log: Log,
  ) {
    this.listener = new PgListener(
      { pool: () => this.pool, channel: BUS_CHANNEL, label: 'realtime bus', log },
      {
        notification: (payload) => this.heardFrom(payload),
        up: (again) => {
          if (again) this.local.publishAll(BUS_RESYNC);
        },
      },
    );
    this.ready = this.listener.start();
  }

  /** Resolves after the first attempt to listen (succeeded or not). */
  started(): Promise<void> {
    return this.ready;
  }

  get listening(): boolean {
    return this.listener.listening;
  }

  /** The listening connection's backend process id (null when not listening), for tests that cut it. */
  get listenerPid(): number | null {
    return this.listener.pid;
  }

  publish(topic: string, message: string): void {
    const payload = `${this.instance} ${topic} ${message}`;
    if (topic.includes(' ') || Buffer.byteLength(payload) > MAX_PAYLOAD) throw new Error(`bus message on ${topic} too large or topic with a space`);
    this.local.publish(topic, message);
    this.pool.query('select pg_notify($1, $2)', [BUS_CHANNEL, payload]).catch((err: unknown) => {
      this.log.warn(`realtime bus: could not notify the other instances (${err instanceof Error ? err.message : String(err)})`);
    });
  }

  subscribe(topic: string, fn: (message: string) => void): () => void {
    return this.local.subscribe(topic, fn);
  }

  async close(): Promise<void> {
    await this.listener.stop();
    await this.local.close();
  }

  private heardFrom(payload: string | undefined): void {
    const m = /^(\S+) (\S+) ([\s\S]*)$/.exec(payload ?? '');
    if (!m?.[1] || !m[2] || m[1] === this.instance) return;
    this.heard++;
    this.local.publish(m[2], m[3] ?? '');
  }
}

/** The embedded database's one in-process bus, shared by the apps that use that database (as tests run two). */
const embedded = new WeakMap<Database, InProcessBus>();

/**
 * The bus for an app on `database`: on PostgreSQL a PgBus of its own (closed with the app), on the
 * embedded database the database's in-process bus (one process is the only instance).
 */
export function createBus(database: Database, log: Log): { bus: RealtimeBus; owned: boolean } {
  const pool = database.kind === 'postgres' ? (database.db as unknown as { $client?: unknown }).$client : null;
  if (pool instanceof pg.Pool) return { bus: new PgBus(pool, log), owned: true };
  let bus = embedded.get(database);
  if (!bus) embedded.set(database, (bus = new InProcessBus()));
  return { bus, owned: false };
}
