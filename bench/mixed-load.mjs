// Mixed load of every role with hostile requests alongside (issue 9, "Figures"). The real server
// (the bundle, embedded database in its worker thread, METRICS_TOKEN set) on the demo school plus
// BENCH_LIBRARY_ITEMS library items (default 500, among 10 times as many in 100 schools). For the
// whole run, BENCH_USERS virtual users (default 20, spread over the roles, each waiting 100–300 ms
// between requests) work as teachers (search and read the library, answer the open competence
// round), a department head (heatmap, strategy overview, school overview), an administrator (people,
// audit log), a student and the network coordinator (national view, shared library), while one
// request of each hostile kind runs again and again: a forløb with 100,000 nested inline tags (saved,
// then viewed), NUL bytes in ?q= and in a sign-in, the year 0000 in a date, 100 KB strings, a
// password-guessing run, and 8 concurrent downloads of a 45 MB file.
// Figures, as JSON lines: event-loop lag p99 per minute (read from /metrics, which summarises the
// last minute), RSS growth (mean of the first vs the last minute, or quarter of a shorter run), and
// every answer that is neither the success the role expects nor an intended 4xx of a hostile request.
// Run: node bench/mixed-load.mjs [--duration 600] [--users 20]
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { tsImport } from 'tsx/esm/api';
import { emit, removeDir, round, signIn, startServer, tempDataDir } from './lib.mjs';
import { SEARCH_WORDS, seedLibraryBench } from './library-seed.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const durationS = arg('duration', 600);
const users = arg('users', Number(process.env.BENCH_USERS ?? 20));
const libraryItems = Number(process.env.BENCH_LIBRARY_ITEMS ?? 500);
const LARGE_FILE_MB = 45;
const DOWNLOADS = 8;
const NESTED_TAGS = 100_000;
const METRICS_TOKEN = 'mixed-load-metrics-token-0123456789';
const imp = (p) => tsImport(new URL(`../src/server/${p}`, import.meta.url).href, import.meta.url);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (xs, p) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

// ---------- the server and its data ----------
const dir = tempDataDir();
const first = await startServer(dir, { JOBS_INTERVAL_MINUTES: '0' }); // migrates and seeds the demo school
await first.stop();
if (libraryItems > 0) {
  const { openPglite } = await imp('db/client.ts');
  const database = openPglite(join(dir, 'pglite'));
  await database.client?.waitReady;
  await seedLibraryBench(database.db, { total: libraryItems * 10, perDemo: libraryItems });
  await database.close();
}
const server = await startServer(dir, { METRICS_TOKEN });
const base = server.base;

const auth = {
  teacher: await signIn(base, 'laerer@demo.example'),
  ambassador: await signIn(base, 'ambassador@demo.example'),
  leader: await signIn(base, 'leder@demo.example'),
  admin: await signIn(base, 'admin@demo.example'),
  student: await signIn(base, 'elev@demo.example'),
  coordinator: await signIn(base, 'koordinator@demo.example'),
};
const json = async (who, path, init = {}) => {
  const r = await fetch(`${base}${path}`, { ...init, headers: { 'content-type': 'application/json', ...auth[who], ...init.headers } });
  if (!r.ok) throw new Error(`${who} ${init.method ?? 'GET'} ${path}: ${r.status} ${(await r.text()).slice(0, 300)}`);
  return r.status === 204 ? null : r.json();
};

const libraryIds = (await json('teacher', '/api/v1/library/items?pageSize=50')).items.map((i) => i.id);
const round0 = (await json('teacher', '/api/v1/competence/rounds')).find((r) => r.status === 'open');
if (!round0) throw new Error('the demo school has no open competence round');
const draft = await json('teacher', `/api/v1/competence/rounds/${round0.id}/assessment`);
const competenceIds = draft.framework.areas.flatMap((a) => a.competences.map((c) => c.id));

