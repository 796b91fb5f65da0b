import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, signIn, startHarness } from './harness';

describe("journey: a department head sees only what his role allows", () => {
  let h: Harness;
  beforeAll(async () => {
    const { seedDemoModules } = await import('../src/server/seed/demo-modules');
    h = await startHarness({ seed: seedDemoModules });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("lists only his department's people and hides administration he may not use", async () => {
    const page = await h.newPage();
    await signIn(page, 'leder@demo.example');
    const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
    await nav.getByRole('link', { name: 'Personer', exact: true }).waitFor();
    for (const name of ['Skole', 'Organisation', 'Import', 'Log', 'Netværk']) {
      expect(await nav.getByRole('link', { name, exact: true }).count(), name).toBe(0);
    }

    await nav.getByRole('link', { name: 'Personer', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Personer' }).waitFor();
    await page.getByTestId('people-total').waitFor();
    const departments = await page.locator('tbody tr td:nth-child(3)').allInnerTexts();
    expect(departments.length).toBeGreaterThan(3);
    expect(new Set(departments)).toEqual(new Set(['Bygge og Anlæg']));
    expect(await page.getByRole('link', { name: 'Ny person' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Importér CSV' }).count()).toBe(0);

    // a person outside his department is not found; direct links to admin pages say no access
    await page.goto('/admin/import');
    await page.getByRole('heading', { level: 1, name: 'Du har ikke adgang til denne side' }).waitFor();
    await page.goto('/admin/log');
    await page.getByRole('heading', { level: 1, name: 'Du har ikke adgang til denne side' }).waitFor();
  });

  it('reads the self-evaluation reports from the menu, without running rounds', async () => {
    const page = await h.newPage();
    await signIn(page, 'leder@demo.example');
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Selvevaluering', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Selvevaluering' }).waitFor();
    expect(await page.getByRole('link', { name: 'Indstillinger for spørgeskemaet' }).count()).toBe(0);
    expect(await page.getByRole('heading', { level: 2, name: 'Ny runde' }).count()).toBe(0);
    // a round's name opens its report, not the page where rounds are run
    await page.getByRole('link', { name: 'Selvevaluering forår', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Rapport: Selvevaluering forår' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/selvevaluering\/[0-9a-f-]+\/rapport$/);
  });
});
