// The first page in a real Chromium: the JavaScript the browser fetches for the sign-in page and
// for the Overblik (signed in, empty cache), gzipped and as transferred, and the Overblik's Largest
// Contentful Paint on loopback (and with Lighthouse's "slow 4G" network emulated), median of N runs.
// The same for the single-bundle build before code splitting as a baseline: that commit is checked
// out into a temporary git worktree, built there with Vite and served by its own server (the old
// static serving, uncompressed). Usage: node bench/first-page.mjs [runs=5] [--no-baseline]
// Env BASELINE_REF picks the baseline commit (default: the parent of the commit that removed the
// raised chunk-size warning limit from vite.config.ts).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildWebIfStale } from '../scripts/build-web.mjs';
import { emit, median, removeDir, root, round, signIn, startServer, tempDataDir } from './lib.mjs';

const args = process.argv.slice(2);
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 5);
const withBaseline = !args.includes('--no-baseline');
const DEMO_EMAIL = 'direktion@demo.example';
// Lighthouse's mobile throttling ("slow 4G"): 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up.
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1638.4 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/** Records every script the page fetches (gzip -9 size as budgeted, bytes on the wire, when it was requested) and when the Overblik's data arrived. */
function recordScripts(page) {
  const pending = [];
  const requestedAt = new Map();
  let dataAt = Infinity;
  page.on('request', (req) => requestedAt.set(req, performance.now()));
  page.on('response', (res) => {
    if (res.url().endsWith('/api/v1/overview')) dataAt = Math.min(dataAt, performance.now());
    if (res.request().resourceType() !== 'script') return;
    pending.push(
      (async () => {
        const body = await res.body().catch(() => Buffer.alloc(0));
        const sizes = await res.request().sizes().catch(() => ({ responseBodySize: body.length }));
        return { url: res.url(), at: requestedAt.get(res.request()) ?? 0, gzip: gzipSync(body, { level: 9 }).length, wire: sizes.responseBodySize, raw: body.length };
      })(),
    );
  });
  return async () => ({ scripts: await Promise.all(pending), dataAt });
}

const sum = (xs, key) => xs.reduce((n, x) => n + x[key], 0);
const LCP_OBSERVER = `window.__lcp = { ms: 0, element: '' };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__lcp = { ms: e.startTime, element: e.element ? e.element.tagName.toLowerCase() : '' };
}).observe({ type: 'largest-contentful-paint', buffered: true });`;

async function newContext(base, cookie) {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 860 }, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  context.setDefaultTimeout(60_000);
  await context.addInitScript(LCP_OBSERVER);
  if (cookie) await context.addCookies(cookie.split('; ').map((c) => ({ name: c.split('=')[0], value: c.slice(c.indexOf('=') + 1), url: base })));
  return context;
}

/** The sign-in page, empty cache: scripts until the form is there and the network is idle. */
async function signInPage(base) {
  const context = await newContext(base, null);
  const page = await context.newPage();
  const scripts = recordScripts(page);
  await page.goto('/login');
  await page.getByRole('button', { name: 'Log ind', exact: true }).waitFor();
  await page.waitForLoadState('networkidle');
  const { scripts: s } = await scripts();
  await context.close();
  return { gzip: sum(s, 'gzip'), wire: sum(s, 'wire'), raw: sum(s, 'raw'), files: s.length };
}

/** The Overblik, signed in, empty cache (and then again with a warm cache); `network` emulates a slower link. */
async function overblik(base, cookie, network, path) {
  const context = await newContext(base, cookie);
  const page = await context.newPage();
  if (network) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  const scripts = recordScripts(page);
  await page.goto(path, { waitUntil: 'commit' });
  await page.getByTestId('total-people').waitFor();
  // The department chart: drawn once ECharts is there.
  await page.locator('[role="img"] svg').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(200);
  const lcp = await page.evaluate(() => window.__lcp);
  const { scripts: s, dataAt } = await scripts();
  // What it takes to show the page: the scripts requested before its data arrived (ECharts is asked for after, by the chart).
  const beforeShown = s.filter((x) => x.at < dataAt);
  // A repeat visit: hashed chunks come from the cache, index.html is revalidated.
  await page.goto(path, { waitUntil: 'commit' });
  await page.getByTestId('total-people').waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(200);
  const warm = await page.evaluate(() => window.__lcp);
  await context.close();
  return { gzip: sum(s, 'gzip'), wire: sum(s, 'wire'), raw: sum(s, 'raw'), files: s.length, gzipBeforeShown: sum(beforeShown, 'gzip'), lcp: lcp.ms, lcpElement: lcp.element, warmLcp: warm.ms };
}