// A material with a large file for the concurrent downloads (a PDF by its signature).
const material = await json('teacher', '/api/v1/library/items', { method: 'POST', body: JSON.stringify({ kind: 'material', title: 'Stor fil til download', materialType: 'document' }) });
const pdf = Buffer.alloc(LARGE_FILE_MB * 1024 * 1024, 0x20);
pdf.write('%PDF-1.4\n%âãÏÓ\n', 0, 'latin1');
pdf.write('\n%%EOF\n', pdf.length - 7, 'latin1');
const form = new FormData();
form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'stor-fil.pdf');
const upload = await fetch(`${base}/api/v1/library/items/${material.id}/file`, { method: 'POST', headers: auth.teacher, body: form });
const largeFile = upload.ok;
if (!largeFile) emit({ figure: 'mixed_load_note', note: `large file upload refused: ${upload.status} ${(await upload.text()).slice(0, 200)}` });

// ---------- bookkeeping ----------
const started = performance.now();
const deadline = started + durationS * 1000;
const running = () => performance.now() < deadline;
const latencies = [];
const errors = {};
const hostile = {};
let requests = 0;
const countError = (key) => (errors[key] = (errors[key] ?? 0) + 1);

/**
 * One request. `expect` says which statuses are the intended answer: the normal load expects 2xx,
 * a hostile request any 2xx or 4xx (never a 5xx, a reset connection or a time-out).
 */
