// The database-backed reads of bench/concurrent-reads.mjs, this checkout against an earlier commit,
// both with PGlite in its worker thread and the read cache off, side by side on copies of one
// seeded data directory, taking turns route by route (the order flips every round). The earlier
// commit is checked out into a temporary git worktree and its server bundle built there.
// Needs the seed of bench/concurrent-reads.mjs: run that once with BENCH_SEED_DIR, then
//   BENCH_SEED_DIR=… node bench/reads-against-commit.mjs <commit> [rounds=4] [seconds=4] [connections=10]
// One JSON line per route: median req/s, p97.5 and server CPU per request of each, and the ratio.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { emit, median, removeDir, root, round, signIn, startServer, tempDataDir } from './lib.mjs';

const [ref, roundsArg = '4', secondsArg = '4', connectionsArg = '10'] = process.argv.slice(2);
const seedDir = process.env.BENCH_SEED_DIR;
if (!ref || !seedDir || !existsSync(join(seedDir, 'pglite'))) {
  console.error('usage: BENCH_SEED_DIR=<seed of bench/concurrent-reads.mjs> node bench/reads-against-commit.mjs <commit> [rounds] [seconds] [connections]');
  process.exit(2);
}
const rounds = Number(roundsArg);
const seconds = Number(secondsArg);
const connections = Number(connectionsArg);
const git = (...args) => {
  const r = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};

const sha = git('rev-parse', ref);
const checkout = join(mkdtempSync(join(tmpdir(), 'retning-reads-')), 'checkout');
git('worktree', 'add', '--detach', checkout, sha);
const dir = tempDataDir();
const servers = {};
try {
  symlinkSync(join(root, 'node_modules'), join(checkout, 'node_modules'));
  const build = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: checkout, stdio: 'ignore' });
  if (build.status !== 0) throw new Error(`the build of ${sha} failed`);
  const env = { EMBEDDED_DB: 'worker', READ_CACHE_SECONDS: '0', JOBS_INTERVAL_MINUTES: '0' };
  for (const [name, cwd] of [['before', checkout], ['now', root]]) {
    cpSync(seedDir, join(dir, name), { recursive: true });
    const server = await startServer(join(dir, name), env, { cwd });
    servers[name] = { server, auth: await signIn(server.base, 'direktion@demo.example') };
  }
  emit({ figure: 'reads_against_commit_machine', before: sha.slice(0, 7), cpus: 2, load_average_1min: round(loadavg()[0], 2) });
  const cpuTicks = (pid) => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  };
  const routes = ['/api/v1/initiatives', '/api/v1/strategy/overview', '/api/v1/competence/heatmap', '/api/v1/library/items?q=svejsning', '/api/v1/people'];
  for (const path of routes) {
    const runs = { before: [], now: [] };
    const load = (name, duration) => autocannon({ url: servers[name].server.base + path, connections, duration, headers: { cookie: servers[name].auth.cookie } });
    for (const name of ['before', 'now']) await load(name, 1);
    for (let i = 0; i < rounds; i++) {
      for (const name of i % 2 ? ['now', 'before'] : ['before', 'now']) {
        const ticks = cpuTicks(servers[name].server.pid);
        const r = await load(name, seconds);
        if (r.non2xx) throw new Error(`${name} ${path}: ${r.non2xx} answers other than 2xx`);
        runs[name].push({ rps: r.requests.average, p97_5: r.latency.p97_5, cpu: ((cpuTicks(servers[name].server.pid) - ticks) * 10) / r.requests.total });
      }
    }
    const summary = (xs) => ({ rps: round(median(xs.map((x) => x.rps))), p97_5_ms: median(xs.map((x) => x.p97_5)), cpu_ms_per_request: round(median(xs.map((x) => x.cpu)), 2) });
    const before = summary(runs.before);
    const now = summary(runs.now);
    emit({ figure: 'reads_against_commit', path, connections, rounds, seconds, before, now, now_vs_before_rps: round(now.rps / before.rps, 2) });
  }
} finally {
  for (const { server } of Object.values(servers)) await server.stop();
  removeDir(dir);
  git('worktree', 'remove', '--force', checkout);
}
