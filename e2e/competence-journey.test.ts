import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './harness';
import { startCompetenceHarness } from './competence-harness';
import type { Harness } from './harness';

describe('journey: competence mapping and development', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startCompetenceHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the teacher completes the self-assessment on her phone and sees her radar and suggestions', async () => {
    const page = await h.newPage({ width: 375, height: 740 });
    page.on('pageerror', (e) => console.log('PAGEERROR', e.stack?.slice(0, 800)));
    await signIn(page, 'laerer@demo.example');
    await page.goto('/kompetencer');
    await page.getByRole('heading', { level: 1, name: 'Min kompetenceprofil' }).waitFor();
    await page.getByRole('link', { name: 'Start selvevaluering' }).click();
    await page.getByRole('heading', { level: 1, name: 'Selvevaluering' }).waitFor();
    // the privacy setting is shown before she answers
    await page.getByText('Du og din nærmeste leder').waitFor();
    for (const label of ['Jeg kan logge ind på skolens systemer uden hjælp', 'Jeg kan gemme, finde og dele en fil', 'Jeg kan sende en mail med en vedhæftet fil', 'Jeg kan lægge materiale på skolens læringsplatform']) {
      await page.getByLabel(label).check();
    }
    await page.getByRole('button', { name: 'Gem og fortsæt' }).click();
    // first area saved; leave and resume
    const groups = page.getByRole('radiogroup');
    await groups.first().waitFor();
    const n = await groups.count();
    for (let i = 0; i < n; i++) await groups.nth(i).getByRole('radio').nth(3).check();
    await page.getByRole('button', { name: 'Gem og fortsæt' }).click();
    await page.getByText('Trin 3 af 8').waitFor();
    await page.goto('/kompetencer');
    await page.getByRole('link', { name: 'Fortsæt selvevaluering' }).click();
    await page.getByText('Trin 3 af 8').waitFor();
    for (let step = 3; step <= 8; step++) {
      await page.getByText(`Trin ${step} af 8`).waitFor();
      const g = page.getByRole('radiogroup');
      const count = await g.count();
      for (let i = 0; i < count; i++) await g.nth(i).getByRole('radio').nth(step % 2 ? 4 : 2).check();
      await page.getByRole('button', { name: step === 8 ? 'Send selvevaluering' : 'Gem og fortsæt' }).click();
    }
    await page.getByRole('heading', { level: 1, name: 'Min kompetenceprofil' }).waitFor();
    await page.getByRole('img', { name: /Radardiagram over niveau pr\. område/ }).waitFor();
    await page.getByRole('heading', { name: 'Forslag til forløb' }).waitFor();
    expect(await page.getByText('Næste niveau').count()).toBeGreaterThan(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('the department head sees the heatmap, the level-0 list and mandatory courses, and drafts a contract she acknowledges', async () => {
    const page = await h.newPage();
    await signIn(page, 'leder@demo.example');
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Kompetenceoverblik' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kompetenceoverblik' }).waitFor();
    const table = page.getByTestId('heatmap-table');
    await table.waitFor();
    expect(await table.getByRole('rowheader', { name: 'Bygge og Anlæg' }).count()).toBe(1);
    expect(await table.getByText('(+').count()).toBeGreaterThan(0);
    const zero = page.getByTestId('level-zero-list');
    expect(await zero.getByRole('listitem').count()).toBe(2);
    await page.getByRole('heading', { name: 'Obligatoriske forløb' }).waitFor();
    await page.getByText(/^Nanna Nyansat \(/).waitFor();

    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Udviklingskontrakter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Udviklingskontrakter' }).waitFor();
    await page.getByRole('textbox', { name: 'Medarbejder' }).click();
    await page.getByRole('option', { name: 'Lone Lærer' }).click();
    await page.getByRole('textbox', { name: 'Kompetence' }).click();
    await page.getByRole('option', { name: /2\.1 Finde og vælge ressourcer/ }).click();
    await page.getByLabel('Aftalt aktivitet (fx sidemandsoplæring)').fill('Sidemandsoplæring med Anders om video');
    await page.getByRole('button', { name: 'Opret kontrakt' }).click();
    const detail = page.getByTestId('contract-detail');
    await detail.getByText('Kontrakt med Lone Lærer').waitFor();
    await detail.getByRole('button', { name: 'Kvittér for aftalen' }).click();
    await detail.getByText('Kvitteret af leder').waitFor();

    const teacher = await h.newPage();
    await signIn(teacher, 'laerer@demo.example');
    await teacher.goto('/kompetencer/kontrakter');
    await teacher.getByRole('button', { name: 'Åbn kontrakten med Lone Lærer' }).click();
    await teacher.getByTestId('contract-detail').getByRole('button', { name: 'Kvittér for aftalen' }).click();
    await teacher.getByTestId('contract-detail').getByText('Aftalt', { exact: true }).waitFor();
  });

  it('the director sees the school heatmap by department and the change since last year, but no individual names', async () => {
    const page = await h.newPage();
    await signIn(page, 'direktion@demo.example');
    await page.goto('/kompetencer/overblik');
    const table = page.getByTestId('heatmap-table');
    await table.waitFor();
    expect(await table.getByRole('rowheader').count()).toBeGreaterThanOrEqual(5);
    await page.getByText('Ændring i parentes siden Kortlægning sidste år.').waitFor();
    expect(await page.getByTestId('level-zero-list').count()).toBe(0);
  });
});
