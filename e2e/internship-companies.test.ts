import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, signIn, startHarness } from './harness';

/**
 * The department head's praktik pages: a company whose CVR number is wrong is caught in the form
 * with a message saying what is wrong before anything is sent, a taken one by the server on the
 * same field; praktikmål come in from a Windows-1252 CSV file with their Danish letters intact.
 * One server and one browser for the file.
 */
describe('praktik: companies with CVR check and praktikmål from CSV', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the form says what is wrong with a CVR number, the server refuses a taken one, a right one creates the company', async () => {
    const page = await h.newPage();
    await signIn(page, 'leder@demo.example');
    await page.getByRole('link', { name: 'Virksomheder' }).click();
    await page.getByRole('heading', { level: 1, name: 'Virksomheder' }).waitFor();
    await page.getByRole('button', { name: 'Ny virksomhed' }).click();
    await page.getByRole('textbox', { name: /^Navn/ }).fill('Tagværk Fyn ApS');
    const cvr = page.getByRole('textbox', { name: 'CVR-nummer' });
    await cvr.fill('24256791');
    await page.getByText('kontrolcifferet passer ikke').waitFor();
    await cvr.fill('2425679');
    await page.getByRole('button', { name: 'Opret virksomhed' }).click();
    await page.getByText('Et CVR-nummer er 8 cifre.').waitFor();
    // nothing was sent: still on the list
    expect(new URL(page.url()).pathname).toBe('/praktik/virksomheder');
    // Carlsberg A/S: a real CVR number
    await cvr.fill('61056416');
    await page.getByRole('button', { name: 'Opret virksomhed' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tagværk Fyn ApS' }).waitFor();
    expect(await page.getByText('CVR-nummer: 61056416').count()).toBe(1);

    await page.goto('/praktik/virksomheder');
    await page.getByRole('button', { name: 'Ny virksomhed' }).click();
    await page.getByRole('textbox', { name: /^Navn/ }).fill('Dobbelt ApS');
    await page.getByRole('textbox', { name: 'CVR-nummer' }).fill('61056416');
    await page.getByRole('button', { name: 'Opret virksomhed' }).click();
    const field = page.getByRole('textbox', { name: 'CVR-nummer' });
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).pathname).toBe('/praktik/virksomheder');
  });

  it('praktikmål come in from a Windows-1252 CSV file and appear in the list of the programme', async () => {
    const page = await h.newPage();
    await signIn(page, 'leder@demo.example');
    await page.goto('/praktik/praktikmaal');
    await page.getByRole('heading', { level: 1, name: 'Praktikmål' }).waitFor();
    // "Kan måle op" with å as the single byte 0xE5, as Excel saves it
    const csv = Buffer.concat([Buffer.from('kode;tekst;niveau\r\nZ1;Kan m', 'latin1'), Buffer.from([0xe5]), Buffer.from('le op;Begynder\r\nZ2;Kan sætte stillads op;Rutineret\r\n', 'latin1')]);
    await page.locator('input[type="file"]').setInputFiles({ name: 'praktikmaal.csv', mimeType: 'text/csv', buffer: csv });
    await page.getByRole('status').filter({ hasText: 'Indlæst: 2 nye' }).waitFor();
    await page.getByRole('cell', { name: 'Kan måle op' }).waitFor();
    await page.getByRole('cell', { name: 'Kan sætte stillads op' }).waitFor();
  });
});
