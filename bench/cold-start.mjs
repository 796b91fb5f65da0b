// Cold start to /readyz on a fresh embedded database (migrate + demo seed) and on an existing one; idle RSS after start.
import { emit, median, removeDir, round, startServer, tempDataDir } from './lib.mjs';

const runs = Number(process.argv[2] ?? 5);
const fresh = [];
const existing = [];
const rss = [];
for (let i = 0; i < runs; i++) {
  const dir = tempDataDir();
  const first = await startServer(dir);
  fresh.push(first.readyMs);
  await first.stop();
  const second = await startServer(dir);
  existing.push(second.readyMs);
  await new Promise((r) => setTimeout(r, 2000));
  rss.push(second.rssMb());
  await second.stop();
  removeDir(dir);
}
emit({ figure: 'cold_start_fresh_db_ms', median: round(median(fresh)), runs: fresh.map((x) => round(x)) });
emit({ figure: 'cold_start_existing_db_ms', median: round(median(existing)), goal: 2000, runs: existing.map((x) => round(x)) });
emit({ figure: 'idle_rss_mb', median: round(median(rss)), runs: rss.map((x) => round(x)) });
