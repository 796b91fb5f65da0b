// Library figures: search p95 for one school's 5,000 items among 100,000 across 100 schools on the
// embedded database (PGlite), spell check of a 2,000-word forløb, and /healthz in the same run.
// Run: node bench/library-search.mjs [rounds=3] [requests=200]
import { register } from 'tsx/esm/api';
import { emit, median, round } from './lib.mjs';

register();
const rounds = Number(process.argv[2] ?? 3);
const requests = Number(process.argv[3] ?? 200);
const total = Number(process.env.LIBRARY_ITEMS ?? 100_000);
const perDemo = 5_000;

const { openPglite } = await import('../src/server/db/client.ts');
const { seedDemo } = await import('../src/server/seed/demo.ts');
const { buildApp } = await import('../src/server/app.ts');
const { loadConfig } = await import('../src/server/config.ts');
const { createMailer } = await import('../src/server/platform/mail.ts');
const { sql } = await import('drizzle-orm');

const database = openPglite(undefined);
await database.migrate();
await seedDemo(database.db);
const db = database.db;
const t0 = performance.now();
// 99 more schools in the demo network, one author each, then the items: 5,000 in the demo school, the rest spread
await db.execute(sql`
  insert into schools (network_id, name, settings)
  select (select network_id from schools limit 1), 'Benchskole ' || g, '{"defaultLocale":"da","schoolYearStartMonth":8}'::jsonb from generate_series(1, 99) g`);
await db.execute(sql`insert into people (school_id, name, email) select id, 'Forfatter', 'forfatter@' || id || '.bench' from schools where name like 'Benchskole %'`);
const words = ['svejsning', 'feedback', 'elever', 'skolerne', 'praktik', 'værksted', 'simulation', 'kantsøm', 'sikkerhed', 'undervisning', 'differentiering', 'trivsel', 'video', 'quiz', 'tømrer', 'murer', 'el-installation', 'logbog', 'refleksion', 'vurdering'];
const w = sql.raw(`array[${words.map((x) => `'${x}'`).join(',')}]`);
const insert = (schoolFilter, n) => sql`
  insert into library_items (school_id, kind, author_id, title, summary, fields_text, status, tags, licence)
  select s.id, case when g % 3 = 0 then 'material' else 'forlob' end,
    (select p.id from people p where p.school_id = s.id order by p.created_at limit 1),
    'Forløb om ' || (${w})[1 + g % 20] || ' og ' || (${w})[1 + (g / 20) % 20] || ' ' || g,
    'Eleverne arbejder med ' || (${w})[1 + (g / 7) % 20] || ' i ' || (${w})[1 + (g / 3) % 20],
    repeat('Læreprocesser med ' || (${w})[1 + (g / 11) % 20] || ' og ' || (${w})[1 + (g / 13) % 20] || '. ', 8),
    case when g % 10 = 0 then 'draft' when g % 10 = 1 then 'submitted' else 'published' end,
    jsonb_build_object('fag', jsonb_build_array((${w})[1 + g % 20])), 'cc_by'
  from ${sql.raw(schoolFilter)} s, generate_series(1, ${n}) g`;
await db.execute(insert("(select id from schools where name not like 'Benchskole %')", perDemo));
await db.execute(insert("(select id from schools where name like 'Benchskole %')", Math.floor((total - perDemo) / 99)));
await db.execute(sql`analyze library_items`);
const count = Number((await db.execute(sql`select count(*)::int as n from library_items`)).rows[0].n);
emit({ figure: 'library_seed', items: count, schools: 100, seconds: round((performance.now() - t0) / 1000) });

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
emit({ figure: 'healthz_p95_ms', median: round(median(health95), 2), rounds });
emit({ figure: 'library_search_p95_ms', median: round(median(search95), 1), p50_ms: round(median(search50), 1), school_items: perDemo, total_items: count, goal_ms: 100, database: 'pglite', rounds, requests });

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
