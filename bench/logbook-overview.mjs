// Praktik: a teacher with 200 students (one team) opens the logbook overview (GET /api/v1/internship/logbook/overview):
// each student with today's placement, last entry, entries this week and unseen comments, from 4,000 entries and
// 4,000 comments, on the embedded database (PGlite) with /healthz measured in the same run. One JSON line per figure.
// Run: node bench/logbook-overview.mjs [rounds=3] [requests=200]
import { register } from 'tsx/esm/api';
import { emit, median, percentile, round } from './lib.mjs';

register();
const rounds = Number(process.argv[2] ?? 3);
const requests = Number(process.argv[3] ?? 200);
const STUDENTS = 200;

const { openPglite } = await import('../src/server/db/client.ts');
const { seedDemo } = await import('../src/server/seed/demo.ts');
const { buildApp } = await import('../src/server/app.ts');
const { loadConfig } = await import('../src/server/config.ts');
const { createMailer } = await import('../src/server/platform/mail.ts');
const { todayInCopenhagen } = await import('../src/server/platform/time.ts');
const { sql } = await import('drizzle-orm');

const database = openPglite(undefined);
await database.migrate();
const db = database.db;
await seedDemo(db);
const today = todayInCopenhagen();
const t0 = performance.now();
const one = async (q) => (await db.execute(q)).rows[0];
const { school, teacher, dept } = await one(sql`select p.school_id as school, p.id as teacher, p.department_id as dept from people p where p.email = 'laerer@demo.example'`);
const { team } = await one(sql`insert into teams (school_id, name, department_id) values (${school}, 'Benchhold praktik', ${dept}) returning id as team`);
await db.execute(sql`insert into people (school_id, name, email, department_id)
  select ${school}, 'Benchelev ' || g, 'benchelev' || g || '@bench.example', ${dept} from generate_series(1, ${STUDENTS}) g`);
await db.execute(sql`insert into person_roles (school_id, person_id, role) select school_id, id, 'student' from people where email like 'benchelev%'`);
await db.execute(sql`insert into person_teams (school_id, person_id, team_id)
  select school_id, id, ${team}::uuid from people where email like 'benchelev%' union all select ${school}::uuid, ${teacher}::uuid, ${team}::uuid`);
await db.execute(sql`insert into companies (school_id, name, cvr) select ${school}, 'Benchbyg ' || g, (40000000 + g)::text from generate_series(1, 20) g`);
// per student: a school period last term and a practice period now, with one of 20 companies
await db.execute(sql`insert into placements (school_id, student_id, kind, starts_on, ends_on)
  select school_id, id, 'school', ${today}::date - 120, ${today}::date - 61 from people where email like 'benchelev%'`);
await db.execute(sql`insert into placements (school_id, student_id, kind, starts_on, ends_on, company_id)
  select p.school_id, p.id, 'practice', ${today}::date - 60, ${today}::date + 30,
    (select c.id from companies c where c.school_id = p.school_id and c.name = 'Benchbyg ' || (1 + abs(hashtext(p.id::text)) % 20))
  from people p where p.email like 'benchelev%'`);
// 20 entries per student over the last 60 days, and 20 comments: half by the teacher, half by others
await db.execute(sql`insert into logbook_entries (school_id, student_id, placement_id, title, body_html, body_text, entry_date)
  select pl.school_id, pl.student_id, pl.id, 'Dag ' || g, '<p>Arbejde</p>', 'Arbejde', ${today}::date - (g * 3)
  from placements pl, generate_series(0, 19) g where pl.kind = 'practice' and pl.company_id is not null and pl.school_id = ${school}
    and pl.student_id in (select id from people where email like 'benchelev%')`);
await db.execute(sql`insert into logbook_comments (school_id, entry_id, author_id, body, created_at)
  select e.school_id, e.id, case when e.entry_date::text < ${today} and (extract(day from e.entry_date)::int % 2) = 0 then ${teacher}::uuid else e.student_id end,
    'Kommentar', e.entry_date::timestamptz + interval '1 hour'
  from logbook_entries e where e.school_id = ${school}`);
await db.execute(sql`analyze`);
emit({ figure: 'logbook_overview_seed', students: STUDENTS, entries: Number((await one(sql`select count(*)::int as n from logbook_entries`)).n), seconds: round((performance.now() - t0) / 1000) });

const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error' }), database, mailer: createMailer(undefined, 'x') });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${app.server.address().port}`;
const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'laerer@demo.example', password: 'demo-retning' }) });
const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
const headers = { cookie, accept: 'application/json' };
const check = await (await fetch(`${base}/api/v1/internship/logbook/overview`, { headers })).json();
const benchRows = check.students.filter((s) => s.student.name.startsWith('Benchelev'));
if (benchRows.length !== STUDENTS || !benchRows.every((s) => s.current?.kind === 'practice' && s.lastEntryOn)) throw new Error(`overview: ${JSON.stringify(check).slice(0, 300)}`);

const timeIt = async (url, opts) => {
  const s = performance.now();
  const r = await fetch(url, opts);
  if (!r.ok) throw new Error(`${url}: ${r.status} ${await r.text()}`);
  await r.arrayBuffer();
  return performance.now() - s;
};
for (let i = 0; i < 20; i++) await timeIt(`${base}/api/v1/internship/logbook/overview`, { headers });
const overview95 = [];
const overview50 = [];
const health95 = [];
for (let r = 0; r < rounds; r++) {
  const hs = [];
  const os = [];
  for (let i = 0; i < requests; i++) {
    hs.push(await timeIt(`${base}/healthz`));
    os.push(await timeIt(`${base}/api/v1/internship/logbook/overview`, { headers }));
  }
  health95.push(percentile(hs, 95));
  overview95.push(percentile(os, 95));
  overview50.push(percentile(os, 50));
}
emit({ figure: 'healthz_p95_ms', median: round(median(health95), 2), rounds });
emit({ figure: 'logbook_overview_p95_ms', median: round(median(overview95), 1), p50_ms: round(median(overview50), 1), students: check.students.length, goal_ms: 50, database: 'pglite', rounds, requests });
await app.close();
await database.close();
