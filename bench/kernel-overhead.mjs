// The route kernel's overhead on an authenticated read: GET /api/v1/departments (through the kernel)
// against the same handler written by hand, in the same server process, alternating rounds.
// Prints JSON lines: req/s of each (median of the rounds) and the overhead in per cent (goal ≤ 5 %).
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { emit, median, root, round, signIn } from './lib.mjs';

const rounds = Number(process.argv[2] ?? 5);
const seconds = Number(process.argv[3] ?? 5);
const port = 3900 + Math.floor(Math.random() * 500);
const child = spawn(process.execPath, ['--import', 'tsx', 'bench/kernel-overhead-server.ts'], {
  cwd: root,
  env: { ...process.env, PORT: String(port), LOG_LEVEL: 'error', NODE_ENV: 'production', EMBEDDED_DB: 'inline' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve, reject) => {
  child.stdout.on('data', (d) => String(d).includes('ready') && resolve());
  child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});
const base = `http://127.0.0.1:${port}`;
const auth = await signIn(base, 'admin@demo.example');
const load = (path) =>
  new Promise((resolve, reject) =>
    autocannon({ url: `${base}${path}`, connections: 10, duration: seconds, headers: { cookie: auth.cookie } }, (err, r) => (err ? reject(err) : resolve(r))),
  );
const kernel = [];
const byHand = [];
await load('/api/v1/departments'); // warm-up
for (let i = 0; i < rounds; i++) {
  // Alternate the order so that drift in the machine's load does not favour one side.
  const pair = i % 2 ? [['k', '/api/v1/departments'], ['h', '/api/by-hand/departments']] : [['h', '/api/by-hand/departments'], ['k', '/api/v1/departments']];
  for (const [side, path] of pair) {
    const r = await load(path);
    if (r.non2xx) throw new Error(`${r.non2xx} non-2xx answers from ${path}`);
    (side === 'k' ? kernel : byHand).push(r.requests.average);
  }
}
const ratios = kernel.map((k, i) => k / byHand[i]);
emit({ figure: 'kernel_read_rps', median: round(median(kernel)), by_hand_rps: round(median(byHand)), rounds, seconds });
emit({ figure: 'kernel_overhead_percent', median: round((1 - median(ratios)) * 100, 1), per_round: ratios.map((r) => round((1 - r) * 100, 1)), goal: 5 });
child.kill('SIGTERM');
