// Library figures: search p95 for one school's 5,000 items among 100,000 across 100 schools on the
// embedded database (PGlite) or PostgreSQL (DATABASE_URL), spell check of a 2,000-word forløb, and /healthz in the same run.
// Run: node bench/library-search.mjs [rounds=3] [requests=200]
//      DATABASE_URL=postgres://postgres@127.0.0.1:5432/retning_libbench node bench/library-search.mjs
import { register } from 'tsx/esm/api';
import { emit, median, round } from './lib.mjs';

register();
const rounds = Number(process.argv[2] ?? 3);
const requests = Number(process.argv[3] ?? 200);
const total = Number(process.env.LIBRARY_ITEMS ?? 100_000);
const perDemo = 5_000;

const { openPglite, openPostgres } = await import('../src/server/db/client.ts');
const { seedDemo } = await import('../src/server/seed/demo.ts');
const { buildApp } = await import('../src/server/app.ts');
const { loadConfig } = await import('../src/server/config.ts');
const { createMailer } = await import('../src/server/platform/mail.ts');
const { sql } = await import('drizzle-orm');
const { seedLibraryBench } = await import('./library-seed.mjs');

// DATABASE_URL=postgres://… runs against PostgreSQL (an empty database: it is migrated and seeded here)
const url = process.env.DATABASE_URL;
const database = url ? openPostgres(url) : openPglite(undefined);
const kind = url ? 'postgres' : 'pglite';
await database.migrate();
const db = database.db;
if (Number((await db.execute(sql`select count(*)::int as n from schools`)).rows[0].n) > 0) throw new Error('the bench needs an empty database');
await seedDemo(db);
const t0 = performance.now();
const count = await seedLibraryBench(db, { total, perDemo });
emit({ figure: 'library_seed', items: count, schools: 100, seconds: round((performance.now() - t0) / 1000), database: kind });

const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error' }), database, mailer: createMailer(undefined, 'x') });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${app.server.address().port}`;
const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'laerer@demo.example', password: 'demo-retning' }) });
const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
const { csrfToken } = await login.json();
const headers = { cookie, 'x-csrf-token': csrfToken };

const queries = ['svejsning feedback', 'skole', 'feedbak', 'kantsøm', 'praktik logbog', 'simulation', 'trivsel differentiering', 'sikkerhed'];
const timeIt = async (url, opts) => {
  const s = performance.now();
  const r = await fetch(url, opts);
  if (!r.ok) throw new Error(`${url}: ${r.status} ${await r.text()}`);
  await r.arrayBuffer();
  return performance.now() - s;
};
const p = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
const check = await (await fetch(`${base}/api/v1/library/items?q=svejsning`, { headers })).json();
if (!check.total) throw new Error('search found nothing');
async function measureSearch(figure) {
  const search95 = [];
  const search50 = [];
  const health95 = [];
  for (let r = 0; r < rounds; r++) {
    const hs = [];
    const ss = [];
    for (let i = 0; i < requests; i++) {
      hs.push(await timeIt(`${base}/healthz`));
      ss.push(await timeIt(`${base}/api/v1/library/items?q=${encodeURIComponent(queries[i % queries.length])}`, { headers }));
    }
    health95.push(p(hs, 0.95));
    search95.push(p(ss, 0.95));
    search50.push(p(ss, 0.5));
  }
  emit({ figure: `healthz_p95_ms${figure === 'library_search_p95_ms' ? '' : '_baseline'}`, median: round(median(health95), 2), rounds });
  emit({ figure, median: round(median(search95), 1), p50_ms: round(median(search50), 1), school_items: perDemo, total_items: count, goal_ms: url ? 30 : 100, database: kind, rounds, requests });
}
await measureSearch('library_search_p95_ms');
// On PostgreSQL, the same run without the school-first GIN index (migration 0007) as the baseline.
if (url && process.env.BENCH_BASELINE !== '0') {
  await db.execute(sql`drop index if exists library_items_school_search_idx`);
  await db.execute(sql`analyze library_items`);
  await measureSearch('library_search_p95_ms_without_school_gin_index');
}

// spell check of a 2,000-word forløb: the first call loads the dictionary, later ones must be fast
const text = Array.from({ length: 2000 }, (_, i) => ['eleverne', 'svejser', 'en', 'kantsøm', 'og', 'giver', 'hinanden', 'feedbak', 'undervisningen', 'værkstedet'][i % 10]).join(' ');
const per = Math.ceil(text.length / 6);
const fields = Object.fromEntries(['laeringsforudsaetninger', 'rammefaktorer', 'maal', 'indhold', 'laereprocesser', 'vurdering'].map((f, i) => [f, `<p>${text.slice(i * per, (i + 1) * per)}</p>`]));
const created = await (await fetch(`${base}/api/v1/library/items`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'forlob', title: 'Stavekontrol', fields }) })).json();
const first = await timeIt(`${base}/api/v1/library/items/${created.id}/spellcheck`, { method: 'POST', headers });
const after = [];
for (let i = 0; i < 10 * rounds; i++) after.push(await timeIt(`${base}/api/v1/library/items/${created.id}/spellcheck`, { method: 'POST', headers }));
emit({ figure: 'spellcheck_2000_words_ms', first_ms: round(first), median_after_first_ms: round(median(after), 1), p95_after_first_ms: round(p(after, 0.95), 1), goal_ms: 200 });
await app.close();
await database.close();
