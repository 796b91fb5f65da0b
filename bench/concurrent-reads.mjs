// Database-backed reads under load on the embedded database, PGlite in-process (EMBEDDED_DB=inline)
// against PGlite in a worker thread (EMBEDDED_DB=worker), both in the same run: 10 connections per
// route, the people read cache off (READ_CACHE_SECONDS=0), /healthz measured alongside. Both servers
// run side by side on copies of one seeded data directory and take turns, route by route, so that a
// change in the machine's load hits both modes alike. Median of the rounds; one JSON line per figure.
// The school: the demo school plus BENCH_STAFF staff (default 950, so 1,000) with 3 answered
// competence rounds, BENCH_INITIATIVES more initiatives (default 100, each with 3 indicators × 10
// measurements) and BENCH_LIBRARY_ITEMS library items in the school (default 500) among 10 times as
// many in 100 schools. BENCH_STAFF=0 BENCH_INITIATIVES=0 BENCH_LIBRARY_ITEMS=0 measures the demo school as it is.
// BENCH_SEED_DIR keeps the seeded data directory there and reuses it in later runs.
// Run: node bench/concurrent-reads.mjs [rounds=3] [seconds=5] [connections=10]
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { tsImport } from 'tsx/esm/api';
import { emit, median, removeDir, round, signIn, startServer, tempDataDir } from './lib.mjs';
import { seedLibraryBench } from './library-seed.mjs';

const rounds = Number(process.argv[2] ?? 3);
const seconds = Number(process.argv[3] ?? 5);
const connections = Number(process.argv[4] ?? 10);
const initiatives = Number(process.env.BENCH_INITIATIVES ?? 100);
const libraryItems = Number(process.env.BENCH_LIBRARY_ITEMS ?? 500);
const staffCount = Number(process.env.BENCH_STAFF ?? 950);
const modes = ['inline', 'worker'];
const imp = (p) => tsImport(new URL(`../src/server/${p}`, import.meta.url).href, import.meta.url);

// 1. A first start creates the demo school; then the data is added in bulk with the server stopped.
const dir = tempDataDir();
const seedDir = process.env.BENCH_SEED_DIR ?? join(dir, 'seed');
const t0 = performance.now();
if (!existsSync(join(seedDir, 'pglite'))) {
  const first = await startServer(seedDir);
  await first.stop();
  const { openPglite } = await imp('db/client.ts');
  const { people, personRoles, departments, schools, competenceRounds } = await imp('db/schema/index.ts');
  const { ensureFramework } = await imp('features/competence/frameworks.ts');
  const { writeAssessments } = await imp('features/competence/bulk-assessments.ts');
  const { eq, sql } = await import('drizzle-orm');
  const database = openPglite(join(seedDir, 'pglite'));
  await database.client?.waitReady;
  const db = database.db;
  const [school] = await db.select({ id: schools.id }).from(schools).limit(1);
  const schoolId = school.id;
  // Strategy: initiatives with 3 indicators and 30 measurements each (as bench/strategy-figures.mjs).
  await database.client.exec(`
    create temp table ctx as select p.school_id, p.id as boss from people p where p.email = 'direktion@demo.example';
    create temp table depts as
      select row_number() over (order by d.name) - 1 as n, d.id from departments d join ctx on d.school_id = ctx.school_id where d.archived_at is null;
    insert into initiatives (school_id, id, title, why, sigtelinjer, level, department_id, owner_id, starts_on, ends_on, computed_status)
      select ctx.school_id, gen_random_uuid(), 'Indsats ' || g, 'Fordi eleverne lærer mere, når de får feedback på egen praksis (' || g || ').',
             array[(1 + g % 4)::text], case when g % 5 = 0 then 'central' else 'department' end,
             case when g % 5 = 0 then null else (select id from depts where n = g % (select count(*) from depts)) end,
             ctx.boss, current_date - (g % 300), current_date + 30 + (g % 700), (array['on_track','behind','at_risk','no_data'])[1 + g % 4]
      from ctx, generate_series(1, ${initiatives}) g;
    insert into indicators (school_id, id, initiative_id, name, unit, baseline, baseline_on, target, target_on, direction, status, ratio, latest_value, latest_on)
      select i.school_id, gen_random_uuid(), i.id, 'Indikator ' || k, '%', 10, i.starts_on, 80, i.ends_on, 'increase',
             (array['on_track','behind','at_risk'])[1 + (k + length(i.title)) % 3], 0.8 + ((k + length(i.title)) % 3) * 0.1, 40, current_date
      from initiatives i join ctx on i.school_id = ctx.school_id, generate_series(1, 3) k;
    insert into measurements (school_id, id, indicator_id, value, measured_on, source)
      select x.school_id, gen_random_uuid(), x.id, 10 + m * 3, x.baseline_on + m, 'Bench'
      from indicators x join ctx on x.school_id = ctx.school_id, generate_series(1, 10) m;
    drop table ctx; drop table depts;`);
  // Competence and people: 950 more staff (1,000 in all) with 3 answered mapping rounds (as bench/competence-heatmap.mjs).
  const day = (n) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const depts = await db.select({ id: departments.id }).from(departments).where(eq(departments.schoolId, schoolId));
  const rows = Array.from({ length: staffCount }, (_, i) => ({ schoolId, name: `Medarbejder ${i} Søndergård`, email: `m${i}@bench.example`, departmentId: depts[i % depts.length]?.id ?? null }));
  if (staffCount > 0) {
    const staff = await db.insert(people).values(rows).returning({ id: people.id, departmentId: people.departmentId });
    await db.insert(personRoles).values(staff.map((p) => ({ schoolId, personId: p.id, role: 'teacher' })));
    const frameworkId = await ensureFramework(db, schoolId, 'staff');
    for (const [k, offset] of [[0, -730], [1, -365], [2, -5]]) {
      const [r] = await db.insert(competenceRounds).values({ schoolId, frameworkId, title: `Runde ${k}`, opensOn: day(offset), closesOn: day(offset + 30) }).returning();
      await writeAssessments(db, schoolId, r.id, frameworkId, staff, (p, c) => Math.min(6, ((p * 7 + c * 3) % 5) + k), (p) => p % 40 !== 0);
    }
  }
  // Library: items in the demo school among 10 times as many in 100 schools; then ANALYZE.
  if (libraryItems > 0) await seedLibraryBench(db, { total: libraryItems * 10, perDemo: libraryItems });
  else await db.execute(sql`analyze`);
  const counts = (await db.execute(sql`select (select count(*) from initiatives)::int as initiatives, (select count(*) from measurements)::int as measurements,
    (select count(*) from people where school_id = ${schoolId})::int as people, (select count(*) from competence_assessments)::int as assessments,
    (select count(*) from library_items where school_id = ${schoolId})::int as library_items`)).rows[0];
  await database.close();
  emit({ figure: 'concurrent_reads_data', ...counts, seed_s: round((performance.now() - t0) / 1000) });
}
const scale = { staff_added: staffCount, initiatives_added: initiatives, library_items_in_school: libraryItems };

