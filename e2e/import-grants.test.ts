import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe-scan';
import { type Harness, signIn, startHarness } from './harness';

/**
 * The import's preview shows every error whole at any width, and the import gives its people a
 * role and invites them in the same step (no SMTP here: the links are shown to copy).
 */
const HEADER = 'Navn;E-mail;Stilling;Afdeling;Ansættelsesdato';
const csv = (rows: string[]) => Buffer.from(`\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8');

/** How each error list sits in the table's scroll region: its box, the region's box, and whether its text is cut. */
async function errorGeometry(page: Page) {
  return page.getByTestId('import-line-errors').evaluateAll((lists) =>
    lists.map((el) => {
      const region = el.closest('[role="region"]');
      const box = el.getBoundingClientRect();
      const view = region?.getBoundingClientRect() ?? box;
      const items = [...el.querySelectorAll('li')].map((li) => ({ text: li.textContent ?? '', cut: li.scrollWidth > li.clientWidth + 1 }));
      return { left: box.left, right: box.right, width: box.width, viewLeft: view.left, viewRight: view.right, items };
    }),
  );
}

describe('journey: import with errors read in full, then with a role and invitations', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows every error line whole and readable at 1280 and at 375 px', async () => {
    for (const width of [1280, 375]) {
      const page = await h.newPage({ width, height: 860 });
      await signIn(page, 'admin@demo.example');
      await page.goto('/admin/import');
      await page.locator('input[type=file]').setInputFiles({
        name: 'fejl.csv',
        mimeType: 'text/csv',
        buffer: csv(['Åse Ærø;aase.fejl@demo.example;Faglærer;Bygge og Anlæg;01-08-2024', 'Bo Fejl;ikke-en-mail;Underviser;Ukendt afdeling;31-02-2024', 'Mette Berg;aase.fejl@demo.example;;;']),
      });
      await page.getByTestId('import-preview').waitFor();
      const lists = await errorGeometry(page);
      expect(lists).toHaveLength(2);
      for (const l of lists) {
        // inside the visible part of the table, wide enough to read a sentence, nothing cut
        expect(l.left).toBeGreaterThanOrEqual(l.viewLeft - 1);
        expect(l.right).toBeLessThanOrEqual(l.viewRight + 1);
        expect(l.width).toBeGreaterThan(width === 375 ? 220 : 400);
        expect(l.items.filter((i) => i.cut)).toEqual([]);
      }
      expect(lists[0]?.items.map((i) => i.text)).toEqual([
        'Linje 3: E-mail skal være en gyldig e-mailadresse',
        'Linje 3: Afdelingen findes ikke',
        'Linje 3: Ansættelsesdato har et ugyldigt format',
      ]);
      // still in view when the table is scrolled sideways from the keyboard
      const region = page.getByRole('region', { name: /Alle rækker i filen/ });
      await region.focus();
      for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
      for (const l of await errorGeometry(page)) expect(l.left).toBeGreaterThanOrEqual(l.viewLeft - 1);
      expect(await seriousViolations(page, `import preview at ${width}`)).toEqual([]);
    }
  });

  it('gives the new people a role and shows their invitation links, and the links work', async () => {
    const page = await h.newPage();
    await signIn(page, 'admin@demo.example');
    await page.goto('/admin/import');
    await page.locator('input[type=file]').setInputFiles({
      name: 'nye.csv',
      mimeType: 'text/csv',
      buffer: csv(['Rolf Rolle;rolf.rolle@demo.example;Faglærer;Bygge og Anlæg;01-08-2024', 'Rikke Rolle;rikke.rolle@demo.example;Underviser;Handel og Kontor;']),
    });
    await page.getByTestId('import-preview').waitFor();
    const options = page.getByTestId('import-options');
    await options.getByLabel('Rolle til dem uden en rolle').click();
    await page.getByRole('option', { name: 'Lærer', exact: true }).click();
    await options.getByRole('checkbox', { name: 'Send invitation til dem, der ikke er inviteret endnu' }).check();
    await page.getByRole('button', { name: 'Importér 2 personer' }).click();

    const grants = page.getByTestId('import-grants');
    await grants.waitFor();
    expect(await grants.innerText()).toContain('2 personer fik rollen Lærer.');
    const links = grants.getByTestId('copy-link');
    expect(await links.count()).toBe(2);
    const rolf = await grants.getByLabel('Invitation til Rolf Rolle (rolf.rolle@demo.example)').inputValue();
    expect(rolf).toMatch(new RegExp(`^${h.baseUrl}/invitation/[\\w-]{20,}$`));
    expect(await seriousViolations(page, 'import result with links')).toEqual([]);

    // the people list shows the role; the link lets Rolf choose a password
    await page.goto('/admin/personer?q=Rolle');
    await page.getByRole('link', { name: 'Rolf Rolle' }).waitFor();
    const row = page.getByRole('row', { name: /Rolf Rolle/ });
    expect(await row.innerText()).toContain('Lærer');
    const invitee = await h.newPage();
    await invitee.goto(rolf);
    await invitee.getByText(/Hej Rolf Rolle/).waitFor();
  });
});
