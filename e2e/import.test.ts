import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, signIn, startHarness } from './harness';

const HEADER = 'Navn;E-mail;Stilling;Afdeling;Ansættelsesdato';
const GOOD_ROWS = ['Åse Ærø;aase.aeroe@demo.example;Faglærer;Bygge og Anlæg;01-08-2024', 'Bo Bødker;bo.boedker@demo.example;Underviser;Handel og Kontor;15.01.2023'];
const csv = (rows: string[]) => Buffer.from(`\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8');

describe('journey: CSV import', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses a file with a bad row, then imports a good file with progress', async () => {
    const page = await h.newPage();
    await signIn(page, 'admin@demo.example');
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Import af personer' }).waitFor();

    // a bad e-mail on line 3: the preview names the line, and nothing can be imported
    await page.locator('input[type=file]').setInputFiles({ name: 'medarbejdere-fejl.csv', mimeType: 'text/csv', buffer: csv([GOOD_ROWS[0] ?? '', 'Bo Fejl;ikke-en-mail;Underviser;Bygge og Anlæg;01-08-2024']) });
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    const badRow = preview.locator('[data-line="3"]');
    expect(await badRow.getAttribute('class')).toContain('row-error');
    expect(await badRow.innerText()).toMatch(/Linje 3: .*e-mail/i);
    expect(await preview.locator('[data-line="2"]').innerText()).toContain('Åse Ærø');
    await expect.poll(async () => (await page.getByTestId('import-summary').innerText()) ?? '').toContain('1 med fejl');
    expect(await page.getByRole('button', { name: /^Importér \d/ }).isDisabled()).toBe(true);

    // the fixed file imports, with a progress bar and a result
    await page.getByRole('button', { name: 'Vælg en anden fil' }).click();
    await page.locator('input[type=file]').setInputFiles({ name: 'medarbejdere.csv', mimeType: 'text/csv', buffer: csv(GOOD_ROWS) });
    await page.getByTestId('import-preview').waitFor();
    await expect.poll(async () => (await page.getByTestId('import-summary').innerText()) ?? '').toContain('2 nye');
    const run = page.getByRole('button', { name: 'Importér 2 personer' });
    expect(await run.isEnabled()).toBe(true);
    await run.click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    await expect.poll(async () => (await result.innerText()) ?? '').toContain('2 oprettet');
    expect(await result.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');

    // the new person is in the people list
    await result.getByRole('link', { name: 'Se personerne' }).click();
    await page.getByRole('heading', { level: 1, name: 'Personer' }).waitFor();
    await page.getByLabel('Søg').fill('Bødker');
    await expect.poll(() => page.getByTestId('people-total').innerText(), { timeout: 10_000 }).toBe('1 person');
    await page.getByRole('link', { name: 'Bo Bødker' }).waitFor();
    await page.getByLabel('Søg').fill('Ærø');
    await page.getByRole('link', { name: 'Åse Ærø' }).waitFor();
  });
});
