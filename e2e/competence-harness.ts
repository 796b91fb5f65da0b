import { chromium, type BrowserContext } from 'playwright-core';
import { loadConfig } from '../src/server/config';
import { ensureWebBuilt, type Harness } from './harness';

/**
 * The shared harness plus the competence demo (src/server/seed/demo-competence.ts). Once the lead
 * calls seedDemoCompetence from seedDemo, the competence tests can use startHarness directly.
 */
export async function startCompetenceHarness(): Promise<Harness> {
  ensureWebBuilt();
  const env = loadConfig();
  const { buildApp } = await import('../src/server/app');
  const { openPglite } = await import('../src/server/db/client');
  const { seedDemo } = await import('../src/server/seed/demo');
  const { seedDemoCompetence } = await import('../src/server/seed/demo-competence');
  const { createMailer } = await import('../src/server/platform/mail');
  const database = openPglite(undefined);
  await database.migrate();
  await seedDemo(database.db);
  await seedDemoCompetence(database.db);
  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test' }), database, mailer: createMailer(undefined, 'x') });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const browser = await chromium.launch({
    executablePath: env.chromiumPath ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const contexts: BrowserContext[] = [];
  return {
    baseUrl,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: options.width ?? 1280, height: options.height ?? 860 }, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
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
