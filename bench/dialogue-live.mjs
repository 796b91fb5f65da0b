// Spændingsfelter live: N participants (default 1,000) on WebSockets against one instance (the built
// server on the embedded database, the demo school), each moving a slider `moves` times (default 5)
// in `seconds` (default 10). Measured per answer: from sending it to the facilitator's socket
// receiving a state that holds it (the ack names the session version its batch made; the first
// facilitator state of that version or later holds it); server memory per connected participant
// (RSS and heap after the sockets are open and have their first state, minus before, / N); lost
// answers (sent but never acknowledged, and the facilitator's final distribution against every
// participant's last value). In the same run a bare `ws` server that only counts the votes and
// pushes the distribution every 50 ms is measured the same way, and the ratio printed.
// With DATABASE_URL (or BENCH_PG_URL as in survey-benchmark.mjs) also two instances on one
// PostgreSQL: participants on A, the facilitator on B (cross-instance latency).
// Usage: node bench/dialogue-live.mjs [participants=1000] [moves=5] [seconds=10] [runs=3]
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { tsImport } from 'tsx/esm/api';
import WebSocket, { WebSocketServer } from 'ws';
import { emit, median, removeDir, round, signIn, startServer, tempDataDir } from './lib.mjs';

/** The baseline: votes counted in memory, the sorted values pushed to the facilitator every 50 ms. */
function bareServer() {
  const http = createServer((req, res) => {
    global.gc?.();
    const m = process.memoryUsage();
    res.end(JSON.stringify({ rss: m.rss, heap: m.heapUsed }));
  });
  const wss = new WebSocketServer({ server: http });
  const values = new Map();
  const staff = new Set();
  let version = 0;
  let pushed = 0;
  let id = 0;
  wss.on('connection', (ws, req) => {
    if (req.url === '/f') {
      staff.add(ws);
      return ws.send(JSON.stringify({ type: 'state', state: { version } }));
    }
    const me = id++;
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data));
      if (msg.type === 'hello') return ws.send(JSON.stringify({ type: 'state', state: { version } }));
      values.set(me, msg.now);
      ws.send(JSON.stringify({ type: 'ack', seq: msg.seq, version: ++version }));
    });
  });
  setInterval(() => {
    if (pushed === version) return;
    pushed = version;
    const text = JSON.stringify({ type: 'state', state: { version, items: [{ id: 'i', now: { values: [...values.values()].sort((a, b) => a - b) } }] } });
    for (const ws of staff) ws.send(text);
  }, 50);
  http.listen(0, '127.0.0.1', () => console.log(`ready ${http.address().port}`));
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] : NaN;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function socket(url, headers = {}) {
  const ws = new WebSocket(url, { headers, perMessageDeflate: false });
  const first = new Promise((resolve, reject) => {
    ws.once('message', () => resolve());
    ws.once('error', reject);
    ws.once('close', (code) => reject(new Error(`closed ${code} before its first state`)));
  });
  return { ws, first, opened: new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject))) };
}

/**
 * One measured run against a server: `target` gives the URLs, the hello per participant, the
 * facilitator's headers and how to read the server's memory.
 */
async function measure(target, { participants, moves, seconds }) {
  const staff = socket(target.facilitatorUrl, target.facilitatorHeaders);
  await staff.opened;
  await staff.first;
  const before = await target.memory();
  const people = [];
  for (let i = 0; i < participants; i += 100) {
    const batch = [];
    for (let k = i; k < Math.min(participants, i + 100); k++) {
      const s = socket(target.participantUrl(k));
      s.opened.then(() => s.ws.send(JSON.stringify(target.hello(k))));
      batch.push(s);
    }
    await Promise.all(batch.map((s) => s.first));
    people.push(...batch);
  }
  await sleep(1000);
  const after = await target.memory();

  const arrivals = []; // facilitator states: [version, ms]
  let lastState = null;
  staff.ws.on('message', (data) => {
    const msg = JSON.parse(String(data));
    if (msg.type !== 'state') return;
    arrivals.push([msg.state.version, performance.now()]);
    lastState = msg.state;
  });
  const sent = new Map(); // `${k}:${seq}` → ms
  const waiting = []; // [version, sentMs]
  const latencies = [];
  let acked = 0;
  let refused = 0;
  const last = Array.from({ length: participants }, () => null);
  const seen = (version) => arrivals.find(([v]) => v >= version)?.[1];
  staff.ws.on('message', () => {
    const newest = arrivals.at(-1);
    if (!newest) return;
    for (let i = waiting.length - 1; i >= 0; i--) {
      const [version, at] = waiting[i];
      if (version <= newest[0]) {
        latencies.push(newest[1] - at);
        waiting.splice(i, 1);
      }
    }
  });
  people.forEach((p, k) =>
    p.ws.on('message', (data) => {
      const msg = JSON.parse(String(data));
      if (msg.type === 'error') refused++;
      if (msg.type !== 'ack') return;
      acked++;
      const at = sent.get(`${k}:${msg.seq}`);
      const when = seen(msg.version);
      if (when !== undefined) latencies.push(when - at);
      else waiting.push([msg.version, at]);
    }),
  );
  const window = (seconds * 1000) / moves;
  const started = performance.now();
  const timers = [];
  people.forEach((p, k) => {
    for (let m = 0; m < moves; m++) {
      timers.push(
        setTimeout(
          () => {
            const now = Math.floor(Math.random() * 101);
            last[k] = now;
            sent.set(`${k}:${m}`, performance.now());
            p.ws.send(JSON.stringify({ type: 'answer', seq: m, itemId: target.itemId, now }));
          },
          m * window + Math.random() * window,
        ),
      );
    }
  });
  const total = participants * moves;
  while (acked + refused < total && performance.now() - started < seconds * 1000 + 15_000) await sleep(50);
  await sleep(300);
  const expected = last.filter((v) => v !== null).sort((a, b) => a - b);
  const shown = lastState?.items?.find((i) => i.id === target.itemId)?.now?.values ?? [];
  const mismatched = expected.reduce((n, v, i) => n + (shown[i] === v ? 0 : 1), Math.abs(shown.length - expected.length));
  for (const t of timers) clearTimeout(t);
  for (const p of people) p.ws.terminate();
  staff.ws.terminate();
  return {
    answers: total,
    p50: round(pct(latencies, 0.5)),
    p95: round(pct(latencies, 0.95)),
    max: round(Math.max(...latencies)),
    kbPerParticipantRss: round((after.rss - before.rss) / participants / 1024),
    kbPerParticipantHeap: round((after.heap - before.heap) / participants / 1024),
    lost: total - acked,
    refused,
    unseen: waiting.length,
    mismatched,
  };
}

