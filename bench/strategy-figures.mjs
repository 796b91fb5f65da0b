// Strategy figures (issue 3): with 1,000 initiatives, 3,000 indicators and 30,000 measurements in one
// school, the p95 of GET /api/v1/strategy/overview and of the .ics feed, with /healthz measured in the
// same run. Latency is measured with sequential requests (no queueing), p95 per round, median of rounds.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { join } from 'node:path';
import { emit, median, removeDir, round, signIn, startServer, tempDataDir } from './lib.mjs';

const rounds = Number(process.argv[2] ?? 5);
const perRound = Number(process.argv[3] ?? 100);
const dir = tempDataDir();

// 1. a first start creates and seeds the demo school; then the server stops so the data can be added in bulk
let server = await startServer(dir);
await server.stop();

const pg = new PGlite({ dataDir: join(dir, 'pglite'), extensions: { pg_trgm } });
const t0 = performance.now();
await pg.exec(`
  create temp table ctx as
    select p.school_id, p.id as boss from people p where p.email = 'direktion@demo.example';
  create temp table depts as
    select row_number() over (order by d.name) - 1 as n, d.id from departments d join ctx on d.school_id = ctx.school_id where d.archived_at is null;
  insert into initiatives (school_id, id, title, why, sigtelinjer, level, department_id, owner_id, starts_on, ends_on, computed_status)
    select ctx.school_id, gen_random_uuid(), 'Indsats ' || g, 'Fordi eleverne lærer mere, når de får feedback på egen praksis (' || g || ').',
           array[(1 + g % 4)::text], case when g % 5 = 0 then 'central' else 'department' end,
           case when g % 5 = 0 then null else (select id from depts where n = g % (select count(*) from depts)) end,
           ctx.boss, current_date - (g % 300), current_date + 30 + (g % 700),
           (array['on_track','behind','at_risk','no_data'])[1 + g % 4]
    from ctx, generate_series(1, 1000) g;
  insert into indicators (school_id, id, initiative_id, name, unit, baseline, baseline_on, target, target_on, direction, status, ratio, latest_value, latest_on)
    select i.school_id, gen_random_uuid(), i.id, 'Indikator ' || k, '%', 10, i.starts_on, 80, i.ends_on, 'increase',
           (array['on_track','behind','at_risk'])[1 + (k + length(i.title)) % 3], 0.8 + ((k + length(i.title)) % 3) * 0.1, 40, current_date
    from initiatives i join ctx on i.school_id = ctx.school_id, generate_series(1, 3) k;
  insert into measurements (school_id, id, indicator_id, value, measured_on, source)
    select x.school_id, gen_random_uuid(), x.id, 10 + m * 3, x.baseline_on + m, 'Bench'
    from indicators x join ctx on x.school_id = ctx.school_id, generate_series(1, 10) m;
  insert into milestones (school_id, id, initiative_id, title, due_on)
    select i.school_id, gen_random_uuid(), i.id, 'Milepæl ' || m || ' for ' || i.title, current_date - 100 + ((m * 97 + length(i.title) * 13) % 330)
    from initiatives i join ctx on i.school_id = ctx.school_id, generate_series(1, 2) m;
  insert into followups (school_id, id, initiative_id, title, due_on)
    select i.school_id, gen_random_uuid(), i.id, 'Opfølgning på ' || i.title, current_date - 20 + (length(i.title) * 7 % 120)
    from initiatives i join ctx on i.school_id = ctx.school_id;
  insert into calendar_items (school_id, source, source_ref, kind, title, starts_on, ends_on, department_id, sigtelinjer, link)
    select m.school_id, 'strategy', 'milestone:' || m.id, 'milestone', m.title, m.due_on, m.due_on, i.department_id, i.sigtelinjer, '/strategi/indsatser/' || i.id
    from milestones m join initiatives i on i.school_id = m.school_id and i.id = m.initiative_id join ctx on m.school_id = ctx.school_id
    on conflict do nothing;
  insert into calendar_items (school_id, source, source_ref, kind, title, starts_on, ends_on, department_id, sigtelinjer, link)
    select f.school_id, 'strategy', 'followup:' || f.id, 'followup', f.title, f.due_on, f.due_on, i.department_id, i.sigtelinjer, '/strategi/indsatser/' || i.id
    from followups f join initiatives i on i.school_id = f.school_id and i.id = f.initiative_id join ctx on f.school_id = ctx.school_id
    on conflict do nothing;
  analyze;
`);
const counts = (await pg.query(`select (select count(*) from initiatives)::int as initiatives, (select count(*) from indicators)::int as indicators, (select count(*) from measurements)::int as measurements, (select count(*) from calendar_items)::int as calendar_items`)).rows[0];
await pg.close();
const seedMs = performance.now() - t0;
if (counts.initiatives < 1000 || counts.indicators < 3000 || counts.measurements < 30000) throw new Error(`seed too small: ${JSON.stringify(counts)}`);

// 2. the server again, with the data
server = await startServer(dir);
const auth = await signIn(server.base, 'direktion@demo.example');
const feed = await (await fetch(`${server.base}/api/v1/calendar/feeds`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json', origin: server.base }, body: '{}' })).json();
const icsPath = new URL(feed.url).pathname;

async function timeGet(path, headers = {}) {
  const t = performance.now();
  const r = await fetch(`${server.base}${path}`, { headers });
  const body = await r.arrayBuffer();
  if (!r.ok) throw new Error(`${path}: ${r.status} ${Buffer.from(body).toString().slice(0, 200)}`);
  return { ms: performance.now() - t, bytes: body.byteLength };
}
const p95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
};
const targets = {
  healthz: { path: '/healthz', headers: {} },
  overview: { path: '/api/v1/strategy/overview', headers: { cookie: auth.cookie } },
  ics: { path: icsPath, headers: {} },
};
const results = Object.fromEntries(Object.keys(targets).map((k) => [k, { p95: [], p50: [], bytes: 0 }]));
for (const { path, headers } of Object.values(targets)) for (let i = 0; i < 10; i++) await timeGet(path, headers); // warm-up
for (let r = 0; r < rounds; r++) {
  for (const [name, { path, headers }] of Object.entries(targets)) {
    const ms = [];
    for (let i = 0; i < perRound; i++) {
      const x = await timeGet(path, headers);
      ms.push(x.ms);
      results[name].bytes = x.bytes;
    }
    results[name].p95.push(p95(ms));
    results[name].p50.push(median(ms));
  }
}
const icsText = await (await fetch(`${server.base}${icsPath}`)).text();
const events = (icsText.match(/BEGIN:VEVENT/g) ?? []).length;
const base = median(results.healthz.p95);
emit({ figure: 'strategy_bench_data', ...counts, seed_ms: round(seedMs, 0) });
emit({ figure: 'healthz_latency_ms', p50: round(median(results.healthz.p50), 2), p95: round(base, 2), rounds, per_round: perRound });
emit({ figure: 'strategy_overview_latency_ms', p50: round(median(results.overview.p50), 2), p95: round(median(results.overview.p95), 2), ratio_p95_to_healthz: round(median(results.overview.p95) / base, 1), goal_p95: 50, bytes: results.overview.bytes });
emit({ figure: 'ical_feed_latency_ms', p50: round(median(results.ics.p50), 2), p95: round(median(results.ics.p95), 2), ratio_p95_to_healthz: round(median(results.ics.p95) / base, 1), goal_p95: 50, events, bytes: results.ics.bytes });
await server.stop();
removeDir(dir);