/** `path`: where the build shows the Overblik ('/' before Min side took the index, '/overblik' since). */
async function measure(build, base, path) {
  const auth = await signIn(base, DEMO_EMAIL);
  const login = [];
  const over = [];
  const slow = [];
  for (let i = 0; i < runs; i++) {
    login.push(await signInPage(base));
    over.push(await overblik(base, auth.cookie, null, path));
    slow.push(await overblik(base, auth.cookie, SLOW_4G, path));
  }
  const med = (xs, key) => round(median(xs.map((x) => x[key])), 0);
  const kb = (n) => round(n / 1024, 1);
  emit({ figure: 'first_page_js_sign_in_kb', build, gzip_kb: kb(med(login, 'gzip')), transferred_kb: kb(med(login, 'wire')), uncompressed_kb: kb(med(login, 'raw')), files: med(login, 'files') });
  emit({
    figure: 'first_page_js_overblik_kb',
    build,
    gzip_kb: kb(med(over, 'gzip')),
    gzip_kb_until_shown: kb(med(over, 'gzipBeforeShown')),
    transferred_kb: kb(med(over, 'wire')),
    uncompressed_kb: kb(med(over, 'raw')),
    files: med(over, 'files'),
    note: 'signed in, empty cache, until the chart is drawn; until_shown: scripts requested before the Overblik data arrived (the chart asks for ECharts after)',
  });
  emit({ figure: 'lcp_overblik_loopback_ms', build, median: round(median(over.map((x) => x.lcp))), runs: over.map((x) => round(x.lcp)), element: over[0]?.lcpElement, warm_cache_median: round(median(over.map((x) => x.warmLcp))) });
  emit({ figure: 'lcp_overblik_slow_4g_ms', build, median: round(median(slow.map((x) => x.lcp))), runs: slow.map((x) => round(x.lcp)), warm_cache_median: round(median(slow.map((x) => x.warmLcp))), network: '150 ms RTT, 1.6 Mbit/s down (emulated)' });
}

/** Starts a server from another checkout (its own sources through tsx, its own dist/web). */
async function startCheckout(dir, dataDir) {
  const port = 4400 + Math.floor(Math.random() * 400);
  const child = spawn(process.execPath, ['--import', 'tsx', join(dir, 'src/server/main.ts')], {
    cwd: dir,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`baseline server exited: ${output}`);
    if (await fetch(`${base}/readyz`).then((r) => r.ok, () => false)) break;
    if (performance.now() - t0 > 180_000) throw new Error(`baseline server did not get ready: ${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  return { base, stop };
}

const git = (...a) => execFileSync('git', a, { cwd: root, encoding: 'utf8' }).trim();

try {
  buildWebIfStale();
  const dataDir = tempDataDir();
  const server = await startServer(dataDir);
  try {
    await measure('split', server.base, '/overblik');
  } finally {
    await server.stop();
    removeDir(dataDir);
  }

  if (withBaseline) {
    // Before the split is committed, HEAD is the baseline; after, the parent of the commit that removed the raised limit.
    const raised = 'chunkSizeWarningLimit: 1500';
    const ref = process.env.BASELINE_REF || (git('show', 'HEAD:vite.config.ts').includes(raised) ? 'HEAD' : `${git('log', '-1', '--format=%H', '-S', raised, '--', 'vite.config.ts')}^`);
    const sha = git('rev-parse', '--verify', ref);
    const dir = join(mkdtempSync(join(tmpdir(), 'retning-baseline-')), 'checkout');
    git('worktree', 'add', '--detach', dir, sha);
    const baseData = tempDataDir();
    try {
      symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
      const build = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], { cwd: dir, stdio: 'inherit' });
      if (build.status !== 0) throw new Error('baseline build failed');
      const baseline = await startCheckout(dir, baseData);
      try {
        await measure(`baseline ${sha.slice(0, 7)}`, baseline.base, '/');
      } finally {
        await baseline.stop();
      }
    } finally {
      removeDir(baseData);
      git('worktree', 'remove', '--force', dir);
      removeDir(join(dir, '..'));
    }
  }
} finally {
  await browser.close();
}
