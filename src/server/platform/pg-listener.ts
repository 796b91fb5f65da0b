import pg from 'pg';

/** How often the listening connection proves it is alive; a silent one counts as lost. */
const LISTEN_CHECK_MS = 5_000;
const RECONNECT_FIRST_MS = 200;
const RECONNECT_MAX_MS = 10_000;

type Log = { warn(msg: string): void };

export type ListenerEvents = {
  /** A notification on the channel, heard on the current connection. */
  notification(payload: string | undefined): void;
  /** Listening (again); `again` after a loss, when notifications may have been missed meanwhile. */
  up(again: boolean): void;
  /** The connection is gone (or never came); a reconnect follows with back-off. */
  down?(): void;
};

/**
 * One connection of its own (beside the pool) that LISTENs on one PostgreSQL channel, for the
 * session changes (session-events.ts) and the realtime bus (realtime-bus.ts). It proves itself
 * every 5 s and reconnects after a loss with back-off, 0.2 s doubling to 10 s.
 */
export class PgListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private attempt = 0;
  private lostOnce = false;
  private retry: NodeJS.Timeout | null = null;
  private check: NodeJS.Timeout | null = null;

  constructor(
    private readonly options: { pool: () => pg.Pool | null; channel: string; label: string; log: Log },
    private readonly events: ListenerEvents,
  ) {}

  get listening(): boolean {
    return this.client !== null;
  }

  /** The listening connection's backend process id (null when not listening), for tests that cut it. */
  get pid(): number | null {
    return (this.client as unknown as { processID?: number } | null)?.processID ?? null;
  }

  /** Resolves after the first attempt to listen, successful or not. */
  async start(): Promise<void> {
    const pool = this.options.pool();
    if (pool) await this.connect(pool);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.check) clearInterval(this.check);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private async connect(pool: pg.Pool): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ ...pool.options, keepAlive: true });
    client.on('notification', (msg) => {
      if (msg.channel === this.options.channel && client === this.client) this.events.notification(msg.payload);
    });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`listen ${this.options.channel}`);
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
    this.events.up(this.lostOnce);
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

  private lost(client: pg.Client, err: unknown): void {
    if (this.stopped || (this.client !== null && client !== this.client) || this.retry) return;
    this.lostOnce = true;
    this.events.down?.();
    if (this.client === client) {
      this.client = null;
      client.removeAllListeners('end');
      client.on('error', () => {});
      void client.end().catch(() => {});
    }
    if (this.check) clearInterval(this.check);
    this.check = null;
    const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** this.attempt++);
    this.options.log.warn(`${this.options.label}: not listening (${err instanceof Error ? err.message : String(err)}); retrying in ${delay} ms`);
    this.retry = setTimeout(() => {
      this.retry = null;
      const pool = this.options.pool();
      if (pool) void this.connect(pool);
    }, delay);
    this.retry.unref();
  }
}
