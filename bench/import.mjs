// CSV import of 5,000 rows end to end (preview + streamed import over HTTP) on the embedded database.
import { emit, importCsv, median, removeDir, round, signIn, staffCsv, startServer, tempDataDir } from './lib.mjs';

const runs = Number(process.argv[2] ?? 3);
const dir = tempDataDir();
const server = await startServer(dir);
const auth = await signIn(server.base, 'admin@demo.example');
const times = [];
for (let i = 0; i < runs; i++) {
  const csv = staffCsv(5000, `r${i}`);
  const t0 = performance.now();
  const result = await importCsv(server.base, auth, csv);
  times.push(performance.now() - t0);
  if (result.created !== 5000) throw new Error(`expected 5000 created, got ${JSON.stringify(result)}`);
}
emit({ figure: 'csv_import_5000_rows_ms', median: round(median(times)), goal: 5000, runs: times.map((x) => round(x)) });
await server.stop();
removeDir(dir);
