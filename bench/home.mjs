// Min side (issue 10): the first page after sign-in. On the demo school (every module seeded), the
// p50 and p95 of GET /api/v1/home per role, with /healthz measured in the same run as a floor.
// Sequential requests (no queueing), p95 per round, median of rounds. One JSON line per figure.
// Usage: node bench/home.mjs [rounds=5] [requestsPerRound=100]
import { emit, median, removeDir, round, signIn, startServer, tempDataDir } from './lib.mjs';

const rounds = Number(process.argv[2] ?? 5);
const perRound = Number(process.argv[3] ?? 100);
const ROLES = {
  teacher: 'laerer@demo.example',
  department_head: 'leder@demo.example',
  director: 'direktion@demo.example',
  editorial: 'redaktion@demo.example',
  student: 'elev@demo.example',
  company_supervisor: 'praktik@demo.example',
};

const dir = tempDataDir();
const server = await startServer(dir, { JOBS_INTERVAL_MINUTES: '0' });
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
};
async function timeGet(path, headers = {}) {
  const t = performance.now();
  const r = await fetch(`${server.base}${path}`, { headers: { accept: 'application/json', ...headers } });
  const body = await r.arrayBuffer();
  if (!r.ok) throw new Error(`${path}: ${r.status} ${Buffer.from(body).toString().slice(0, 200)}`);
  return { ms: performance.now() - t, bytes: body.byteLength, body };
}

try {
  const targets = { healthz: { path: '/healthz', headers: {}, items: null } };
  for (const [role, email] of Object.entries(ROLES)) {
    const { cookie } = await signIn(server.base, email);
    const first = await timeGet('/api/v1/home', { cookie });
    targets[role] = { path: '/api/v1/home', headers: { cookie }, items: JSON.parse(Buffer.from(first.body).toString()).items.length };
  }
  for (const [name, t] of Object.entries(targets)) {
    for (let i = 0; i < 10; i++) await timeGet(t.path, t.headers); // warm-up
    const p50s = [];
    const p95s = [];
    let bytes = 0;
    for (let r = 0; r < rounds; r++) {
      const ms = [];
      for (let i = 0; i < perRound; i++) {
        const x = await timeGet(t.path, t.headers);
        ms.push(x.ms);
        bytes = x.bytes;
      }
      p50s.push(pct(ms, 0.5));
      p95s.push(pct(ms, 0.95));
    }
    emit({
      bench: 'home',
      target: name,
      path: t.path,
      ...(t.items === null ? {} : { items: t.items }),
      requests: rounds * perRound,
      p50_ms: round(median(p50s), 2),
      p95_ms: round(median(p95s), 2),
      bytes,
      database: 'pglite (worker)',
      note: 'demo school with every module seeded; sequential requests, median of per-round percentiles',
    });
  }
} finally {
  await server.stop();
  removeDir(dir);
}
