import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, apiSession, signIn, startHarness } from './harness';

/**
 * A create form that stays on the page is empty again once what it made is saved, ready for the
 * next one: an indicator, a status update, a course's session, a development contract. The demo
 * school with its modules.
 */
const value = (field: Locator) => field.inputValue();

describe('create forms clear after saving', () => {
  let h: Harness;
  let initiativeId = '';
  beforeAll(async () => {
    const { seedDemoModules } = await import('../src/server/seed/demo-modules');
    h = await startHarness({ seed: seedDemoModules });
    const boss = await apiSession(h.baseUrl, 'direktion@demo.example');
    const list = await boss<{ id: string }[]>('GET', '/initiatives');
    for (const { id } of list) {
      const i = await boss<{ abilities: string[] }>('GET', `/initiatives/${id}`);
      if (i.abilities.includes('initiative:update') && i.abilities.includes('initiative:checkin')) {
        initiativeId = id;
        break;
      }
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  it('an indicator and a status update on an initiative', async () => {
    expect(initiativeId).not.toBe('');
    const page = await h.newPage();
    await signIn(page, 'direktion@demo.example');
    await page.goto(`/strategi/indsatser/${initiativeId}`);

    const indicator = page.getByRole('form', { name: 'Ny indikator' });
    await indicator.getByLabel(/^Navn/).fill('Hold der deler video');
    await indicator.getByLabel(/^Udgangspunkt/).fill('10');
    await indicator.getByLabel(/^Mål/).first().fill('80');
    await indicator.getByRole('button', { name: 'Tilføj indikator' }).click();
    await page.getByRole('heading', { name: 'Hold der deler video (%)' }).waitFor();
    await expect.poll(() => value(indicator.getByLabel(/^Navn/))).toBe('');
    expect(await value(indicator.getByLabel(/^Udgangspunkt/))).toBe('');
    expect(await value(indicator.getByLabel(/^Mål/).first())).toBe('');

    const checkin = page.getByRole('form', { name: 'Ny statusopdatering' });
    await checkin.getByLabel('Fremdrift').fill('40');
    await checkin.getByLabel('Beslutninger').fill('Vi fortsætter med to hold mere');
    await checkin.getByLabel('Næste skridt').fill('Kursus for faglærerne');
    await checkin.getByRole('button', { name: 'Gem statusopdatering' }).click();
    await page.getByText('Vi fortsætter med to hold mere').waitFor();
    await expect.poll(() => value(checkin.getByLabel('Beslutninger'))).toBe('');
    expect(await value(checkin.getByLabel('Næste skridt'))).toBe('');
    expect(await value(checkin.getByLabel('Fremdrift'))).toBe('0 %');
  });

  it("a course's new session", async () => {
    const page = await h.newPage();
    await signIn(page, 'admin@demo.example');
    await page.goto('/kompetencer/forloeb');
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Tilføj hold' }) }).first();
    await form.getByLabel(/^Tidspunkt/).fill('2030-03-04T09:00');
    await form.getByLabel(/^Sted eller onlinelink/).fill('Lokale 12, værkstedet');
    await form.getByLabel('Pladser').fill('20');
    await form.getByRole('button', { name: 'Tilføj hold' }).click();
    await page.getByRole('cell', { name: 'Lokale 12, værkstedet' }).waitFor();
    await expect.poll(() => value(form.getByLabel(/^Tidspunkt/))).toBe('');
    expect(await value(form.getByLabel(/^Sted eller onlinelink/))).toBe('');
    expect(await value(form.getByLabel('Pladser'))).toBe('12');
  });

  it('a development contract', async () => {
    const page = await h.newPage();
    await signIn(page, 'leder@demo.example');
    await page.goto('/kompetencer/kontrakter');
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Opret kontrakt' }) });
    await form.getByRole('textbox', { name: /^Medarbejder/ }).click();
    await page.getByRole('option', { name: 'Lone Lærer' }).click();
    await form.getByRole('textbox', { name: /^Kompetence/ }).click();
    await page.getByRole('option').first().click();
    await form.getByLabel('Hvad skal målet føre til?').fill('Video i værkstedet');
    await form.getByRole('button', { name: 'Opret kontrakt' }).click();
    await expect.poll(() => value(form.getByLabel('Hvad skal målet føre til?'))).toBe('');
    expect(await value(form.getByRole('textbox', { name: /^Medarbejder/ }))).toBe('');
    expect(await value(form.getByRole('textbox', { name: /^Kompetence/ }))).toBe('');
  });
});
