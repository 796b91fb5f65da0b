// Issue 4 figures. (1) A 1,000-employee school with 3 mapping rounds on the embedded database:
// GET /api/v1/competence/heatmap (latest round + change since the previous) p95, with /healthz in the
// same run. (2) The national view over 100 schools / 60,000 employees on PostgreSQL
// (BENCH_PG_URL with DB in place of the database name, default the local socket; a scratch database
// is created and dropped): p95.
// Latencies are measured with sequential requests from one client (exact percentiles), after a warm-up.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { emit, median, percentile, removeDir, round, signIn, startServer, tempDataDir, timeGets } from './lib.mjs';

const runs = Number(process.argv[2] ?? 3);
const requests = Number(process.argv[3] ?? 200);
const imp = (p) => tsImport(new URL(`../src/server/${p}`, import.meta.url).href, import.meta.url);

const timeRequests = (url, headers) => timeGets(url, headers, requests);

const { people, personRoles, departments, schools, competenceRounds, accounts, networkRoles } = await imp('db/schema/index.ts');
const { ensureFramework } = await imp('features/competence/frameworks.ts');
const { writeAssessments } = await imp('features/competence/bulk-assessments.ts');
const { eq } = await import('drizzle-orm');

const day = (n) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** n staff in a school's departments, and 3 rounds (two years ago, last year, now) all answered. */
async function fillSchool(db, schoolId, n, tag) {
  const depts = await db.select({ id: departments.id }).from(departments).where(eq(departments.schoolId, schoolId));
  const rows = Array.from({ length: n }, (_, i) => ({ schoolId, name: `Medarbejder ${tag} ${i}`, email: `m${i}.${tag}@bench.example`, departmentId: depts[i % depts.length]?.id ?? null }));
  const staff = [];
  for (let i = 0; i < rows.length; i += 1000) staff.push(...(await db.insert(people).values(rows.slice(i, i + 1000)).returning({ id: people.id, departmentId: people.departmentId })));
  for (let i = 0; i < staff.length; i += 1000) await db.insert(personRoles).values(staff.slice(i, i + 1000).map((p) => ({ schoolId, personId: p.id, role: 'teacher' })));
  const frameworkId = await ensureFramework(db, schoolId, 'staff');
  for (const [k, offset] of [[0, -730], [1, -365], [2, -5]]) {
    const [r] = await db.insert(competenceRounds).values({ schoolId, frameworkId, title: `Runde ${k}`, opensOn: day(offset), closesOn: day(offset + 30) }).returning();
    await writeAssessments(db, schoolId, r.id, frameworkId, staff, (p, c) => Math.min(6, ((p * 7 + c * 3) % 5) + k), (p) => p % 40 !== 0);
  }
}

// ---------- (1) embedded database, one school of 1,000 ----------
if (process.env.BENCH_PART !== 'national') {
  const { openPglite } = await imp('db/client.ts');
  const heat = [];
  const health = [];
  const dir = tempDataDir();
  const first = await startServer(dir); // migrates and seeds the demo school
  await first.stop();
  const database = openPglite(join(dir, 'pglite'));
  await database.client?.waitReady;
  const [school] = await database.db.select({ id: schools.id }).from(schools).limit(1);
  const t0 = performance.now();
  await fillSchool(database.db, school.id, 1000 - 50, 'e');
  const fillMs = performance.now() - t0;
  await database.close();
  const server = await startServer(dir);
  const auth = await signIn(server.base, 'direktion@demo.example');
  const check = await (await fetch(`${server.base}/api/v1/competence/heatmap`, { headers: auth })).json();
  if (check.current?.school?.count < 950 || !check.previous) throw new Error(`unexpected heatmap: ${JSON.stringify(check.current?.school)}`);
  for (let i = 0; i < runs; i++) {
    health.push(await timeRequests(`${server.base}/healthz`, {}));
    heat.push(await timeRequests(`${server.base}/api/v1/competence/heatmap`, { cookie: auth.cookie }));
  }
  await server.stop();
  removeDir(dir);
  emit({ figure: 'competence_fill_1000_staff_3_rounds_ms', value: round(fillMs), answers: 950 * 25 * 3 });
  emit({ figure: 'healthz_latency_ms_embedded', p50: round(median(health.map((h) => h.p50)), 2), p95: round(median(health.map((h) => h.p95)), 2), runs, requests });
  emit({ figure: 'competence_heatmap_p95_ms_embedded', p50: round(median(heat.map((h) => h.p50)), 2), p95: round(median(heat.map((h) => h.p95)), 2), goal_p95: 50, respondents: check.current.school.count, runs, requests, per_run_p95: heat.map((h) => round(h.p95, 2)) });
}

