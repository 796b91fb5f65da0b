// Selvevaluering figures (2): a network of 100 schools on PostgreSQL (DATABASE_URL, or BENCH_PG_URL
// with DB in place of the database name, default the local socket; a scratch database is created
// and dropped), each with 2 closed rounds of 500 respondents (leaders, teachers, students) over 40
// items, written through the count tables and closed through the close's effects (area means).
// GET /api/v1/network/surveys (the coordinator's benchmark: quartiles per group × area from each
// school's latest closed round, participation per school) p95, with /healthz in the same run.
import { execFileSync } from 'node:child_process';
import { tsImport } from 'tsx/esm/api';
import { emit, median, removeDir, round, signIn, startServer, tempDataDir, timeGets } from './lib.mjs';

const runs = Number(process.argv[2] ?? 3);
const requests = Number(process.argv[3] ?? 100);
const imp = (p) => tsImport(new URL(`../src/server/${p}`, import.meta.url).href, import.meta.url);
const timeRequests = (url, headers) => timeGets(url, headers, requests, 10);
const day = (n) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const AREAS = ['ledelse', 'organisationsudvikling', 'videndeling', 'kompetenceudvikling', 'praktiksamarbejde', 'infrastruktur'];
const GROUPS = [['leader', 40], ['teacher', 160], ['student', 300]];

const pgUrl = (db) => (process.env.BENCH_PG_URL ?? 'postgresql://root@localhost/DB?host=/var/run/postgresql').replace('/DB', `/${db}`);
const given = process.env.DATABASE_URL;
const base = pgUrl('postgres');
const name = `retning_survey_bench_${process.pid}`;
if (!given) execFileSync('psql', [base, '-qc', `create database ${name}`]);
const url = given ?? pgUrl(name);
try {
  const { departments, accounts, networkRoles } = await imp('db/schema/index.ts');
  const { openPostgres } = await imp('db/client.ts');
  const { createSchool, ensureNetworkNamed } = await imp('seed/create-school.ts');
  const { hashPassword } = await imp('platform/passwords.ts');
  const { seedItems, seedSurveyRound } = await imp('features/surveys/report-seed.ts');
  const { onRoundClosed } = await imp('features/surveys/close-effects.ts');
  const database = openPostgres(url, 4);
  await database.migrate();
  const db = database.db;
  const networkId = await ensureNetworkNamed(db, `Bench-netværk ${process.pid}`);
  const items = seedItems(AREAS, 7, GROUPS.map(([g]) => g)).slice(0, 40);
  const t0 = performance.now();
  for (let s = 0; s < 100; s++) {
    const id = await createSchool(db, { networkId, name: `Skole ${String(s).padStart(3, '0')}`, institutionNumber: null });
    const depts = (await db.insert(departments).values(['Bygge', 'Handel', 'Sundhed', 'Teknologi'].map((d) => ({ schoolId: id, name: d }))).returning({ id: departments.id })).map((d) => d.id);
    for (const [k, offset] of [[0, -365], [1, -10]]) {
      const sheets = GROUPS.flatMap(([group, n]) =>
        Array.from({ length: n }, (_, p) => ({
          group,
          departmentId: depts[p % depts.length],
          answers: Object.fromEntries(items.map((it, i) => [it.key, ((p * 3 + i + k + s) % 5) + 1])),
        })),
      );
      const r = await seedSurveyRound(db, id, { name: `Runde ${k}`, opensOn: day(offset - 20), closesOn: day(offset), groups: GROUPS.map(([g]) => g), items, closed: true, sheets });
      await db.transaction((tx) => onRoundClosed(tx, r));
    }
  }
  const fillMs = performance.now() - t0;
  await db.execute((await import('drizzle-orm')).sql`analyze`);
  const email = `koordinator-${process.pid}@bench.example`;
  const [acc] = await db.insert(accounts).values({ email, passwordHash: await hashPassword('demo-retning') }).returning({ id: accounts.id });
  await db.insert(networkRoles).values({ networkId, accountId: acc.id, role: 'network_coordinator' });
  await database.close();
  const dir = tempDataDir();
  const server = await startServer(dir, { DATABASE_URL: url });
  const auth = await signIn(server.base, email);
  const endpoint = `${server.base}/api/v1/network/surveys`;
  const check = await (await fetch(endpoint, { headers: auth })).json();
  if (check.schools?.length !== 100 || check.benchmark?.length !== AREAS.length * GROUPS.length) throw new Error(`unexpected network view: ${JSON.stringify(check).slice(0, 300)}`);
  const bench = [];
  const health = [];
  for (let i = 0; i < runs; i++) {
    health.push(await timeRequests(`${server.base}/healthz`, {}));
    bench.push(await timeRequests(endpoint, { cookie: auth.cookie }));
  }
  await server.stop();
  removeDir(dir);
  emit({ figure: 'survey_fill_100_schools_2_rounds_500_respondents_ms', value: round(fillMs), answers: 100 * 2 * 500 * 40 });
  emit({ figure: 'healthz_latency_ms_postgres', p50: round(median(health.map((h) => h.p50)), 2), p95: round(median(health.map((h) => h.p95)), 2), runs, requests });
  emit({ figure: 'survey_benchmark_p95_ms_postgres', p50: round(median(bench.map((h) => h.p50)), 2), p95: round(median(bench.map((h) => h.p95)), 2), goal_p95: 100, schools: 100, runs, requests, per_run_p95: bench.map((h) => round(h.p95, 2)) });
} finally {
  if (!given) execFileSync('psql', [base, '-qc', `drop database if exists ${name} with (force)`]);
}
