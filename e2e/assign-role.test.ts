import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, signIn, startHarness } from './harness';

describe('journey: assign a role', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('gives a teacher the IT ambassador role', async () => {
    const page = await h.newPage();
    await signIn(page, 'admin@demo.example');
    await page.getByRole('link', { name: 'Personer', exact: true }).click();
    await page.getByLabel('Søg').fill('Lone');
    await page.getByRole('link', { name: 'Lone Lærer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lone Lærer' }).waitFor();

    const ambassador = page.getByRole('checkbox', { name: 'It-ambassadør' });
    expect(await page.getByRole('checkbox', { name: 'Lærer', exact: true }).isChecked()).toBe(true);
    expect(await ambassador.isChecked()).toBe(false);
    await ambassador.check();
    await page.getByRole('button', { name: 'Gem roller' }).click();
    await page.getByText('Rollerne er gemt').waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Lone Lærer' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'It-ambassadør' }).isChecked()).toBe(true);

    // the list filtered by role now includes her
    await page.goto('/admin/personer');
    await page.getByRole('textbox', { name: 'Rolle' }).click();
    await page.getByRole('option', { name: 'It-ambassadør' }).click();
    await page.getByRole('link', { name: 'Lone Lærer' }).waitFor();
    await page.getByRole('link', { name: 'Anders Ambassadør' }).waitFor();
  });

  it('puts a teacher on a team', async () => {
    const page = await h.newPage();
    await signIn(page, 'admin@demo.example');
    await page.goto('/admin/personer?q=Lone');
    await page.getByRole('link', { name: 'Lone Lærer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lone Lærer' }).waitFor();
    const team = page.getByRole('checkbox', { name: 'Tømrer GF2' });
    expect(await team.isChecked()).toBe(false);
    await team.check();
    await page.getByRole('button', { name: 'Gem teams' }).click();
    await page.getByText('Teams er gemt').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Lone Lærer' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Tømrer GF2' }).isChecked()).toBe(true);
  });
});
