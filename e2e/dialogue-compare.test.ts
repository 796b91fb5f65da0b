import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe-scan';
import { problemsIn, readPage } from './danish-scan';
import { type Harness, signIn, startHarness } from './harness';

/**
 * Spændingsfelter, after the sessions: the internal consultant compares the demo's teachers'
 * workshop with the leadership team's session and finds the largest gap on "Centrale beslutninger
 * – decentrale beslutninger" under the vertical boundary; the director (who may decide, as
 * `decision:create`) clicks "Træf beslutning" on it, and the decision appears in the strategy's
 * decision log with the link back to the comparison. Axe on the comparison at 1280 and 375 px.
 */
const PAIR = 'Centrale beslutninger – decentrale beslutninger';

describe('from the comparison of two workshops to a decision in the decision log', () => {
  let h: Harness;
  beforeAll(async () => {
    const { seedDemoModules } = await import('../src/server/seed/demo-modules');
    h = await startHarness({ seed: (db) => seedDemoModules(db) });
  }, 240_000);
  afterAll(async () => {
    await h?.close();
  });

  const pick = async (page: import('playwright-core').Page, label: string, option: string) => {
    await page.getByRole('textbox', { name: label }).click();
    await page.getByRole('option', { name: option }).click();
  };

  it('the consultant sees the large gap on central – local decisions under the vertical boundary', async () => {
    const page = await h.newPage();
    await signIn(page, 'konsulent@demo.example');
    // from the sessions to the teachers' workshop, its results, and on to the comparison
    await page.goto('/dialog');
    await page.getByRole('link', { name: 'Pædagogisk dag' }).first().click();
    await page.getByRole('link', { name: 'Se resultater' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Resultater: Pædagogisk dag' }).waitFor();
    await page.getByText('30 deltagere').waitFor();
    await page.getByRole('img', { name: `Svarene på ${PAIR}: hvor vi er nu og hvor vi vil hen, med medianerne` }).waitFor();
    expect(await seriousViolations(page, 'results 1280')).toEqual([]);
    expect(problemsIn('results', await readPage(page))).toEqual([]);
    await page.getByRole('link', { name: 'Sammenlign med en anden workshop' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sammenlign workshops' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Workshop A' }).inputValue()).toBe('Pædagogisk dag');
    await pick(page, 'Workshop B', 'Ledelsesteamet');
    const row = page.getByTestId('pair-centrale-decentrale-beslutninger');
    await row.waitFor();
    // the table is sorted by the gap: the pair with the largest distance comes first
    expect(await page.locator('[data-testid^="pair-"]').first().getAttribute('data-testid')).toBe('pair-centrale-decentrale-beslutninger');
    const gap = Number(((await row.locator('td').nth(5).textContent()) ?? '').replace(',', '.'));
    expect(gap).toBeGreaterThan(30);
    const first = page.getByTestId('boundaries').locator('li').first();
    expect(await first.textContent()).toContain('Vertikale grænser');
    expect(await first.textContent()).toContain(PAIR);
    await page.getByRole('img', { name: 'Største og gennemsnitlig afstand pr. grænsetype' }).waitFor();
    // the consultant facilitates and compares; the decision is the leaders' (decision:create)
    expect(await page.getByRole('button', { name: /Træf beslutning/ }).count()).toBe(0);
    expect(await seriousViolations(page, 'compare 1280')).toEqual([]);
    expect(problemsIn('compare', await readPage(page))).toEqual([]);
    await page.setViewportSize({ width: 375, height: 740 });
    expect(await seriousViolations(page, 'compare 375')).toEqual([]);
  });

  it('the director makes the decision, and the log links back to the comparison', async () => {
    const page = await h.newPage();
    await signIn(page, 'direktion@demo.example');
    await page.goto('/dialog/sammenlign');
    await pick(page, 'Workshop A', 'Pædagogisk dag');
    await pick(page, 'Workshop B', 'Ledelsesteamet');
    await page.getByRole('button', { name: `Træf beslutning om ${PAIR}` }).click();
    const dialog = page.getByRole('dialog', { name: `Træf beslutning: ${PAIR}` });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Hvad besluttes').inputValue()).toContain(PAIR);
    expect(await dialog.getByLabel('Hvorfor').inputValue()).toContain('Ledelsesteamet');
    expect(problemsIn('decision dialog', await readPage(page))).toEqual([]);
    await dialog.getByLabel('Hvad besluttes').fill('Afdelingerne vælger selv deres digitale værktøjer inden for de fælles rammer');
    await dialog.getByRole('button', { name: 'Gem beslutning' }).click();
    await dialog.getByText('Beslutningen er gemt i beslutningsloggen').waitFor();
    await dialog.getByRole('link', { name: 'Åbn beslutningsloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Beslutningslog' }).waitFor();
    const decision = page.getByTestId('decisions').locator('li', { hasText: 'Afdelingerne vælger selv deres digitale værktøjer' });
    const back = decision.getByRole('link', { name: `Fra dialog: ${PAIR} — Pædagogisk dag og Ledelsesteamet` });
    await back.click();
    await page.waitForURL(/\/dialog\/sammenlign\?a=.+&b=.+/);
    await page.getByTestId('pair-centrale-decentrale-beslutninger').waitFor();
  });
});
