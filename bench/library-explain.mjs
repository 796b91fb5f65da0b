// Profiling aid: seeds the 100,000-item library on PGlite, times searchItems per query and, with
// SQLFILE=statements.sql (separated by ;;, :school and :me substituted), prints EXPLAIN ANALYZE.
import { register } from 'tsx/esm/api';
register();
const root = new URL('../', import.meta.url).href;
const { openPglite, openPostgres } = await import(root + 'src/server/db/client.ts');
const { seedDemo } = await import(root + 'src/server/seed/demo.ts');
const { seedLibraryBench } = await import(root + 'bench/library-seed.mjs');
const { searchItems } = await import(root + 'src/server/features/library/search.ts');
const { sql } = await import('drizzle-orm');
// DATABASE_URL: a database the search bench already seeded (PostgreSQL); otherwise a fresh PGlite
const database = process.env.DATABASE_URL ? openPostgres(process.env.DATABASE_URL) : openPglite(undefined);
const db = database.db;
if (!process.env.DATABASE_URL) {
  await database.migrate();
  await seedDemo(database.db);
  await seedLibraryBench(db);
}
const r = (await db.execute(sql`select p.id, p.school_id, s.name from people p join accounts a on a.id = p.account_id join schools s on s.id = p.school_id where a.email = 'laerer@demo.example'`)).rows[0];
const actor = { person: { id: r.id, name: 'x' }, school: { id: r.school_id, name: r.name }, roles: ['teacher'], network: null };
const qs = ['svejsning feedback', 'skole', 'feedbak', 'kantsøm', 'praktik logbog', 'simulation', 'trivsel differentiering', 'sikkerhed', ''];
if (process.env.EXPLAIN) {
  // EXPLAIN=word: print the plan of the search statement for that query
  const execute = db.execute.bind(db);
  db.execute = async (query) => {
    if (globalThis.__explainNow) {
      const plan = await execute(sql`explain (analyze, buffers) ${query}`);
      console.log(plan.rows.map((x) => x['QUERY PLAN']).join('\n'));
    }
    return execute(query);
  };
}
for (let round = 0; round < 3; round++) {
  for (const q of qs) {
    const t = performance.now();
    globalThis.__explainNow = round === 2 && process.env.EXPLAIN === q;
    const res = await searchItems(db, actor, { q, page: 1, pageSize: 20 });
    if (round === 2) console.log(JSON.stringify(q), res.total, res.fuzzy, Math.round(performance.now() - t), 'ms', res.items[0]?.title, JSON.stringify(res.facets.status));
  }
}
if (process.env.SQLFILE) {
  const { readFileSync } = await import('node:fs');
  for (const stmt of readFileSync(process.env.SQLFILE, 'utf8').split(';;')) {
    if (!stmt.trim()) continue;
    const s = stmt.replaceAll(':school', `'${r.school_id}'`).replaceAll(':me', `'${r.id}'`);
    const out = await db.execute(sql.raw('explain (analyze, buffers) ' + s));
    console.log(out.rows.map((x) => x['QUERY PLAN']).join('\n'));
  }
}
await database.close();