/**
 * Collects the server's garbage through its inspector (started with --inspect on `port`), so that
 * memory is measured as held, not as not yet collected.
 */
async function collectGarbage(port) {
  const [target] = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  await new Promise((resolve) => {
    ws.on('message', (d) => JSON.parse(String(d)).id === 1 && resolve());
    ws.send(JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' }));
  });
  ws.close();
}

let inspectPort = 9400 + Math.floor(Math.random() * 400);
const inspected = () => {
  const port = inspectPort++;
  return { port, env: { NODE_OPTIONS: `--inspect=127.0.0.1:${port}` } };
};

/** The server's RSS (from /proc) and heap (from /metrics), after a garbage collection. */
const memoryOf = (server, token, port) => async () => {
  await collectGarbage(port);
  await sleep(200);
  const text = await (await fetch(`${server.base}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();
  const heap = Number(/^nodejs_heap_used_bytes (\S+)/m.exec(text)?.[1] ?? NaN);
  return { rss: server.rssMb() * 1024 * 1024, heap };
};

/** A live session of the demo school with one item, joining open and the item current. */
async function liveSession(base, email) {
  const auth = await signIn(base, email);
  const json = { ...auth, 'content-type': 'application/json' };
  const post = async (path, body) => {
    const r = await fetch(`${base}/api/v1${path}`, { method: 'POST', headers: json, body: JSON.stringify(body) });
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return r.json();
  };
  const made = await post('/dialogue/sessions', { title: 'Bench', mode: 'live', items: [{ pairKey: 'teknik-paedagogik' }] });
  const opened = await post(`/dialogue/sessions/${made.id}/open`, {});
  const itemId = opened.items[0].id;
  await post(`/dialogue/sessions/${made.id}/control`, { op: 'openJoin' });
  await post(`/dialogue/sessions/${made.id}/control`, { op: 'goto', itemId });
  return { id: made.id, code: opened.code, itemId, cookie: auth.cookie };
}

const retningTarget = (base, wsBase, session, tokens) => ({
  itemId: session.itemId,
  facilitatorUrl: `${wsBase}/api/v1/dialogue/sessions/${session.id}/socket`,
  facilitatorHeaders: { cookie: session.cookie },
  participantUrl: () => `${base.replace(/^http/, 'ws')}/api/v1/dialogue/live/${session.code}/socket`,
  hello: (k) => ({ type: 'hello', token: tokens[k] }),
});

async function retningRun(shape) {
  const dir = tempDataDir();
  const token = 'bench-metrics-token-0123456789';
  const inspect = inspected();
  const server = await startServer(dir, { JOBS_INTERVAL_MINUTES: '0', METRICS_TOKEN: token, ...inspect.env });
  try {
    const session = await liveSession(server.base, 'direktion@demo.example');
    const tokens = await joinedTokens(server.base, session.code, shape.participants);
    const target = { ...retningTarget(server.base, server.base.replace(/^http/, 'ws'), session, tokens), memory: memoryOf(server, token, inspect.port) };
    return await measure(target, shape);
  } finally {
    await server.stop();
    removeDir(dir);
  }
}

async function joinedTokens(base, code, n) {
  const tokens = [];
  for (let i = 0; i < n; i += 25) {
    const batch = Array.from({ length: Math.min(25, n - i) }, async () => {
      const r = await fetch(`${base}/api/v1/dialogue/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
      if (!r.ok) throw new Error(`join: ${r.status} ${await r.text()}`);
      return (await r.json()).token;
    });
    tokens.push(...(await Promise.all(batch)));
  }
  return tokens;
}

