// Selvevaluering figures (1): one school on the embedded database with 1,300 respondents (100
// leaders, 400 teachers, 800 students over its departments) answering 40 items in each of 3 closed
// rounds, written through the count tables as submitted sheets leave them. GET
// /api/v1/surveys/rounds/:id/report (the latest round, with the trend over the two before and the
// gap) p95, with /healthz in the same run. Sequential requests from one client after a warm-up.
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { emit, median, removeDir, round, signIn, startServer, tempDataDir, timeGets } from './lib.mjs';

const runs = Number(process.argv[2] ?? 3);
const requests = Number(process.argv[3] ?? 200);
const imp = (p) => tsImport(new URL(`../src/server/${p}`, import.meta.url).href, import.meta.url);
const timeRequests = (url, headers) => timeGets(url, headers, requests);

const { schools, departments } = await imp('db/schema/index.ts');
const { seedItems, seedSurveyRound } = await imp('features/surveys/report-seed.ts');
const { onRoundClosed } = await imp('features/surveys/close-effects.ts');
const { openPglite } = await imp('db/client.ts');
const { eq } = await import('drizzle-orm');
const day = (n) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const AREAS = ['ledelse', 'organisationsudvikling', 'videndeling', 'kompetenceudvikling', 'praktiksamarbejde', 'infrastruktur'];
const GROUPS = [['leader', 100], ['teacher', 400], ['student', 800]];

/** 1,300 sheets over the departments; answers vary by person, item and round. */
function sheetsFor(items, deptIds, k, scale = 1) {
  return GROUPS.flatMap(([group, n]) =>
    Array.from({ length: Math.round(n * scale) }, (_, p) => ({
      group,
      departmentId: deptIds[p % deptIds.length],
      answers: Object.fromEntries(items.map((it, i) => [it.key, (p * 7 + i * 3 + k) % 11 === 0 ? 'dont_know' : ((p * 3 + i + k) % 5) + 1])),
      comments: p % 9 === 0 ? { ledelse: `Kommentar ${p}` } : {},
    })),
  );
}

const dir = tempDataDir();
const first = await startServer(dir); // migrates and seeds the demo school
await first.stop();
const database = openPglite(join(dir, 'pglite'));
await database.client?.waitReady;
const db = database.db;
const [school] = await db.select({ id: schools.id }).from(schools).limit(1);
const deptIds = (await db.select({ id: departments.id }).from(departments).where(eq(departments.schoolId, school.id))).map((d) => d.id);
const items = seedItems(AREAS, 7, GROUPS.map(([g]) => g)).slice(0, 40);
const t0 = performance.now();
let latest;
for (const [k, offset] of [[0, -730], [1, -365], [2, -10]]) {
  latest = await seedSurveyRound(db, school.id, { name: `Bench-runde ${k}`, opensOn: day(offset - 20), closesOn: day(offset), groups: GROUPS.map(([g]) => g), items, closed: true, sheets: sheetsFor(items, deptIds, k) });
  await db.transaction((tx) => onRoundClosed(tx, latest));
}
const fillMs = performance.now() - t0;
await database.close();

const server = await startServer(dir);
const auth = await signIn(server.base, 'direktion@demo.example');
const url = `${server.base}/api/v1/surveys/rounds/${latest.id}/report`;
const check = await (await fetch(url, { headers: auth })).json();
const respondents = (check.groups ?? []).reduce((s, g) => s + (g.respondents ?? 0), 0);
if (respondents !== 1300 || check.trend?.rounds?.length !== 3) throw new Error(`unexpected report: ${JSON.stringify(check).slice(0, 300)}`);
const report = [];
const health = [];
for (let i = 0; i < runs; i++) {
  health.push(await timeRequests(`${server.base}/healthz`, {}));
  report.push(await timeRequests(url, { cookie: auth.cookie }));
}
await server.stop();
removeDir(dir);
emit({ figure: 'survey_fill_1300_respondents_40_items_3_rounds_ms', value: round(fillMs), answers: 1300 * 40 * 3 });
emit({ figure: 'healthz_latency_ms_embedded', p50: round(median(health.map((h) => h.p50)), 2), p95: round(median(health.map((h) => h.p95)), 2), runs, requests });
emit({ figure: 'survey_report_p95_ms_embedded', p50: round(median(report.map((h) => h.p50)), 2), p95: round(median(report.map((h) => h.p95)), 2), goal_p95: 50, respondents, items: 40, rounds: 3, runs, requests, per_run_p95: report.map((h) => round(h.p95, 2)) });
