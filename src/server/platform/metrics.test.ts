import { describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { testApp } from '../test/app';
import { signIn } from '../test/client';
import { testConfig } from '../test/database';
import { buildPerson, buildSchool } from '../test/factories';
import { createMailer } from './mail';
import { startScheduler } from './scheduler';

const TOKEN = 'skraber-token-0123456789';
const { app, database } = await testApp({ config: { metricsToken: TOKEN } });
const db = database.db;

type Sample = { name: string; labels: Record<string, string>; value: number };

/** Parses the Prometheus text format strictly: every line is HELP, TYPE or a sample of a declared family. */
function parseExposition(text: string): Sample[] {
  expect(text.endsWith('\n')).toBe(true);
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.slice(0, -1).split('\n')) {
    const meta = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)$/.exec(line);
    if (meta) {
      if (meta[1] === 'TYPE') {
        expect(['counter', 'gauge', 'histogram', 'summary']).toContain(meta[3]);
        types.set(meta[2] ?? '', meta[3] ?? '');
      }
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not a sample line: ${JSON.stringify(line)}`);
    const name = m[1] ?? '';
    const family = types.has(name) ? name : name.replace(/_(bucket|sum|count)$/, '');
    expect(types.has(family), `${name} has no TYPE`).toBe(true);
    const labels: Record<string, string> = {};
    const rest = (m[2] ?? '').replace(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?/g, (_, k: string, v: string) => {
      labels[k] = v.replace(/\\(.)/g, (_e, c: string) => (c === 'n' ? '\n' : c));
      return '';
    });
    expect(rest, `labels of ${line}`).toBe('');
    const value = m[3] === '+Inf' ? Infinity : Number(m[3]);
    expect(Number.isNaN(value), `value of ${line}`).toBe(false);
    samples.push({ name, labels, value });
  }
  return samples;
}

const scrape = () => app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
const find = (samples: Sample[], name: string, labels: Record<string, string>) =>
  samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));

describe('/metrics', () => {
  it('is off by default: 404, not the web UI, and nothing is measured', async () => {
    const off = await buildApp({ config: testConfig(), database, mailer: createMailer(undefined, 'test@retning') });
    try {
      expect(off.metrics).toBeNull();
      for (const accept of ['text/plain', 'text/html', '*/*']) {
        const res = await off.inject({ method: 'GET', url: '/metrics', headers: { accept, authorization: `Bearer ${TOKEN}` } });
        expect(res.statusCode).toBe(404);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
    } finally {
      await off.close();
    }
  });

  it('refuses a scrape without the token or with a wrong one', async () => {
    for (const authorization of [undefined, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, TOKEN, `Basic ${TOKEN}`, 'Bearer ']) {
      const res = await app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
      expect(res.statusCode, String(authorization)).toBe(401);
      expect(res.headers['www-authenticate']).toContain('Bearer');
      expect(res.body).not.toContain('retning_http_requests_total');
    }
  });

  it('counts requests by route pattern and status class, with their latency', async () => {
    const school = await buildSchool(db);
    const admin = await buildPerson(db, school, { roles: ['school_admin'] });
    const teacher = await buildPerson(db, school, { roles: ['teacher'] });
    const client = await signIn(app, admin.email);
    for (let i = 0; i < 3; i++) expect((await client.get('/api/v1/me')).statusCode).toBe(200);
    expect((await client.get(`/api/v1/people/${teacher.id}`)).statusCode).toBe(200);
    expect((await client.get(`/api/v1/people/${admin.id}`)).statusCode).toBe(200);
    expect((await client.get('/api/v1/people/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);

    const res = await scrape();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    const samples = parseExposition(res.body);
    expect(find(samples, 'retning_http_requests_total', { method: 'GET', route: '/api/v1/me', status: '2xx' })?.value).toBe(3);
    expect(find(samples, 'retning_http_requests_total', { method: 'GET', route: '/api/v1/me', status: '4xx' })?.value).toBe(1);
    expect(find(samples, 'retning_http_requests_total', { method: 'GET', route: '/api/v1/people/:id', status: '2xx' })?.value).toBe(2);
    expect(find(samples, 'retning_http_requests_total', { method: 'GET', route: '/api/v1/people/:id', status: '4xx' })?.value).toBe(1);
    expect(samples.some((s) => s.labels.route?.includes(teacher.id))).toBe(false);
    const bucket = find(samples, 'retning_http_request_duration_seconds_bucket', { route: '/api/v1/me', status: '2xx', le: '+Inf' });
    expect(bucket?.value).toBe(3);
    expect(find(samples, 'retning_http_request_duration_seconds_count', { route: '/api/v1/me', status: '2xx' })?.value).toBe(3);
    expect(find(samples, 'retning_http_request_duration_seconds_sum', { route: '/api/v1/me', status: '2xx' })?.value).toBeGreaterThan(0);
  });

  it('reports event-loop lag, the database, the session cache and memory', async () => {
    const samples = parseExposition((await scrape()).body);
    const p99 = find(samples, 'retning_event_loop_lag_seconds', { quantile: '0.99' });
    expect(p99?.value).toBeGreaterThanOrEqual(0);
    expect(p99?.value).toBeLessThan(60);
    expect(find(samples, 'retning_event_loop_lag_seconds_count', {})?.value).toBeGreaterThan(0);
    expect(find(samples, 'retning_db_info', { kind: database.kind })?.value).toBe(1);
    expect(find(samples, 'retning_db_ping_seconds', {})?.value).toBeGreaterThan(0);
    if (database.kind === 'postgres') {
      expect(find(samples, 'retning_db_pool_connections', { state: 'total' })?.value).toBeGreaterThan(0);
      expect(find(samples, 'retning_db_pool_connections', { state: 'waiting' })?.value).toBe(0);
      expect(find(samples, 'retning_session_listener_up', {})?.value).toBe(1);
    }
    expect(find(samples, 'retning_session_cache_entries', {})?.value).toBeGreaterThanOrEqual(0);
    expect(find(samples, 'process_resident_memory_bytes', {})?.value).toBeGreaterThan(1e6);
  });

  it('counts background job runs and failures by job name', async () => {
    const metrics = app.metrics;
    expect(metrics).not.toBeNull();
    const scheduler = startScheduler(
      [
        { name: 'works', run: async () => ({ done: 1 }) },
        { name: 'fails', run: () => Promise.reject(new Error('boom')) },
      ],
      3_600_000,
      { info: () => {}, error: () => {}, ran: (job, seconds, ok) => metrics?.jobRan(job, seconds, ok) },
      3_600_000,
    );
    await scheduler.runNow();
    await scheduler.runNow();
    await scheduler.stop();
    const samples = parseExposition((await scrape()).body);
    expect(find(samples, 'retning_job_runs_total', { job: 'works' })?.value).toBe(2);
    expect(find(samples, 'retning_job_failures_total', { job: 'works' })?.value).toBe(0);
    expect(find(samples, 'retning_job_runs_total', { job: 'fails' })?.value).toBe(2);
    expect(find(samples, 'retning_job_failures_total', { job: 'fails' })?.value).toBe(2);
  });

  it('is no route of the API: the kernel table holds only /api/v1 routes', () => {
    expect(app.routeTable.length).toBeGreaterThan(50);
    expect(app.routeTable.every((r) => r.url.startsWith('/api/v1/'))).toBe(true);
    expect(app.routeTable.some((r) => r.url.includes('metrics'))).toBe(false);
  });
});
