import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { loadConfig } from '../src/server/config';

/**
 * The browser suite's harness: builds the UI when it is stale, starts the real server in-process
 * on a free port with an in-memory PGlite database holding the demo school, and launches
 * the system Chromium (never downloaded).
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const webSrc = join(root, 'src/web');
const webIndex = join(root, 'dist/web/index.html');

export const DEMO_PASSWORD = 'demo-retning';

const env = loadConfig();
const chromiumPath = env.chromiumPath ?? '/usr/bin/chromium';

// `npm test` runs this suite only when Chromium exists (scripts/test.mjs says so in one line otherwise).
if (!existsSync(chromiumPath)) throw new Error(`No Chromium at ${chromiumPath}: install Debian's chromium or set CHROMIUM_PATH`);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Runs `vite build` when dist/web is missing or older than any file in src/web. */
export function ensureWebBuilt(): void {
  const sources = Math.max(newestMtime(webSrc), statSync(join(root, 'vite.config.ts')).mtimeMs);
  if (existsSync(webIndex) && statSync(webIndex).mtimeMs >= sources) return;
  // Vitest sets NODE_ENV=test; the browser suite tests the production build the server serves.
  execFileSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

export type Harness = {
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own cookies) with a page at a desktop size, Danish by default. */
  newPage(options?: { width?: number; height?: number }): Promise<Page>;
  close(): Promise<void>;
};

/** The app on a fresh embedded database with the demo school (plus `seed`, e.g. a module's demo content) and a Chromium. */
export async function startHarness(options: { seed?: (db: import('../src/server/db/client').Db) => Promise<unknown> } = {}): Promise<Harness> {
  ensureWebBuilt();
  // buildApp checks for dist/web/index.html when it is built, so import it only now.
  const { buildApp } = await import('../src/server/app');
  const { createMailer } = await import('../src/server/platform/mail');
  const { openTemplateCopy } = await import('../src/server/test/template');
  // a copy of the run's migrated demo school, made once by e2e/global-setup.ts
  const database = await openTemplateCopy(inject('e2eTemplatePath'));
  await options.seed?.(database.db);
  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test' }), database, mailer: createMailer(undefined, 'x') });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const contexts: BrowserContext[] = [];
  return {
    baseUrl,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        viewport: { width: options.width ?? 1280, height: options.height ?? 860 },
        locale: 'da-DK',
        timezoneId: 'Europe/Copenhagen',
        // as a user who asked for less motion: the app then skips its transitions (theme.ts), and no step waits for one
        reducedMotion: 'reduce',
      });
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      return context.newPage();
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

/** Signs in through the login page and waits for the shell. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel(/^Adgangskode/).fill(password);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await page.getByRole('navigation', { name: 'Hovedmenu' }).waitFor();
}

/** Signs in through the API (Node fetch) and returns a tiny client for setting up data. */
export async function apiSession(baseUrl: string, email: string, password = DEMO_PASSWORD) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(res.status).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return (r.status === 204 ? undefined : await r.json()) as T;
  };
}