async function bareRun(shape) {
  const child = spawn(process.execPath, ['--expose-gc', new URL(import.meta.url).pathname, '--bare'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve) => child.stdout.on('data', (d) => /ready (\d+)/.test(String(d)) && resolve(/ready (\d+)/.exec(String(d))[1])));
  try {
    return await measure(
      {
        itemId: 'i',
        facilitatorUrl: `ws://127.0.0.1:${port}/f`,
        facilitatorHeaders: {},
        participantUrl: () => `ws://127.0.0.1:${port}/p`,
        hello: () => ({ type: 'hello' }),
        memory: async () => {
          await fetch(`http://127.0.0.1:${port}/`);
          await sleep(200);
          const m = await (await fetch(`http://127.0.0.1:${port}/`)).json();
          return { rss: m.rss, heap: m.heap };
        },
      },
      shape,
    );
  } finally {
    child.kill('SIGTERM');
  }
}

/** Two instances on one PostgreSQL: participants on A, the facilitator on B. */
async function crossRun(shape, url) {
  const imp = (p) => tsImport(new URL(`../src/server/${p}`, import.meta.url).href, import.meta.url);
  const { openPostgres } = await imp('db/client.ts');
  const { seedDemo } = await imp('seed/demo.ts');
  const { isEmpty } = await imp('seed/create-school.ts');
  const database = openPostgres(url, 2);
  await database.migrate();
  if (await isEmpty(database.db)) await seedDemo(database.db);
  await database.close();
  const dirs = [tempDataDir(), tempDataDir()];
  const inspect = inspected();
  const a = await startServer(dirs[0], { DATABASE_URL: url, JOBS_INTERVAL_MINUTES: '0', METRICS_TOKEN: 'bench-metrics-token-0123456789', ...inspect.env });
  const b = await startServer(dirs[1], { DATABASE_URL: url, JOBS_INTERVAL_MINUTES: '0', METRICS_TOKEN: 'bench-metrics-token-0123456789' });
  try {
    const session = await liveSession(a.base, 'direktion@demo.example');
    const tokens = await joinedTokens(a.base, session.code, shape.participants);
    const target = { ...retningTarget(a.base, b.base.replace(/^http/, 'ws'), session, tokens), memory: memoryOf(a, 'bench-metrics-token-0123456789', inspect.port) };
    return await measure(target, shape);
  } finally {
    await a.stop();
    await b.stop();
    for (const d of dirs) removeDir(d);
  }
}

async function main() {
  const shape = { participants: Number(process.argv[2] ?? 1000), moves: Number(process.argv[3] ?? 5), seconds: Number(process.argv[4] ?? 10) };
  const runs = Number(process.argv[5] ?? 3);
  const results = { retning: [], bare: [], cross: [] };
  const pgUrl = (db) => (process.env.BENCH_PG_URL ?? 'postgresql://root@localhost/DB?host=/var/run/postgresql').replace('/DB', `/${db}`);
  const given = process.env.DATABASE_URL ?? (process.env.BENCH_PG_URL ? '' : undefined);
  const scratch = `retning_dialogue_bench_${process.pid}`;
  let pg = process.env.DATABASE_URL;
  if (given === '') {
    execFileSync('psql', [pgUrl('postgres'), '-qc', `create database ${scratch}`]);
    pg = pgUrl(scratch);
  }
  try {
    for (let r = 0; r < runs; r++) {
      for (const [kind, run] of [
        ['retning', () => retningRun(shape)],
        ['bare', () => bareRun(shape)],
        ...(pg ? [['cross', () => crossRun(shape, pg)]] : []),
      ]) {
        const figures = await run();
        results[kind].push(figures);
        emit({ bench: 'dialogue-live', kind, run: r + 1, ...shape, ...figures });
      }
    }
  } finally {
    if (given === '') execFileSync('psql', [pgUrl('postgres'), '-qc', `drop database if exists ${scratch}`]);
  }
  const med = (kind, key) => (results[kind].length ? median(results[kind].map((f) => f[key])) : null);
  const summary = (kind) => ({
    p50: med(kind, 'p50'),
    p95: med(kind, 'p95'),
    max: med(kind, 'max'),
    kbPerParticipantRss: med(kind, 'kbPerParticipantRss'),
    kbPerParticipantHeap: med(kind, 'kbPerParticipantHeap'),
    lost: Math.max(0, ...results[kind].map((f) => f.lost + f.mismatched)),
  });
  const retning = summary('retning');
  const bare = summary('bare');
  emit({ bench: 'dialogue-live', kind: 'median', runs, ...shape, retning, bare, ...(pg ? { cross: summary('cross') } : {}) });
  emit({
    bench: 'dialogue-live',
    kind: 'ratio',
    p95: round(retning.p95 / bare.p95, 2),
    kbPerParticipantRss: round(retning.kbPerParticipantRss / bare.kbPerParticipantRss, 2),
    targets: { p95Ms: 100, kbPerParticipant: 50, lost: 0, crossP95Ms: 200 },
  });
}

if (process.argv[2] === '--bare') bareServer();
else await main();
