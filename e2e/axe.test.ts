import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe-scan';
import type { Harness } from './harness';
import { SCAN_TIMEOUT, type PageIds, pageAs, scanRole, startPagesHarness } from './axe-pages';

/**
 * axe on every page signed out, the administrator's and the network coordinator's, at 1280 and
 * 375 px (the lists: e2e/axe-pages.ts), with the states a plain visit does not show: the login
 * error, a person's copyable invitation link, the import preview with errors, the phone menu, the error page.
 */
describe('axe: signed out, the administrator and the coordinator, every page at 1280 and 375 px', () => {
  let h: Harness;
  let ids: PageIds;
  beforeAll(async () => {
    ({ h, ids } = await startPagesHarness());
  });
  afterAll(async () => {
    await h?.close();
  });

  it('signed out at 1280, with the login error', { timeout: SCAN_TIMEOUT }, async () => {
    const page = await pageAs(h, 'signedOut', 'desktop');
    const found = await scanRole(h, ids, 'signedOut', 'desktop', page);
    await page.goto('/login');
    await page.getByLabel('E-mail').fill('admin@demo.example');
    await page.getByLabel(/^Adgangskode/).fill('forkert-kode');
    await page.getByRole('button', { name: 'Log ind', exact: true }).click();
    await page.getByRole('alert').waitFor();
    found.push(...(await seriousViolations(page, '/login (error)')));
    expect(found).toEqual([]);
  });

  it('the scanner reports what it is there to find: an image without a text and a button without a name', async () => {
    const page = await pageAs(h, 'signedOut', 'desktop');
    await page.goto('/login');
    await page.locator('h1').first().waitFor();
    await page.evaluate(() => {
      document.querySelector('main')?.insertAdjacentHTML('beforeend', '<img src="/favicon.svg"><button type="button"></button>');
    });
    const found = await seriousViolations(page, '/login (planted)');
    expect(found.some((f) => f.includes('image-alt (critical)'))).toBe(true);
    expect(found.some((f) => f.includes('button-name (critical)'))).toBe(true);
  });

  it('signed out at 375', { timeout: SCAN_TIMEOUT }, async () => {
    expect(await scanRole(h, ids, 'signedOut', 'phone')).toEqual([]);
  });

  it('the administrator at 1280, with an invitation link and the import preview', { timeout: SCAN_TIMEOUT }, async () => {
    const page = await pageAs(h, 'admin', 'desktop');
    const found = await scanRole(h, ids, 'admin', 'desktop', page);
    await page.goto(`/admin/personer/${ids.personId}`);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByTestId('copy-link').waitFor();
    found.push(...(await seriousViolations(page, 'person with link')));
    await page.goto('/admin/import');
    const csv = 'Navn;E-mail;Afdeling\r\nAse Test;ase@demo.example;Bygge og Anlæg\r\nBo;ikke-en-mail;Ukendt\r\n';
    await page.locator('input[type=file]').setInputFiles({ name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-preview').waitFor();
    found.push(...(await seriousViolations(page, 'import preview')));
    expect(found).toEqual([]);
  });

  it('the administrator at 375, with the menu', { timeout: SCAN_TIMEOUT }, async () => {
    const page = await pageAs(h, 'admin', 'phone');
    const found = await scanRole(h, ids, 'admin', 'phone', page);
    await page.goto('/');
    await page.getByRole('button', { name: 'Åbn menu' }).click();
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Import af personer' }).waitFor();
    found.push(...(await seriousViolations(page, 'menu navigation at 375')));
    // nothing wider than the screen
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // the error page, with its long message, when a page's code cannot be loaded
    const broken = await pageAs(h, 'admin', 'phone');
    await broken.route(/\/assets\/AuditPage-[^/]*\.js$/, (r) => r.abort());
    await broken.goto('/admin/log');
    await broken.getByRole('heading', { level: 1, name: 'Der skete en fejl' }).waitFor();
    found.push(...(await seriousViolations(broken, 'error page at 375')));
    expect(found).toEqual([]);
  });

  it("the network coordinator's pages at 1280 and 375", { timeout: SCAN_TIMEOUT }, async () => {
    expect([...(await scanRole(h, ids, 'coordinator', 'desktop')), ...(await scanRole(h, ids, 'coordinator', 'phone'))]).toEqual([]);
  });
});