// 2. One server per mode, each on its own copy of the data, the read cache off.
const servers = {};
for (const mode of modes) {
  cpSync(seedDir, join(dir, mode), { recursive: true });
  const server = await startServer(join(dir, mode), { EMBEDDED_DB: mode, READ_CACHE_SECONDS: '0', JOBS_INTERVAL_MINUTES: '0' });
  servers[mode] = { server, auth: await signIn(server.base, 'direktion@demo.example') };
}
const routes = {
  healthz: '/healthz',
  initiatives: '/api/v1/initiatives',
  overview: '/api/v1/strategy/overview',
  heatmap: '/api/v1/competence/heatmap',
  library_search: '/api/v1/library/items?q=svejsning',
  people: '/api/v1/people',
};
for (const mode of modes) {
  const { server, auth } = servers[mode];
  for (const [name, path] of Object.entries(routes)) {
    const r = await fetch(`${server.base}${path}`, { headers: { cookie: auth.cookie } });
    if (!r.ok) throw new Error(`${mode} ${name}: ${r.status} ${(await r.text()).slice(0, 300)}`);
    await r.arrayBuffer();
  }
}

/** CPU time (ms) of the server's main thread and of all its threads, from /proc: load on the machine does not change it. */
const TICK_MS = 10;
function cpuMs(pid) {
  const ticks = (tid) => {
    const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime + stime
  };
  let all = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      all += ticks(tid);
    } catch {
      /* the thread ended meanwhile */
    }
  }
  return { main: ticks(pid), all };
}

const load = (url, headers) =>
  new Promise((resolve, reject) => autocannon({ url, connections, duration: seconds, headers }, (err, r) => (err ? reject(err) : resolve(r))));
const loadBefore = loadavg()[0];
const results = Object.fromEntries(modes.map((m) => [m, Object.fromEntries(Object.keys(routes).map((n) => [n, []]))]));
for (let i = 0; i < rounds; i++) {
  for (const [name, path] of Object.entries(routes)) {
    for (const mode of i % 2 ? [...modes].reverse() : modes) {
      const { server, auth } = servers[mode];
      const before = cpuMs(server.pid);
      const r = await load(`${server.base}${path}`, { cookie: auth.cookie });
      const after = cpuMs(server.pid);
      if (r.non2xx || r.errors) throw new Error(`${mode} ${name}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
      r.cpu = { main: (after.main - before.main) / r.requests.total, all: (after.all - before.all) / r.requests.total };
      results[mode][name].push(r);
    }
  }
}
for (const mode of modes) await servers[mode].server.stop();
removeDir(dir);
emit({ figure: 'concurrent_reads_machine', cpus: cpus().length, load_average_1min: { start: round(loadBefore, 2), end: round(loadavg()[0], 2) } });

const rps = (rs) => median(rs.map((r) => r.requests.average));
const p97 = (rs) => median(rs.map((r) => r.latency.p97_5));
for (const [name] of Object.entries(routes)) {
  const figure = { figure: `concurrent_reads_${name}`, connections, seconds, rounds, scale };
  for (const mode of modes) {
    const rs = results[mode][name];
    figure[mode] = {
      rps: round(rps(rs)),
      p97_5_ms: p97(rs),
      p50_ms: median(rs.map((r) => r.latency.p50)),
      ratio_to_healthz: round(rps(rs) / rps(results[mode].healthz), 3),
      // server CPU per request: the main thread, and all threads (the database worker, GC, …)
      cpu_ms_per_request: { main: round(median(rs.map((r) => r.cpu.main)), 2), all: round(median(rs.map((r) => r.cpu.all)), 2) },
    };
  }
  if (name !== 'healthz') {
    figure.worker_vs_inline_rps = round(figure.worker.rps / figure.inline.rps, 2);
    figure.goal = { p97_5_ms: 25, worker_vs_inline_rps: 2 };
  }
  emit(figure);
}
