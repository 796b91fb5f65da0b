// Shared helpers for the benchmarks: start a real server process, wait for it, sign in, measure.
import { spawn } from 'node:child_process';
import { buildServerIfStale, serverBundle } from '../scripts/build-server.mjs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
export const emit = (figure) => console.log(JSON.stringify(figure));
export const tempDataDir = () => mkdtempSync(join(tmpdir(), 'retning-bench-'));
export const removeDir = (dir) => rmSync(dir, { recursive: true, force: true });

let nextPort = 3900 + Math.floor(Math.random() * 500);

/** Starts the server the way npm start does (the bundle in dist/server, built first if stale) and resolves when /readyz answers. */
export async function startServer(dataDir, env = {}, { fromSource = false, cwd = root, nodeArgs = [] } = {}) {
  // cwd: another checkout whose bundle is already built (an earlier commit as a baseline)
  if (cwd === root) await buildServerIfStale();
  const port = nextPort++;
  const t0 = performance.now();
  // fromSource: the TypeScript sources through tsx, as a baseline for the bundle
  const args = fromSource ? ['--import', 'tsx', join(root, 'src/server/main.ts')] : ['--enable-source-maps', cwd === root ? serverBundle : join(cwd, 'dist/server/main.mjs')];
  // nodeArgs: flags for Node and V8 (such as --trace-gc-nvp), before the script
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    cwd,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      const r = await fetch(`${base}/readyz`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (performance.now() - t0 > 120_000) throw new Error(`server did not get ready: ${output}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const readyMs = performance.now() - t0;
  return {
    base,
    readyMs,
    pid: child.pid,
    /** What the server has printed so far (stdout and stderr). */
    output: () => output,
    rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/** Signs in over HTTP; returns headers for further requests. */
export async function signIn(base, email, password = 'demo-retning') {
  const r = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!r.ok) throw new Error(`sign-in failed: ${r.status} ${await r.text()}`);
  const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = await r.json();
  return { cookie, 'x-csrf-token': csrfToken };
}

/** A staff CSV as Danish HR exports it: `;`-separated, Danish headers, departments of the demo school. */
export function staffCsv(rows, tag) {
  const depts = ['Bygge og Anlæg', 'Handel og Kontor', 'Sundhed og Omsorg', 'Teknologi og Transport'];
  const lines = ['Navn;E-mail;Stilling;Afdeling;Ansættelsesdato'];
  for (let i = 0; i < rows; i++) {
    lines.push(`Medarbejder ${tag} ${i} Søndergård;m${i}.${tag}@bench.example;Faglærer;${depts[i % 4]};01-08-20${10 + (i % 15)}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Imports a CSV end to end over HTTP: preview, then the import itself (streamed progress). */
export async function importCsv(base, auth, csv) {
  const headers = { ...auth, 'content-type': 'text/csv' };
  const preview = await fetch(`${base}/api/v1/people/import/preview`, { method: 'POST', headers, body: csv });
  if (!preview.ok) throw new Error(`preview failed: ${preview.status} ${await preview.text()}`);
  const p = await preview.json();
  if (p.summary.errors) throw new Error(`preview has errors: ${JSON.stringify(p.rows.find((r) => r.errors.length))}`);
  const res = await fetch(`${base}/api/v1/people/import`, { method: 'POST', headers: { ...headers, accept: 'application/x-ndjson' }, body: csv });
  const text = await res.text();
  const last = JSON.parse(text.trim().split('\n').at(-1));
  if (last.type !== 'done') throw new Error(`import failed: ${text.slice(0, 300)}`);
  return last;
}

/** The p-th percentile (nearest rank) of a list of numbers. */
export const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/** Times `requests` GETs of `url` one after the other, after `warmup` untimed ones; p50 and p95 in ms. */
export async function timeGets(url, headers, requests, warmup = 20) {
  for (let i = 0; i < warmup; i++) await (await fetch(url, { headers })).arrayBuffer();
  const times = [];
  for (let i = 0; i < requests; i++) {
    const t0 = performance.now();
    const r = await fetch(url, { headers });
    await r.arrayBuffer();
    if (!r.ok) throw new Error(`${url}: ${r.status}`);
    times.push(performance.now() - t0);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}
