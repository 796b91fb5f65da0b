import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe-scan';
import { type Harness, apiSession, signIn, startHarness } from './harness';

/**
 * The first strategy of a school, created from the page with its owner (a staff picker that offers
 * no students) and its reform goals; the demo school without its modules, so there is none yet.
 */
describe('journey: the strategy is created with its owner and reform goals', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('sets both in the create form and shows the owner on the strategy', async () => {
    const page = await h.newPage();
    await signIn(page, 'direktion@demo.example');
    await page.goto('/strategi');
    const form = page.getByRole('form', { name: 'Strategi' });
    await form.waitFor();
    await form.getByLabel(/^Titel/).fill('Pædagogisk-digital strategi 2026–2029');
    await form.getByLabel(/^Periodens start/).fill('2026-08-01');
    await form.getByLabel(/^Periodens slut/).fill('2029-07-31');

    // the reform goals
    // the pills box lies over its input field: click through it as a person does
    await form.getByRole('textbox', { name: 'Reformmål' }).click({ force: true });
    await page.getByRole('option', { name: 'Flere skal fuldføre en erhvervsuddannelse' }).click();
    await page.getByRole('option', { name: 'Tilliden til og trivslen på erhvervsskolerne skal styrkes' }).click();
    await page.keyboard.press('Escape');

    // the owner: staff are offered, a student is not
    const owner = form.getByRole('textbox', { name: 'Ansvarlig for strategien' });
    await owner.fill('Emil');
    await page.getByText('Ingen personer fundet').waitFor();
    await owner.fill('Lone');
    await page.getByRole('option', { name: 'Lone Lærer' }).click();
    expect(await seriousViolations(page, 'strategy create form')).toEqual([]);

    await form.getByRole('button', { name: 'Opret strategi' }).click();
    await page.getByTestId('strategy-owner').waitFor();
    expect(await page.getByTestId('strategy-owner').innerText()).toBe('Ansvarlig: Lone Lærer');

    const boss = await apiSession(h.baseUrl, 'direktion@demo.example');
    const [summary] = await boss<{ id: string }[]>('GET', '/strategies');
    const strategy = await boss<{ owner: { name: string } | null; reformGoals: string[] }>('GET', `/strategies/${summary?.id}`);
    expect(strategy.owner?.name).toBe('Lone Lærer');
    expect(strategy.reformGoals).toEqual(['rg2', 'rg4']);
  });
});