// ---------- (2) PostgreSQL, 100 schools / 60,000 staff ----------
if (process.env.BENCH_PART !== 'embedded') {
  const pgUrl = (db) => (process.env.BENCH_PG_URL ?? 'postgresql://root@localhost/DB?host=/var/run/postgresql').replace('/DB', `/${db}`);
  const base = pgUrl('postgres');
  const name = `retning_competence_bench_${process.pid}`;
  execFileSync('psql', [base, '-qc', `create database ${name}`]);
  const url = pgUrl(name);
  try {
    const { openPostgres } = await imp('db/client.ts');
    const { createSchool, ensureNetworkNamed } = await imp('seed/create-school.ts');
    const { hashPassword } = await imp('platform/passwords.ts');
    const database = openPostgres(url, 4);
    await database.migrate();
    const db = database.db;
    const networkId = await ensureNetworkNamed(db, 'Bench-netværk');
    const t0 = performance.now();
    for (let s = 0; s < 100; s++) {
      const id = await createSchool(db, { networkId, name: `Skole ${String(s).padStart(3, '0')}`, institutionNumber: null });
      await db.insert(departments).values(['Bygge', 'Handel', 'Sundhed', 'Teknologi'].map((d) => ({ schoolId: id, name: d })));
      await fillSchool(db, id, 600, `s${s}`);
    }
    const fillMs = performance.now() - t0;
    await db.execute((await import('drizzle-orm')).sql`analyze`);
    const [acc] = await db.insert(accounts).values({ email: 'koordinator@bench.example', passwordHash: await hashPassword('demo-retning') }).returning({ id: accounts.id });
    await db.insert(networkRoles).values({ networkId, accountId: acc.id, role: 'network_coordinator' });
    await database.close();
    const dir = tempDataDir();
    const server = await startServer(dir, { DATABASE_URL: url });
    const auth = await signIn(server.base, 'koordinator@bench.example');
    const check = await (await fetch(`${server.base}/api/v1/competence/national`, { headers: auth })).json();
    if (check.schools?.length !== 100) throw new Error(`unexpected national view: ${JSON.stringify(check).slice(0, 300)}`);
    const nat = [];
    const health = [];
    const n = Math.max(20, Math.floor(requests / 10));
    for (let i = 0; i < runs; i++) {
      const t = async (u, h) => {
        for (let k = 0; k < 3; k++) await (await fetch(u, { headers: h })).arrayBuffer();
        const xs = [];
        for (let k = 0; k < n; k++) {
          const a = performance.now();
          await (await fetch(u, { headers: h })).arrayBuffer();
          xs.push(performance.now() - a);
        }
        return { p50: percentile(xs, 50), p95: percentile(xs, 95) };
      };
      health.push(await t(`${server.base}/healthz`, {}));
      nat.push(await t(`${server.base}/api/v1/competence/national`, { cookie: auth.cookie }));
    }
    await server.stop();
    removeDir(dir);
    emit({ figure: 'competence_fill_100_schools_60000_staff_ms', value: round(fillMs), answers: 100 * 600 * 25 * 3 });
    emit({ figure: 'healthz_latency_ms_postgres', p50: round(median(health.map((h) => h.p50)), 2), p95: round(median(health.map((h) => h.p95)), 2), runs, requests: n });
    emit({ figure: 'competence_national_p95_ms_postgres', p50: round(median(nat.map((h) => h.p50)), 1), p95: round(median(nat.map((h) => h.p95)), 1), goal_p95: 300, schools: 100, staff: 60000, runs, requests: n, per_run_p95: nat.map((h) => round(h.p95, 1)) });
  } finally {
    execFileSync('psql', [base, '-qc', `drop database if exists ${name} with (force)`]);
  }
}
