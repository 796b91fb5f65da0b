import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan, seriousViolations } from './axe-scan';
import { type Harness, apiSession, signIn, startHarness } from './harness';

describe('axe: every page without serious or critical violations', () => {
  let h: Harness;
  let personId = '';
  let inviteLink = '';
  beforeAll(async () => {
    h = await startHarness();
    const admin = await apiSession(h.baseUrl, 'admin@demo.example');
    const people = await admin<{ items: { id: string }[] }>('GET', '/people?q=Lone');
    personId = people.items[0]?.id ?? '';
    const invited = await admin<{ link: string | null }>('POST', `/people/${personId}/invitation`);
    inviteLink = new URL(invited.link ?? '/').pathname;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('signed out', async () => {
    const page = await h.newPage();
    const found = await scan(page, ['/login', '/glemt-adgangskode', inviteLink, '/nulstil-adgangskode/ugyldigt-link-0123456789abcdef', '/tilgaengelighed', '/findes-ikke']);
    // the login page with an error shown
    await page.goto('/login');
    await page.getByLabel('E-mail').fill('admin@demo.example');
    await page.getByLabel(/^Adgangskode/).fill('forkert-kode');
    await page.getByRole('button', { name: 'Log ind', exact: true }).click();
    await page.getByRole('alert').waitFor();
    found.push(...(await seriousViolations(page, '/login (error)')));
    expect(found).toEqual([]);
  });

  it('signed in as the administrator', async () => {
    const page = await h.newPage();
    await signIn(page, 'admin@demo.example');
    const found = await scan(page, [
      '/',
      '/overblik',
      '/admin/skole',
      '/admin/organisation',
      '/admin/organisation?fane=teams',
      '/admin/personer',
      '/admin/personer/ny',
      `/admin/personer/${personId}`,
      '/admin/import',
      '/admin/log',
      '/konto',
      '/tilgaengelighed',
      '/findes-ikke',
    ]);
    // the person page with a copyable invitation link, and the import preview with errors
    await page.goto(`/admin/personer/${personId}`);
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

  it("the network coordinator's pages", async () => {
    const page = await h.newPage();
    await signIn(page, 'koordinator@demo.example');
    expect(await scan(page, ['/netvaerk', '/'])).toEqual([]);
  });

  it('at 375×740 (phone)', async () => {
    const page = await h.newPage({ width: 375, height: 740 });
    await signIn(page, 'admin@demo.example');
    const found = await scan(page, ['/', '/overblik', '/admin/personer']);
    await page.getByRole('button', { name: 'Åbn menu' }).click();
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Import af personer' }).waitFor();
    found.push(...(await seriousViolations(page, 'menu navigation at 375')));
    // nothing wider than the screen
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(found).toEqual([]);
  });
});
