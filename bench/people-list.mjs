// GET /api/v1/people?page=1 (signed in, 2,000-person school) against /healthz in the same run: req/s, p95, ratio.
import autocannon from 'autocannon';
import { emit, importCsv, median, removeDir, round, signIn, staffCsv, startServer, tempDataDir } from './lib.mjs';

const rounds = Number(process.argv[2] ?? 3);
const seconds = Number(process.argv[3] ?? 8);
const dir = tempDataDir();
const server = await startServer(dir);
const auth = await signIn(server.base, 'admin@demo.example');
await importCsv(server.base, auth, staffCsv(1951, 'p'));
const check = await (await fetch(`${server.base}/api/v1/people?page=1`, { headers: auth })).json();
if (check.total < 2000) throw new Error(`expected 2000 people, got ${check.total}`);

const loadAt = (base, path, headers = {}) =>
  new Promise((resolve, reject) =>
    autocannon({ url: `${base}${path}`, connections: 10, duration: seconds, headers }, (err, r) => (err ? reject(err) : resolve(r))),
  );
const load = (path, headers = {}) => loadAt(server.base, path, headers);
const people = [];
const health = [];
for (let i = 0; i < rounds; i++) {
  health.push(await load('/healthz'));
  people.push(await load('/api/v1/people?page=1', { cookie: auth.cookie }));
}
const non2xx = people.reduce((s, r) => s + r.non2xx, 0);
if (non2xx) throw new Error(`${non2xx} non-2xx answers from /api/v1/people`);
const rps = (rs) => median(rs.map((r) => r.requests.average));
const p95 = (rs) => median(rs.map((r) => r.latency.p97_5 ?? r.latency.p99));
emit({ figure: 'healthz_rps', median: round(rps(health)), p97_5_ms: p95(health), people: check.total });
emit({ figure: 'people_list_rps', median: round(rps(people)), ratio_to_healthz: round(rps(people) / rps(health), 3), goal_ratio: 0.4 });
// autocannon reports p90 and p97.5 but not p95; p95 lies between them, and we quote p97.5 as its upper bound.
emit({
  figure: 'people_list_latency_ms',
  p90: median(people.map((r) => r.latency.p90)),
  p97_5: p95(people),
  p95_upper_bound: p95(people),
  goal_p95: 20,
});
await server.stop();

// The same list with the read cache off (READ_CACHE_SECONDS=0): every request queries the database.
const cold = await startServer(dir, { READ_CACHE_SECONDS: '0' });
const coldAuth = await signIn(cold.base, 'admin@demo.example');
const coldPeople = [];
const coldHealth = [];
for (let i = 0; i < rounds; i++) {
  coldHealth.push(await loadAt(cold.base, '/healthz'));
  coldPeople.push(await loadAt(cold.base, '/api/v1/people?page=1', { cookie: coldAuth.cookie }));
}
emit({
  figure: 'people_list_uncached',
  rps: round(rps(coldPeople)),
  healthz_rps: round(rps(coldHealth)),
  ratio_to_healthz: round(rps(coldPeople) / rps(coldHealth), 3),
  p90_ms: median(coldPeople.map((r) => r.latency.p90)),
  p97_5_ms: p95(coldPeople),
});
await cold.stop();
removeDir(dir);
