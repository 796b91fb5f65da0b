// The demo school's seed on a fresh embedded database, as `npm start` runs it once on an empty data
// directory: the bare school (seedDemo: people, accounts with one password hash) and the modules'
// content (seedDemoModules: strategy, årshjul, competence rounds, courses, contracts, library).
// EMBEDDED_DB=inline runs PGlite on this thread (as the tests do); the default is the worker, as npm start.
// Usage: node bench/demo-seed.mjs [runs]
import { register } from 'tsx/esm/api';
import { emit, median, round } from './lib.mjs';

register();
const root = new URL('../', import.meta.url).href;
const { openPglite, openPgliteWorker } = await import(root + 'src/server/db/client.ts');
const { seedDemo } = await import(root + 'src/server/seed/demo.ts');
const { seedDemoModules } = await import(root + 'src/server/seed/demo-modules.ts');

const runs = Number(process.argv[2] ?? 5);
const inline = process.env.EMBEDDED_DB === 'inline';
const school = [];
const modules = [];
for (let i = 0; i < runs; i++) {
  const database = inline ? openPglite(undefined) : openPgliteWorker(undefined);
  await database.waitReady;
  await database.migrate();
  const t0 = performance.now();
  await seedDemo(database.db);
  const t1 = performance.now();
  await seedDemoModules(database.db);
  const t2 = performance.now();
  school.push(t1 - t0);
  modules.push(t2 - t1);
  await database.close();
}
const mode = inline ? 'inline' : 'worker';
emit({ figure: 'demo_seed_school_ms', mode, median: round(median(school)), runs: school.map((x) => round(x)) });
emit({ figure: 'demo_seed_modules_ms', mode, median: round(median(modules)), runs: modules.map((x) => round(x)) });
emit({ figure: 'demo_seed_total_ms', mode, median: round(median(school.map((s, i) => s + (modules[i] ?? 0)))) });
