// Selvevaluering: an answer save (PUT of a partial sheet to the draft) with 200 respondents at
// once, through a students' answer link on the embedded database (the demo school, every module
// seeded), with /healthz measured in the same run (alone, then beside the load) as a floor.
// Each respondent is a browser of its own (its cookie) behind the school's proxy (its own
// X-Forwarded-For, TRUSTED_PROXIES=127.0.0.1) and saves `saves` times, one item or two at a time.
// Two runs: paced, as people answer (a save every 2–6 s each, some five times faster than someone
// reading a statement and choosing an answer: 200 people ≈ 50 saves a second), which gives the
// save's p95; then saturated (every respondent saves again the moment its last save returns), which
// gives the throughput and the queueing it leads to. One JSON line per figure.
// Usage: node bench/survey-answer.mjs [respondents=200] [saves=8]
import { emit, removeDir, round, signIn, startServer, tempDataDir } from './lib.mjs';

const respondents = Number(process.argv[2] ?? 200);
const saves = Number(process.argv[3] ?? 8);
const THINK_MS = [2000, 6000];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
};

const dir = tempDataDir();
const server = await startServer(dir, { JOBS_INTERVAL_MINUTES: '0', TRUSTED_PROXIES: '127.0.0.1' });
async function timed(path, init = {}) {
  const t = performance.now();
  const r = await fetch(`${server.base}${path}`, init);
  const text = await r.text();
  if (!r.ok) throw new Error(`${path}: ${r.status} ${text.slice(0, 200)}`);
  return { ms: performance.now() - t, text, res: r };
}
async function healthz(n) {
  const ms = [];
  for (let i = 0; i < n; i++) ms.push((await timed('/healthz')).ms);
  return ms;
}

try {
  const auth = await signIn(server.base, 'konsulent@demo.example');
  const json = { ...auth, 'content-type': 'application/json', accept: 'application/json' };
  const rounds = JSON.parse((await timed('/api/v1/surveys/rounds', { headers: json })).text);
  const open = rounds.find((r) => r.status === 'open');
  if (!open) throw new Error('the demo school has no open survey round');
  const link = JSON.parse((await timed(`/api/v1/surveys/rounds/${open.id}/links`, { method: 'POST', headers: json, body: JSON.stringify({ group: 'student' }) })).text);
  const api = `/api/v1/surveys/public/${link.path.slice(3)}`;

  const idle = await healthz(200);
  // Every respondent opens the sheet (and gets its cookie) before the saves start.
  const people = await Promise.all(
    Array.from({ length: respondents }, async (_, i) => {
      const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${(i & 255) + 1}`;
      const first = await timed(api, { headers: { accept: 'application/json', 'x-forwarded-for': ip } });
      const cookie = first.res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const items = JSON.parse(first.text).areas.flatMap((a) => a.items.map((x) => x.key));
      return { ip, cookie, items };
    }),
  );
  const run = async (paced) => {
    const saveMs = [];
    let stop = false;
    const beside = [];
    const probe = (async () => {
      while (!stop) {
        beside.push((await timed('/healthz')).ms);
        await sleep(20);
      }
    })();
    const t0 = performance.now();
    await Promise.all(
      people.map(async (p, i) => {
        // paced: the respondents start spread over the first think time, as a class does
        if (paced) await sleep(Math.random() * THINK_MS[1]);
        for (let s = 0; s < saves; s++) {
          const k = (i + s * 2 + (paced ? 0 : 1)) % p.items.length;
          const answers = { [p.items[k]]: 1 + ((i + s) % 5), [p.items[(k + 1) % p.items.length]]: s % 7 === 0 ? 'dont_know' : 3 };
          const r = await timed(`${api}/draft`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json', accept: 'application/json', cookie: p.cookie, 'x-forwarded-for': p.ip },
            body: JSON.stringify({ answers }),
          });
          saveMs.push(r.ms);
          if (paced) await sleep(THINK_MS[0] + Math.random() * (THINK_MS[1] - THINK_MS[0]));
        }
      }),
    );
    const wall = performance.now() - t0;
    stop = true;
    await probe;
    return { saveMs, beside, wall };
  };
  const common = { bench: 'survey-answer', database: 'pglite (worker)', respondents };
  emit({ ...common, target: 'healthz_idle', requests: idle.length, p50_ms: round(pct(idle, 0.5), 2), p95_ms: round(pct(idle, 0.95), 2) });
  for (const paced of [true, false]) {
    const { saveMs, beside, wall } = await run(paced);
    const mode = paced ? 'paced (a save every 2-6 s per respondent)' : 'saturated (back to back)';
    emit({
      ...common,
      mode,
      target: 'draft_save',
      path: 'PUT /api/v1/surveys/public/:token/draft',
      requests: saveMs.length,
      p50_ms: round(pct(saveMs, 0.5), 2),
      p95_ms: round(pct(saveMs, 0.95), 2),
      max_ms: round(Math.max(...saveMs), 2),
      saves_per_s: round((saveMs.length / wall) * 1000, 1),
    });
    emit({ ...common, mode, target: 'healthz_during_load', requests: beside.length, p50_ms: round(pct(beside, 0.5), 2), p95_ms: round(pct(beside, 0.95), 2) });
  }
} finally {
  await server.stop();
  removeDir(dir);
}
