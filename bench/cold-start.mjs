// Cold start to /readyz on a fresh embedded database (migrate + demo seed) and on an existing one; idle RSS after start.
import { spawn } from 'node:child_process';
import { emit, median, removeDir, round, startServer, tempDataDir } from './lib.mjs';

/** Baseline: a bare Node http server answering /readyz, started the same way, in the same run. */
async function bareNodeReadyMs() {
  const port = 4700 + Math.floor(Math.random() * 200);
  const t0 = performance.now();
  const child = spawn(process.execPath, ['-e', `require('node:http').createServer((q, r) => r.end('ok')).listen(${port}, '127.0.0.1')`], { stdio: 'ignore' });
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  const ms = performance.now() - t0;
  child.kill();
  return ms;
}

const runs = Number(process.argv[2] ?? 5);
const fresh = [];
const existing = [];
const rss = [];
const fromSource = [];
const bare = [];
for (let i = 0; i < runs; i++) {
  bare.push(await bareNodeReadyMs());
  const dir = tempDataDir();
  const first = await startServer(dir);
  fresh.push(first.readyMs);
  await first.stop();
  const second = await startServer(dir);
  existing.push(second.readyMs);
  await new Promise((r) => setTimeout(r, 2000));
  rss.push(second.rssMb());
  await second.stop();
  const third = await startServer(dir, {}, { fromSource: true });
  fromSource.push(third.readyMs);
  await third.stop();
  removeDir(dir);
}
emit({ figure: 'cold_start_fresh_db_ms', median: round(median(fresh)), runs: fresh.map((x) => round(x)) });
emit({ figure: 'cold_start_existing_db_ms', median: round(median(existing)), goal: 2000, runs: existing.map((x) => round(x)) });
emit({ figure: 'cold_start_baseline_bare_node_ms', median: round(median(bare)), existing_db_ratio: round(median(existing) / median(bare), 1) });
emit({ figure: 'cold_start_existing_db_ms_from_typescript_sources', median: round(median(fromSource)), runs: fromSource.map((x) => round(x)), note: 'node --import tsx src/server/main.ts, the same database, as a baseline for the bundle' });
emit({ figure: 'idle_rss_mb', median: round(median(rss)), runs: rss.map((x) => round(x)) });
