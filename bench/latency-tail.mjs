// Where the slow tail of the database-backed reads comes from, on the embedded database with PGlite
// in its worker thread and the read cache off (the setting of bench/concurrent-reads.mjs):
//  - p50, p97.5 and p99 of each read at 1, 2, 5 and 10 connections (autocannon, median of rounds);
//  - the young-generation collections of the server's main thread during each run (V8's
//    --trace-gc-nvp): how often, how long each pause is, how much of the young objects survive;
//  - with wrk installed (Debian package wrk, a load generator written in C), the same 10-connection
//    load from wrk beside autocannon, taking turns: whether the load generator, a Node process on the
//    same two cores, changes the figure.
// Needs the seed of bench/concurrent-reads.mjs: run that once with BENCH_SEED_DIR, then
//   BENCH_SEED_DIR=… node bench/latency-tail.mjs [rounds=3] [seconds=4]
// BENCH_NODE_ARGS='--max-semi-space-size=4' starts the server with more Node or V8 flags.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { emit, median, removeDir, round, signIn, startServer, tempDataDir } from './lib.mjs';

const rounds = Number(process.argv[2] ?? 3);
const seconds = Number(process.argv[3] ?? 4);
const seedDir = process.env.BENCH_SEED_DIR;
if (!seedDir || !existsSync(join(seedDir, 'pglite'))) {
  console.error('usage: BENCH_SEED_DIR=<seed of bench/concurrent-reads.mjs> node bench/latency-tail.mjs [rounds] [seconds]');
  process.exit(2);
}
const routes = {
  initiatives: '/api/v1/initiatives',
  overview: '/api/v1/strategy/overview',
  heatmap: '/api/v1/competence/heatmap',
  library_search: '/api/v1/library/items?q=svejsning',
  people: '/api/v1/people',
};
const connectionCounts = [1, 2, 5, 10];
const hasWrk = spawnSync('wrk', ['--version']).error === undefined;

const dir = tempDataDir();
cpSync(seedDir, join(dir, 'data'), { recursive: true });
const server = await startServer(
  join(dir, 'data'),
  { EMBEDDED_DB: 'worker', READ_CACHE_SECONDS: '0', JOBS_INTERVAL_MINUTES: '0' },
  // BENCH_NODE_ARGS: more flags for the server's Node and V8 (such as --max-semi-space-size=4)
  { nodeArgs: ['--trace-gc-nvp', ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)] },
);
const auth = await signIn(server.base, 'direktion@demo.example');
const loadBefore = loadavg()[0];

/** The main thread's scavenges printed since `from` (a position in the server's output). */
function scavenges(from) {
  const lines = server.output().slice(from).split('\n').filter((l) => l.includes(' gc=s '));
  // every isolate prints; the main thread's is the one that collects most often
  const byIsolate = new Map();
  for (const l of lines) {
    const isolate = /^\[\d+:(0x[0-9a-f]+)\]/.exec(l)?.[1];
    if (!byIsolate.has(isolate)) byIsolate.set(isolate, []);
    byIsolate.get(isolate).push(l);
  }
  const main = [...byIsolate.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  const field = (l, k) => Number(new RegExp(` ${k}=([\\d.]+)`).exec(l)?.[1] ?? 0);
  return main.map((l) => ({ pause: field(l, 'pause'), allocated: field(l, 'allocated'), survived: field(l, 'new_space_survived') }));
}

const byAutocannon = (path, connections) =>
  new Promise((resolve, reject) =>
    autocannon({ url: `${server.base}${path}`, connections, duration: seconds, headers: { cookie: auth.cookie } }, (err, r) => {
      if (err) return reject(err);
      if (r.non2xx || r.errors) return reject(new Error(`${path}: ${r.non2xx} non-2xx answers, ${r.errors} errors`));
      resolve({ rps: r.requests.average, p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99, requests: r.requests.total });
    }),
  );

const script = join(dir, 'report.lua');
writeFileSync(
  script,
  `wrk.headers["cookie"] = "${auth.cookie}"
done = function(summary, latency, requests)
  io.write(string.format('{"rps":%.1f,"p50":%.2f,"p97_5":%.2f,"p99":%.2f,"requests":%d,"non2xx":%d}\\n',
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(97.5) / 1000,
    latency:percentile(99) / 1000, summary.requests, summary.errors.status))
end`,
);
function byWrk(path, connections) {
  const out = execFileSync('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '-s', script, `${server.base}${path}`], { encoding: 'utf8' });
  const r = JSON.parse(out.trim().split('\n').pop());
  if (r.non2xx) throw new Error(`${path}: ${r.non2xx} non-2xx answers from wrk`);
  return r;
}

const summary = (runs) => ({
  rps: round(median(runs.map((r) => r.rps))),
  p50_ms: round(median(runs.map((r) => r.p50))),
  p97_5_ms: round(median(runs.map((r) => r.p97_5))),
  p99_ms: round(median(runs.map((r) => r.p99))),
});

try {
  for (const [name, path] of Object.entries(routes)) {
    await byAutocannon(path, 10); // warm up the route's code and plans
    for (const connections of connectionCounts) {
      const runs = [];
      const gc = [];
      for (let i = 0; i < rounds; i++) {
        const from = server.output().length;
        const r = await byAutocannon(path, connections);
        const s = scavenges(from);
        runs.push(r);
        gc.push({
          perSecond: s.length / seconds,
          pause: median(s.map((x) => x.pause)),
          maxPause: Math.max(0, ...s.map((x) => x.pause)),
          survivedKb: median(s.map((x) => x.survived)) / 1024,
          allocatedKbPerRequest: s.reduce((sum, x) => sum + x.allocated, 0) / 1024 / r.requests,
        });
      }
      emit({
        figure: `latency_tail_${name}`,
        connections,
        seconds,
        rounds,
        ...summary(runs),
        main_thread_scavenges: {
          per_second: round(median(gc.map((g) => g.perSecond))),
          pause_ms_median: round(median(gc.map((g) => g.pause)), 2),
          pause_ms_max: round(median(gc.map((g) => g.maxPause)), 2),
          survived_kb_median: round(median(gc.map((g) => g.survivedKb))),
          allocated_kb_per_request: round(median(gc.map((g) => g.allocatedKbPerRequest))),
        },
      });
    }
    if (hasWrk) {
      const runs = { autocannon: [], wrk: [] };
      for (let i = 0; i < rounds; i++) {
        for (const generator of i % 2 ? ['wrk', 'autocannon'] : ['autocannon', 'wrk']) {
          runs[generator].push(generator === 'wrk' ? byWrk(path, 10) : await byAutocannon(path, 10));
        }
      }
      emit({ figure: `latency_tail_generator_${name}`, connections: 10, seconds, rounds, autocannon: summary(runs.autocannon), wrk: summary(runs.wrk) });
    }
  }
  emit({ figure: 'latency_tail_machine', load_average_1min: { start: round(loadBefore, 2), end: round(loadavg()[0], 2) }, wrk: hasWrk });
} finally {
  await server.stop();
  removeDir(dir);
}
