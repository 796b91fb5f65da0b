import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';

describe('journey: wrong password', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the Danish error and stays on the sign-in page', async () => {
    const page = await h.newPage();
    await page.goto('/login');
    await page.getByLabel('E-mail').fill('admin@demo.example');
    await page.getByLabel(/^Adgangskode/).fill('forkert-kode');
    await page.getByRole('button', { name: 'Log ind', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Forkert e-mail eller adgangskode');
    expect(new URL(page.url()).pathname).toBe('/login');
  });
});
