import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe-scan';
import { startCompetenceHarness } from './competence-harness';
import { signIn, type Harness } from './harness';

/** The self-assessment on a 375 px phone: statements of its own per competence, why it cannot go on, nothing lost between steps, corrections after sending. */
describe('journey: the self-assessment on a phone', () => {
  let h: Harness;
  let page: Page;
  beforeAll(async () => {
    h = await startCompetenceHarness();
    page = await h.newPage({ width: 375, height: 740 });
    page.on('pageerror', (e) => console.log('PAGEERROR', e.stack?.slice(0, 800)));
    await signIn(page, 'laerer@demo.example');
  });
  afterAll(async () => {
    await h?.close();
  });

  const step = (n: number) => page.getByText(`Trin ${n} af 8`).waitFor();
  const next = () => page.getByRole('button', { name: 'Gem og fortsæt' });
  const groups = () => page.getByRole('radiogroup');

  it('shows each competence its own statements and says why "Gem og fortsæt" cannot go on yet', async () => {
    await page.goto('/kompetencer');
    await page.getByRole('link', { name: 'Start selvevaluering' }).click();
    await page.getByRole('heading', { level: 1, name: 'Selvevaluering' }).waitFor();
    for (const label of ['Jeg kan logge ind på skolens systemer uden hjælp', 'Jeg kan gemme, finde og dele en fil', 'Jeg kan sende en mail med en vedhæftet fil', 'Jeg kan lægge materiale på skolens læringsplatform']) {
      await page.getByLabel(label).check();
    }
    await next().click();
    await step(2);
    // the answers are the competence's own statements, not a template around its name
    const first = groups().first();
    await first.getByRole('radio', { name: 'Jeg bruger fast skolens digitale kanaler til elever, kolleger og praktiksteder og vælger kanal efter, hvem der skal have beskeden.' }).waitFor();
    expect(await page.getByText(/^Jeg (reflekterer over|kender til|bruger) (kommunikation i organisationen|fagligt samarbejde|refleksiv praksis)/i).count()).toBe(0);
    expect(await first.getByRole('radio').count()).toBe(7);

    await first.getByRole('radio').nth(3).check();
    await groups().nth(1).getByRole('radio').nth(2).check();
    // two of four answered: the button says why it will not go on, and is described by that reason
    const reason = page.getByTestId('blocked-reason');
    await reason.getByText('Besvar alle udsagn på siden: 2 kompetencer mangler et svar.').waitFor();
    expect(await next().getAttribute('aria-disabled')).toBe('true');
    const describedBy = await next().getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('Besvar alle udsagn på siden: 2 kompetencer mangler et svar.');
    // pressing it anyway (here from the keyboard) stays on the step, marks what is missing and moves focus there
    await next().focus();
    await page.keyboard.press('Enter');
    await step(2);
    expect(await page.getByText('Vælg det udsagn, der passer bedst på dig.').count()).toBe(2);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('radio');
    expect(await seriousViolations(page, 'selvevaluering, trin 2 (375 px)')).toEqual([]);
  });

  it('keeps what was answered on a step that is left half done, also after a reload', async () => {
    await page.getByRole('button', { name: 'Tilbage' }).click();
    await step(1);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Selvevaluering' }).waitFor();
    // the draft is read from the server: it opens at the half-done area, with its two answers
    await step(2);
    expect(await groups().first().getByRole('radio').nth(3).isChecked()).toBe(true);
    expect(await groups().nth(1).getByRole('radio').nth(2).isChecked()).toBe(true);
    await page.getByText('2 af 25 besvaret').waitFor();
    // leaving the page for another (here: back to the profile) keeps them too
    await groups().nth(2).getByRole('radio').nth(4).check();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Min kompetenceprofil' }).waitFor();
    await page.getByRole('link', { name: 'Fortsæt selvevaluering' }).click();
    await step(2);
    expect(await groups().nth(2).getByRole('radio').nth(4).isChecked()).toBe(true);
  });

  it('sends, and the person can reopen and correct the answers until the round closes', async () => {
    for (let s = 2; s <= 8; s++) {
      await step(s);
      const count = await groups().count();
      for (let i = 0; i < count; i++) await groups().nth(i).getByRole('radio').nth(3).check();
      await page.getByRole('button', { name: s === 8 ? 'Send selvevaluering' : 'Gem og fortsæt' }).click();
    }
    await page.getByRole('heading', { level: 1, name: 'Min kompetenceprofil' }).waitFor();
    const row = page.getByRole('row', { name: /Kommunikation i organisationen/ });
    await row.getByText('3 · Integrator').waitFor();
    // what the next level says is the competence's own statement
    await row.getByText('Jeg overvejer, hvad der skal skrives, hvad der hellere skal siges ansigt til ansigt').waitFor();

    await page.getByText(/^Sendt: /).waitFor();
    await page.getByRole('link', { name: 'Ret mine svar' }).click();
    await page.getByText('Du har sendt din selvevaluering').waitFor();
    await step(1);
    await next().click();
    await step(2);
    expect(await groups().first().getByRole('radio').nth(3).isChecked()).toBe(true);
    await groups().first().getByRole('radio').nth(5).check();
    for (let s = 2; s <= 8; s++) {
      await step(s);
      await page.getByRole('button', { name: s === 8 ? 'Send rettede svar' : 'Gem og fortsæt' }).click();
    }
    await page.getByRole('heading', { level: 1, name: 'Min kompetenceprofil' }).waitFor();
    await page.getByRole('row', { name: /Kommunikation i organisationen/ }).getByText('5 · Leder').waitFor();
  });

  it('the radar fits the phone: area codes in the chart, the names in a legend; no serious axe findings', async () => {
    const legend = page.getByTestId('radar-legend');
    await legend.getByText('Digitalisering af faget: 3').waitFor();
    const chart = page.getByRole('img', { name: /Radardiagram over niveau pr\. område/ });
    await chart.locator('svg text').first().waitFor();
    const overflow = await chart.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return [...el.querySelectorAll('svg text')]
        .map((t) => ({ text: t.textContent ?? '', r: t.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1))
        .map(({ text }) => text);
    });
    expect(overflow).toEqual([]);
    const labels = await chart.locator('svg text').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['1', '7']));
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page, 'min kompetenceprofil (375 px)')).toEqual([]);
  });
});
