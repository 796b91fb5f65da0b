import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { scan, seriousViolations } from './axe-scan';
import { type Harness, signIn, startHarness } from './harness';

/**
 * Selvevaluering, answering: the consultant opens a round in the UI and makes a QR link for the
 * students; a student answers on a 375 px phone through the link (save, leave, resume, submit);
 * a teacher answers signed in from Min side; the consultant sees the participation. Axe on every
 * page of the flow at 1280 and 375 px.
 */
const ROUND = 'Selvevaluering efterår 2027';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/Copenhagen' });

/** Answers the first statement of the shown area and moves through the areas to the last one. */
async function answerToTheEnd(page: Page, value: RegExp) {
  for (;;) {
    await page.getByRole('radiogroup').first().getByRole('radio', { name: value }).check();
    const send = page.getByRole('button', { name: 'Send besvarelse' });
    if (await send.isVisible()) return send;
    await page.getByRole('button', { name: 'Næste' }).click();
  }
}

describe('a survey round answered through a QR link on a phone and signed in', () => {
  let h: Harness;
  let linkPath = '';
  const found: string[] = [];
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the consultant opens a round and makes the students’ link with its QR code', async () => {
    const page = await h.newPage();
    await signIn(page, 'konsulent@demo.example');
    await page.getByRole('link', { name: 'Selvevaluering' }).click();
    await page.getByRole('heading', { name: 'Ny runde' }).waitFor();
    found.push(...(await seriousViolations(page, '/selvevaluering')));
    await page.getByLabel('Navn').fill(ROUND);
    await page.getByLabel('Åbner').fill(day(0));
    await page.getByLabel('Lukker').fill(day(14));
    await page.getByRole('button', { name: 'Opret runde' }).click();
    await page.getByRole('heading', { name: ROUND, level: 1 }).waitFor();
    found.push(...(await seriousViolations(page, 'round page')));
    await page.getByRole('button', { name: 'Opret link' }).click();
    const created = page.getByTestId('new-link');
    await created.getByRole('img', { name: /QR-kode/ }).waitFor();
    const url = await created.getByTestId('copy-link').inputValue();
    linkPath = new URL(url).pathname;
    expect(linkPath).toMatch(/^\/s\/[A-Za-z0-9_-]+$/);
    expect(await created.getByRole('link', { name: 'Hent QR-kode som PNG' }).getAttribute('href')).toMatch(/^data:image\/png;base64,/);
    found.push(...(await seriousViolations(page, 'round page with a new link')));
    await created.getByRole('link', { name: 'Udskriv' }).click();
    await page.getByRole('heading', { name: ROUND, level: 1 }).waitFor();
    await page.getByRole('img', { name: /QR-kode/ }).waitFor();
    found.push(...(await seriousViolations(page, 'printable QR page')));
    found.push(...(await scan(page, ['/selvevaluering/indstillinger'])));
    expect(found).toEqual([]);
  });

  it('a student answers on a 375 px phone through the link: save, leave, resume, submit', async () => {
    const phone = await h.newPage({ width: 375, height: 740 });
    await phone.goto(linkPath);
    await phone.getByRole('heading', { name: ROUND, level: 1 }).waitFor();
    found.push(...(await seriousViolations(phone, 'link page at 375')));
    const first = phone.getByRole('radiogroup').first();
    await first.getByRole('radio', { name: /^4 · / }).check();
    await phone.getByRole('button', { name: 'Gem og fortsæt senere' }).click();
    await phone.getByText('Dine svar er gemt.').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    // Leave, come back on the same phone: the answer is there.
    await phone.goto('about:blank');
    await phone.goto(linkPath);
    await expect.poll(() => phone.getByRole('radiogroup').first().getByRole('radio', { name: /^4 · / }).isChecked()).toBe(true);
    await phone.getByText('1 af', { exact: false }).first().waitFor();
    const send = await answerToTheEnd(phone, /^5 · /);
    found.push(...(await seriousViolations(phone, 'last area at 375')));
    await send.click();
    await phone.getByText('Tak for dine svar').waitFor();
    // The same browser cannot send again.
    await phone.goto(linkPath);
    await phone.getByText('Tak for dine svar').waitFor();
    expect(found).toEqual([]);
  });

  it('a teacher answers signed in from Min side', async () => {
    const page = await h.newPage();
    await signIn(page, 'laerer@demo.example');
    await page.getByRole('link', { name: new RegExp(`Besvar selvevalueringen "${ROUND}"`) }).click();
    await page.getByRole('heading', { name: ROUND, level: 1 }).waitFor();
    found.push(...(await seriousViolations(page, 'answer page signed in')));
    const send = await answerToTheEnd(page, /^3 · /);
    await page.getByLabel('Kommentar til området (valgfri)').fill('Mere tid til at dele forløb');
    await send.click();
    await page.getByText('Tak for dine svar').waitFor();
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: new RegExp(`Besvar selvevalueringen "${ROUND}"`) }).count()).toBe(0);
    const phone = await h.newPage({ width: 375, height: 740 });
    await signIn(phone, 'leder@demo.example');
    await phone.getByRole('link', { name: new RegExp(`Besvar selvevalueringen "${ROUND}"`) }).click();
    await phone.getByRole('heading', { name: ROUND, level: 1 }).waitFor();
    found.push(...(await seriousViolations(phone, 'answer page signed in at 375')));
    expect(found).toEqual([]);
  });

  it('the consultant sees how many have answered per group, never fewer than 5', async () => {
    const page = await h.newPage();
    await signIn(page, 'konsulent@demo.example');
    await page.goto('/selvevaluering');
    await page.getByRole('link', { name: ROUND }).first().click();
    // One student and one teacher have answered: too few to show, for the group and for the round.
    await page.getByTestId('respondents-student').waitFor();
    for (const g of ['student', 'teacher', 'leader', 'supervisor']) expect(await page.getByTestId(`respondents-${g}`).textContent()).toBe(g === 'student' || g === 'teacher' ? 'Færre end 5 har svaret' : '0 har svaret');
    const phone = await h.newPage({ width: 375, height: 740 });
    await signIn(phone, 'konsulent@demo.example');
    found.push(...(await scan(phone, ['/selvevaluering', '/selvevaluering/indstillinger'])));
    expect(found).toEqual([]);
  });
});