async function call(name, who, method, path, { body, headers = {}, hostileKind, timeoutMs = 60_000, raw = false } = {}) {
  const t0 = performance.now();
  let status = 0;
  try {
    const isForm = body instanceof FormData;
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { ...(who ? auth[who] : {}), ...(body && !isForm && !raw ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : isForm || raw ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = r.status;
    if (status < 300 && r.headers.get('content-type')?.includes('json')) return { status, data: await r.json() };
    // Other answers (the large downloads) are read through and dropped, never held whole.
    await r.body?.pipeTo(new WritableStream());
    return { status, data: null };
  } catch (e) {
    status = e?.name === 'TimeoutError' ? -1 : -2;
    return { status, data: null };
  } finally {
    requests++;
    const ms = performance.now() - t0;
    if (hostileKind) {
      const h = (hostile[hostileKind] ??= { requests: 0, statuses: {}, p50_ms: [], max_ms: 0 });
      h.requests++;
      h.statuses[status] = (h.statuses[status] ?? 0) + 1;
      h.p50_ms.push(ms);
      h.max_ms = Math.max(h.max_ms, ms);
      if (!(status >= 200 && status < 500)) countError(`${hostileKind} ${status}`);
    } else {
      latencies.push(ms);
      if (!(status >= 200 && status < 300)) countError(`${name} ${status}`);
    }
  }
}

// ---------- the normal load: one loop per virtual user ----------
const pick = (xs, i) => xs[i % xs.length];
const roles = {
  async teacher(i) {
    const word = pick(SEARCH_WORDS, i);
    await call('library search', 'teacher', 'GET', `/api/v1/library/items?q=${encodeURIComponent(word)}`);
    await call('library item', 'teacher', 'GET', `/api/v1/library/items/${pick(libraryIds, i)}`);
    if (i % 4 === 0) {
      const answers = competenceIds.map((id, k) => ({ competenceId: id, level: (i + k) % 5 }));
      await call('competence answer', i % 8 === 0 ? 'ambassador' : 'teacher', 'PUT', `/api/v1/competence/rounds/${round0.id}/assessment`, { body: { answers } });
    }
  },
  async leader(i) {
    await call('heatmap', 'leader', 'GET', '/api/v1/competence/heatmap');
    await call(i % 2 ? 'strategy overview' : 'school overview', 'leader', 'GET', i % 2 ? '/api/v1/strategy/overview' : '/api/v1/overview');
  },
  async admin(i) {
    await call('people', 'admin', 'GET', i % 3 ? '/api/v1/people' : `/api/v1/people?q=${encodeURIComponent(pick(['an', 'lars', 'søren', 'e'], i))}`);
    if (i % 5 === 0) await call('audit log', 'admin', 'GET', '/api/v1/audit');
  },
  async student(i) {
    await call('student me', 'student', 'GET', '/api/v1/me');
    await call('student library', 'student', 'GET', i % 2 ? '/api/v1/library/items' : `/api/v1/library/items/${pick(libraryIds, i)}`);
  },
  async coordinator(i) {
    await call('national view', 'coordinator', 'GET', '/api/v1/competence/national');
    if (i % 3 === 0) await call('shared library', 'coordinator', 'GET', '/api/v1/library/network');
  },
};
const roleNames = ['teacher', 'teacher', 'leader', 'admin', 'student', 'coordinator', 'teacher', 'student'];
const userLoops = Array.from({ length: users }, async (_, u) => {
  const role = roleNames[u % roleNames.length];
  await sleep((u * 137) % 1000);
  for (let i = u; running(); i++) {
    await roles[role](i);
    await sleep(100 + ((i * 53) % 200));
  }
});

// ---------- the hostile requests, each kind in a loop of its own ----------
const nested = (n) => '<b>'.repeat(n) + 'dybt' + '</b>'.repeat(n);
const FIELDS = ['laeringsforudsaetninger', 'rammefaktorer', 'maal', 'indhold', 'laereprocesser', 'vurdering'];
const perField = Math.ceil(NESTED_TAGS / FIELDS.length);
const hostileLoops = {
  // 100,000 nested inline tags: all in one field, and spread over the six fields (each within a field's length limit).
  async nested_forlob(i) {
    const fields = i % 2 ? { indhold: nested(NESTED_TAGS) } : Object.fromEntries(FIELDS.map((f) => [f, '<b>'.repeat(perField) + 'dybt']));
    const r = await call('', 'teacher', 'POST', '/api/v1/library/items', { body: { kind: 'forlob', title: `Dybt forløb ${i}`, fields }, hostileKind: 'nested_forlob_save' });
    if (r.data?.id) await call('', 'teacher', 'GET', `/api/v1/library/items/${r.data.id}`, { hostileKind: 'nested_forlob_view' });
  },
  async nul_query(i) {
    await call('', 'teacher', 'GET', `/api/v1/library/items?q=${encodeURIComponent(`svejs\u0000ning${i}`)}`, { hostileKind: 'nul_in_query' });
  },
  async nul_sign_in(i) {
    await call('', null, 'POST', '/api/v1/auth/login', { body: { email: `laerer\u0000${i}@demo.example`, password: 'demo\u0000retning' }, hostileKind: 'nul_in_sign_in' });
  },
  async year_zero(i) {
    if (i % 2) await call('', 'admin', 'GET', '/api/v1/audit?from=0000-01-01&to=0000-12-31', { hostileKind: 'year_0000' });
    else await call('', 'admin', 'POST', '/api/v1/people', { body: { name: `Nul År ${i}`, email: `nul${i}@bench.example`, employmentStart: '0000-01-01' }, hostileKind: 'year_0000' });
  },
  async huge_string(i) {
    const s = 'æ'.repeat(100 * 1024);
    if (i % 2) await call('', 'admin', 'POST', '/api/v1/people', { body: { name: s, email: `stor${i}@bench.example` }, hostileKind: 'string_100kb' });
    else await call('', 'teacher', 'POST', '/api/v1/library/items', { body: { kind: 'material', title: s, summary: s }, hostileKind: 'string_100kb' });
  },
  async password_guessing(i) {
    await call('', null, 'POST', '/api/v1/auth/login', { body: { email: 'direktion@demo.example', password: `gæt-${i}` }, hostileKind: 'password_guessing' });
  },
  async large_downloads() {
    if (!largeFile) return sleep(1000);
    await Promise.all(
      Array.from({ length: DOWNLOADS }, () => call('', 'teacher', 'GET', `/api/v1/library/items/${material.id}/file`, { hostileKind: 'large_download_x8', timeoutMs: 300_000 })),
    );
  },
};
const hostileRuns = Object.values(hostileLoops).map(async (run) => {
  for (let i = 0; running(); i++) await run(i);
});

// ---------- what the server says while it runs ----------
async function scrape() {
  const r = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` }, signal: AbortSignal.timeout(30_000) });
  const text = await r.text();
  const value = (re) => Number(re.exec(text)?.[1] ?? NaN);
  return {
    lagP99Ms: value(/^retning_event_loop_lag_seconds\{quantile="0\.99"\} (\S+)$/m) * 1000,
    lagMaxMs: value(/^retning_event_loop_lag_max_seconds (\S+)$/m) * 1000,
    rssMb: value(/^process_resident_memory_bytes (\S+)$/m) / 1024 / 1024,
  };
}
const rss = []; // [seconds since start, MB]
const minutes = [];
const sampler = (async () => {
  let nextMinute = 60;
  while (running()) {
    await sleep(5000);
    const t = (performance.now() - started) / 1000;
    rss.push([t, server.rssMb()]);
    if (t >= nextMinute || !running()) {
      const m = await scrape();
      minutes.push({ at_s: Math.round(t), lag_p99_ms: round(m.lagP99Ms, 1), lag_max_ms: round(m.lagMaxMs, 1), rss_mb: round(m.rssMb) });
      emit({ figure: 'mixed_load_minute', ...minutes.at(-1), requests, errors: Object.values(errors).reduce((a, b) => a + b, 0) });
      nextMinute += 60;
    }
  }
})();

await Promise.all([...userLoops, ...hostileRuns, sampler]);
const elapsedS = (performance.now() - started) / 1000;
// The last window of the run when it did not end on a full minute.
if (!minutes.length || elapsedS - minutes.at(-1).at_s > 15) {
  const m = await scrape();
  minutes.push({ at_s: Math.round(elapsedS), lag_p99_ms: round(m.lagP99Ms, 1), lag_max_ms: round(m.lagMaxMs, 1), rss_mb: round(m.rssMb) });
}
await server.stop();
removeDir(dir);

const windowS = Math.min(60, elapsedS / 4);
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const rssFirst = mean(rss.filter(([t]) => t <= windowS).map(([, v]) => v));
const rssLast = mean(rss.filter(([t]) => t >= elapsedS - windowS).map(([, v]) => v));
const lagWorst = Math.max(...minutes.map((m) => m.lag_p99_ms));
const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
for (const h of Object.values(hostile)) {
  h.p50_ms = round(pct(h.p50_ms, 50));
  h.max_ms = round(h.max_ms);
}
emit({
  figure: 'mixed_load',
  duration_s: round(elapsedS),
  users,
  library_items_in_school: libraryItems,
  requests,
  normal_requests_per_s: round(latencies.length / elapsedS),
  normal_latency_ms: { p50: round(pct(latencies, 50)), p95: round(pct(latencies, 95)), p99: round(pct(latencies, 99)) },
  lag_p99_ms_worst_minute: lagWorst,
  lag_per_minute: minutes,
  rss_first_mb: round(rssFirst),
  rss_last_mb: round(rssLast),
  rss_window_s: round(windowS),
  rss_growth_pct: round(((rssLast - rssFirst) / rssFirst) * 100),
  rss_peak_mb: round(Math.max(...rss.map(([, v]) => v))),
  errors_other_than_intended_4xx: errorCount,
  errors,
  hostile,
  goals: { lag_p99_le_50_ms: lagWorst <= 50, rss_growth_lt_10_pct: rssLast < rssFirst * 1.1, no_errors: errorCount === 0 },
  load_average: loadavg().map((x) => round(x, 2)),
});
