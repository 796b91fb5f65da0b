// The network host's school list: a network of 100 schools on PostgreSQL (BENCH_DATABASE_URL, or a
// scratch database created and dropped on 127.0.0.1:5432 as user postgres), each with 4 departments,
// 150 people (100 with an account), 100 sessions over the last 60 days, 500 audit events, 10
// initiatives and 20 library items (half published). GET /api/v1/network (per school counts and
// activity, the network's totals) p95, with /healthz in the same run. Goal: p95 ≤ 50 ms.
import { execFileSync } from 'node:child_process';
import { tsImport } from 'tsx/esm/api';
import { emit, median, removeDir, round, signIn, startServer, tempDataDir, timeGets } from './lib.mjs';

const runs = Number(process.argv[2] ?? 3);
const requests = Number(process.argv[3] ?? 100);
const SCHOOLS = 100;
const imp = (p) => tsImport(new URL(`../src/server/${p}`, import.meta.url).href, import.meta.url);

const given = process.env.BENCH_DATABASE_URL;
const base = 'postgresql://postgres@127.0.0.1:5432/postgres';
const name = `retning_network_bench_${process.pid}`;
if (!given) execFileSync('psql', [base, '-qc', `create database ${name}`]);
const url = given ?? base.replace(/\/postgres$/, `/${name}`);

/** Inserts rows in chunks that stay under PostgreSQL's 65 535 parameters. */
const insertAll = async (db, table, rows, returning) => {
  const out = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const q = db.insert(table).values(rows.slice(i, i + 1000));
    if (returning) out.push(...(await q.returning(returning)));
    else await q;
  }
  return out;
};

try {
  const { accounts, auditEvents, departments, initiatives, libraryItems, networkRoles, people, sessions } = await imp('db/schema/index.ts');
  const { openPostgres } = await imp('db/client.ts');
  const { createSchool, ensureNetworkNamed } = await imp('seed/create-school.ts');
  const { hashPassword } = await imp('platform/passwords.ts');
  const database = openPostgres(url, 4);
  await database.migrate();
  const db = database.db;
  const networkId = await ensureNetworkNamed(db, `Bench-netværk ${process.pid}`);
  const t0 = performance.now();
  const day = 86_400_000;
  for (let s = 0; s < SCHOOLS; s++) {
    const schoolId = await createSchool(db, { networkId, name: `Skole ${String(s).padStart(3, '0')}`, institutionNumber: String(100000 + s * 7 + (process.pid % 7)) });
    const depts = await insertAll(db, departments, ['Bygge', 'Handel', 'Sundhed', 'Teknologi'].map((d) => ({ schoolId, name: d })), { id: departments.id });
    const accs = await insertAll(db, accounts, Array.from({ length: 100 }, (_, i) => ({ email: `p${i}.s${s}.${process.pid}@bench.example` })), { id: accounts.id });
    const staff = await insertAll(
      db,
      people,
      Array.from({ length: 150 }, (_, i) => ({
        schoolId,
        accountId: accs[i]?.id ?? null,
        name: `Person ${i}`,
        email: `p${i}.s${s}.${process.pid}@bench.example`,
        departmentId: depts[i % 4].id,
        active: i % 15 !== 0,
      })),
      { id: people.id },
    );
    await insertAll(
      db,
      sessions,
      Array.from({ length: 100 }, (_, i) => ({
        tokenHash: `bench-${process.pid}-${s}-${i}`,
        accountId: accs[i].id,
        schoolId,
        csrfToken: 'x',
        lastSeenAt: new Date(Date.now() - ((i * 37) % 60) * day),
        expiresAt: new Date(Date.now() - ((i * 37) % 60) * day + 30 * day),
        endedAt: i % 3 === 0 ? new Date() : null,
      })),
    );
    await insertAll(
      db,
      auditEvents,
      Array.from({ length: 500 }, (_, i) => ({ schoolId, actorName: 'Bench', action: 'person.updated', resourceType: 'person', at: new Date(Date.now() - ((i + s) % 90) * day) })),
    );
    await insertAll(
      db,
      initiatives,
      Array.from({ length: 10 }, (_, i) => ({ schoolId, title: `Indsats ${i}`, why: 'Fordi', level: 'central', startsOn: '2026-01-01', endsOn: '2026-12-31', state: i % 4 === 0 ? 'achieved' : 'active' })),
    );
    await insertAll(
      db,
      libraryItems,
      Array.from({ length: 20 }, (_, i) => ({ schoolId, kind: 'material', title: `Materiale ${i}`, authorId: staff[i].id, status: i % 2 ? 'published' : 'draft' })),
    );
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
  const endpoint = `${server.base}/api/v1/network`;
  const check = await (await fetch(endpoint, { headers: auth })).json();
  if (check.schools?.length !== SCHOOLS || check.totals?.people !== SCHOOLS * 140) throw new Error(`unexpected network view: ${JSON.stringify(check).slice(0, 300)}`);
  const health = [];
  const bench = [];
  for (let i = 0; i < runs; i++) {
    health.push(await timeGets(`${server.base}/healthz`, {}, requests, 10));
    bench.push(await timeGets(endpoint, { cookie: auth.cookie }, requests, 10));
  }
  await server.stop();
  removeDir(dir);
  emit({ figure: 'network_fill_100_schools_ms', value: round(fillMs), people: SCHOOLS * 150, sessions: SCHOOLS * 100, audit_events: SCHOOLS * 500 });
  emit({ figure: 'healthz_latency_ms_postgres', p50: round(median(health.map((h) => h.p50)), 2), p95: round(median(health.map((h) => h.p95)), 2), runs, requests });
  emit({
    figure: 'network_schools_p95_ms_postgres',
    p50: round(median(bench.map((h) => h.p50)), 2),
    p95: round(median(bench.map((h) => h.p95)), 2),
    goal_p95: 50,
    schools: SCHOOLS,
    runs,
    requests,
    per_run_p95: bench.map((h) => round(h.p95, 2)),
  });
} finally {
  if (!given) execFileSync('psql', [base, '-qc', `drop database if exists ${name} with (force)`]);
}
