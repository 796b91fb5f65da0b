import { createHash, timingSafeEqual } from 'node:crypto';
import { createHistogram, monitorEventLoopDelay, type IntervalHistogram, type RecordableHistogram } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Database } from '../db/client';
import { AppError, notFound } from './errors';
import type { App } from './http';
import type { SessionCache } from './session-cache';
import type { SessionEvents } from './session-events';

/**
 * `/metrics` in the Prometheus text format (version 0.0.4) for the host's monitoring: requests by
 * route pattern and status class, event-loop lag, the database, background jobs, the session
 * cache, memory. Off unless METRICS_TOKEN is set; then a scrape needs `Authorization: Bearer
 * <token>`. Outside /api/v1, so it is not a kernel route, and it answers 404 when off, so the web
 * UI's fallback never answers for it.
 */
export const METRICS_PATH = '/metrics';
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Event-loop delay is sampled every LAG_RESOLUTION_MS and summarised over the last LAG_WINDOW_MS. */
const LAG_RESOLUTION_MS = 10;
const LAG_SLICE_MS = 5_000;
const LAG_WINDOW_MS = 60_000;
const LAG_QUANTILES = [0.5, 0.9, 0.99, 0.999];
const PING_TIMEOUT_MS = 2_000;

type RequestSeries = { method: string; route: string; status: string; count: number; sum: number; buckets: number[] };
type JobSeries = { runs: number; failures: number; seconds: number };

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const labels = (l: Record<string, string>) => {
  const parts = Object.entries(l).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
};
const num = (n: number) => (Number.isFinite(n) ? String(n) : n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN');

/** Lines of one metric family: HELP, TYPE and its samples. */
class Text {
  private readonly lines: string[] = [];
  family(name: string, type: 'counter' | 'gauge' | 'histogram' | 'summary', help: string): this {
    this.lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    return this;
  }
  sample(name: string, l: Record<string, string>, value: number): this {
    this.lines.push(`${name}${labels(l)} ${num(value)}`);
    return this;
  }
  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

/** The monitor measures the time between its timer's runs: the lag is what exceeds the timer's interval. */
const RESOLUTION_NS = LAG_RESOLUTION_MS * 1e6;
const lagNs = (sampleNs: number) => Math.max(0, sampleNs - RESOLUTION_NS);

/**
 * Replays what an event-loop delay monitor saw into a histogram that can be merged with others
 * (Node's event-loop histogram cannot be added to another): each recorded percentile step
 * becomes that many samples of its lag.
 */
function replay(monitor: IntervalHistogram, into: RecordableHistogram): void {
  const count = monitor.count;
  if (count === 0) return;
  let recorded = 0;
  for (const [p, v] of [...monitor.percentiles.entries()].sort((a, b) => a[0] - b[0])) {
    const target = Math.round((count * p) / 100);
    for (; recorded < target; recorded++) into.record(Math.max(1, Math.round(lagNs(v))));
  }
}
const lagSumNs = (monitor: IntervalHistogram) => (monitor.count === 0 ? 0 : monitor.count * lagNs(monitor.mean));

/** Event-loop delay: a summary over the last minute (quantiles), with the count and sum since start. */
class EventLoopLag {
  private readonly monitor = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
  private slices: { at: number; histogram: RecordableHistogram }[] = [];
  private count = 0;
  private sumNs = 0;
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.monitor.enable();
    this.timer = setInterval(() => this.rotate(), LAG_SLICE_MS);
    this.timer.unref();
  }

  private rotate(now = Date.now()): void {
    const histogram = createHistogram();
    replay(this.monitor, histogram);
    this.count += this.monitor.count;
    this.sumNs += lagSumNs(this.monitor);
    this.monitor.reset();
    this.slices.push({ at: now, histogram });
    this.slices = this.slices.filter((s) => now - s.at < LAG_WINDOW_MS);
  }

  /** The last minute, in seconds, with the delay still being collected in the current slice. */
  snapshot(): { quantiles: [number, number][]; max: number; count: number; sum: number } {
    const merged = createHistogram();
    for (const s of this.slices) merged.add(s.histogram);
    replay(this.monitor, merged);
    const toSeconds = (ns: number) => ns / 1e9;
    const empty = merged.count === 0;
    return {
      quantiles: LAG_QUANTILES.map((q) => [q, empty ? 0 : toSeconds(merged.percentile(q * 100))]),
      max: empty ? 0 : toSeconds(merged.max),
      count: this.count + this.monitor.count,
      sum: toSeconds(this.sumNs + lagSumNs(this.monitor)),
    };
  }

  stop(): void {
    clearInterval(this.timer);
    this.monitor.disable();
  }
}

export type MetricsSources = { database: Database; sessionCache: SessionCache; sessionEvents: SessionEvents };

/** The figures of one app instance, and their rendering. */
export class Metrics {
  private readonly requests = new Map<string, RequestSeries>();
  private readonly jobs = new Map<string, JobSeries>();
  private readonly lag = new EventLoopLag();
  private readonly startedAt = Date.now() / 1000;

  constructor(private readonly sources: MetricsSources) {}

  /** One answered request; `route` is the route pattern (never the raw URL, which would make a series per id). */
  observeRequest(method: string, route: string | undefined, statusCode: number, seconds: number): void {
    const status = `${Math.floor(statusCode / 100)}xx`;
    const key = `${method} ${route ?? ''} ${status}`;
    let s = this.requests.get(key);
    if (!s) {
      s = { method, route: route ?? 'unmatched', status, count: 0, sum: 0, buckets: LATENCY_BUCKETS.map(() => 0) };
      this.requests.set(key, s);
    }
    s.count++;
    s.sum += seconds;
    for (let i = 0; i < LATENCY_BUCKETS.length; i++) if (seconds <= (LATENCY_BUCKETS[i] ?? Infinity)) s.buckets[i] = (s.buckets[i] ?? 0) + 1;
  }

  /** One run of a background job (`platform/scheduler.ts`). */
  jobRan(name: string, seconds: number, ok: boolean): void {
    const s = this.jobs.get(name) ?? { runs: 0, failures: 0, seconds: 0 };
    s.runs++;
    if (!ok) s.failures++;
    s.seconds += seconds;
    this.jobs.set(name, s);
  }

  async render(): Promise<string> {
    const t = new Text();
    this.renderRequests(t);
    this.renderLag(t);
    await this.renderDatabase(t);
    this.renderJobs(t);
    this.renderSessions(t);
    const mem = process.memoryUsage();
    t.family('process_resident_memory_bytes', 'gauge', 'Resident memory size in bytes.').sample('process_resident_memory_bytes', {}, mem.rss);
    t.family('nodejs_heap_used_bytes', 'gauge', 'V8 heap in use, in bytes.').sample('nodejs_heap_used_bytes', {}, mem.heapUsed);
    t.family('process_start_time_seconds', 'gauge', 'When the app instance started, in seconds since the epoch.').sample('process_start_time_seconds', {}, this.startedAt);
    return t.toString();
  }

  close(): void {
    this.lag.stop();
  }

  private renderRequests(t: Text): void {
    const series = [...this.requests.values()].sort((a, b) => a.route.localeCompare(b.route) || a.method.localeCompare(b.method) || a.status.localeCompare(b.status));
    t.family('retning_http_requests_total', 'counter', 'Answered HTTP requests by method, route pattern and status class.');
    for (const s of series) t.sample('retning_http_requests_total', { method: s.method, route: s.route, status: s.status }, s.count);
    t.family('retning_http_request_duration_seconds', 'histogram', 'Time from the request to the answer, by method, route pattern and status class.');
    for (const s of series) {
      const l = { method: s.method, route: s.route, status: s.status };
      LATENCY_BUCKETS.forEach((le, i) => t.sample('retning_http_request_duration_seconds_bucket', { ...l, le: String(le) }, s.buckets[i] ?? 0));
      t.sample('retning_http_request_duration_seconds_bucket', { ...l, le: '+Inf' }, s.count);
      t.sample('retning_http_request_duration_seconds_sum', l, s.sum);
      t.sample('retning_http_request_duration_seconds_count', l, s.count);
    }
  }

  private renderLag(t: Text): void {
    const lag = this.lag.snapshot();
    t.family('retning_event_loop_lag_seconds', 'summary', `Event-loop lag (how late a timer due every ${LAG_RESOLUTION_MS} ms ran); quantiles over the last minute, count and sum since start.`);
    for (const [q, v] of lag.quantiles) t.sample('retning_event_loop_lag_seconds', { quantile: String(q) }, v);
    t.sample('retning_event_loop_lag_seconds_sum', {}, lag.sum).sample('retning_event_loop_lag_seconds_count', {}, lag.count);
    t.family('retning_event_loop_lag_max_seconds', 'gauge', 'The longest event-loop delay in the last minute.').sample('retning_event_loop_lag_max_seconds', {}, lag.max);
  }

  private async renderDatabase(t: Text): Promise<void> {
    const { database } = this.sources;
    t.family('retning_db_info', 'gauge', 'The database this instance uses (pglite: embedded, one connection; postgres: a pool).').sample('retning_db_info', { kind: database.kind }, 1);
    const pool = (database.db as unknown as { $client?: unknown }).$client;
    if (pool instanceof pg.Pool) {
      t.family('retning_db_pool_connections', 'gauge', 'node-postgres pool connections: total, idle, and requests waiting for one.');
      t.sample('retning_db_pool_connections', { state: 'total' }, pool.totalCount);
      t.sample('retning_db_pool_connections', { state: 'idle' }, pool.idleCount);
      t.sample('retning_db_pool_connections', { state: 'waiting' }, pool.waitingCount);
      t.family('retning_db_pool_max_connections', 'gauge', 'The pool size.').sample('retning_db_pool_max_connections', {}, pool.options.max ?? 10);
    }
    // The embedded database answers one query at a time, so the time a trivial query takes is the time queries wait for it.
    t.family('retning_db_ping_seconds', 'gauge', `Time a trivial query took at this scrape (-1 when it failed or took over ${PING_TIMEOUT_MS} ms).`);
    t.sample('retning_db_ping_seconds', {}, await this.ping());
  }

  private async ping(): Promise<number> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.sources.database.db.execute(sql`select 1`),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), PING_TIMEOUT_MS);
        }),
      ]);
      return (performance.now() - started) / 1000;
    } catch {
      return -1;
    } finally {
      clearTimeout(timer);
    }
  }

  private renderJobs(t: Text): void {
    const jobs = [...this.jobs.entries()].sort(([a], [b]) => a.localeCompare(b));
    t.family('retning_job_runs_total', 'counter', 'Background job runs by job name.');
    for (const [job, s] of jobs) t.sample('retning_job_runs_total', { job }, s.runs);
    t.family('retning_job_failures_total', 'counter', 'Background job runs that failed, by job name.');
    for (const [job, s] of jobs) t.sample('retning_job_failures_total', { job }, s.failures);
    t.family('retning_job_duration_seconds_total', 'counter', 'Time spent in background job runs, by job name.');
    for (const [job, s] of jobs) t.sample('retning_job_duration_seconds_total', { job }, s.seconds);
  }

  private renderSessions(t: Text): void {
    const { sessionCache, sessionEvents, database } = this.sources;
    t.family('retning_session_cache_entries', 'gauge', 'Sessions cached by this instance.').sample('retning_session_cache_entries', {}, sessionCache.size);
    if (database.kind === 'postgres') {
      t.family('retning_session_listener_up', 'gauge', 'Whether this instance hears session changes from the others (0: sessions are not cached).');
      t.sample('retning_session_listener_up', {}, sessionEvents.listening ? 1 : 0);
      t.family('retning_session_changes_heard_total', 'counter', 'Session changes heard from the database.');
      t.sample('retning_session_changes_heard_total', {}, sessionEvents.heard);
    }
  }
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Whether the Authorization header carries the token; compared in constant time (both sides hashed to one length). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer (.+)$/i.exec(header ?? '');
  return timingSafeEqual(digest(m?.[1]?.trim() ?? ''), digest(token)) && !!m;
}

/**
 * Adds `/metrics` to the app. Without a token the route only answers 404 and nothing is measured;
 * with one, every answered request is counted. Returns the instance's metrics (null when off).
 */
export function installMetrics(app: App, token: string | undefined, sources: MetricsSources): Metrics | null {
  const metrics = token ? new Metrics(sources) : null;
  if (metrics) {
    app.addHook('onResponse', async (req, reply) => {
      metrics.observeRequest(req.method, req.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
    });
    app.addHook('onClose', async () => metrics.close());
  }
  app.get(METRICS_PATH, { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
    if (!metrics || !token) throw notFound();
    if (!bearerMatches(req.headers.authorization, token)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw new AppError(401, 'unauthenticated');
    }
    return reply
      .header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(await metrics.render());
  });
  return metrics;
}
