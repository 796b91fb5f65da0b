import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe-scan';
import { type Harness, signIn, startHarness } from './harness';

const COORDINATOR = 'koordinator@demo.example';
const nav = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * The network coordinator onboards a school: the form's rules, the first administrator's link
 * (the test server has no SMTP, so the page shows it), the administrator's first sign-in in the
 * new school, archiving with its confirmation (the administrator is signed out) and reopening, the
 * network's log and the coordinators' page. On the demo school, whose coordinator has no school
 * and also coordinates a second network, "Vestnettet" (later by name, so not the one a session starts in).
 */
describe('journey: the coordinator onboards and archives a school', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      seed: async (db) => {
        const { addCoordinator, createNetwork } = await import('../src/server/features/network/admin-cli');
        await createNetwork(db, 'Vestnettet');
        await addCoordinator(db, { network: 'Vestnettet', email: COORDINATOR });
      },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('creates a school whose administrator signs in to it, then archives and reopens it', async () => {
    const page = await h.newPage();
    await signIn(page, COORDINATOR);
    await page.waitForURL(`${h.baseUrl}/netvaerk`);
    await page.getByRole('heading', { level: 1, name: 'Skoler' }).waitFor();
    expect(await page.getByTestId('network-total-schools').innerText()).toBe('1');
    await page.getByTestId('network-schools').getByRole('rowheader', { name: 'Demo Erhvervsskole' }).waitFor();
    // the coordinator has no school: the header names the network, the menu has no Min side
    expect(await nav(page).getByRole('link', { name: 'Min side' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Ny skole' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny skole' }).waitFor();
    await page.getByLabel(/^Skolens navn/).fill('Nordhavn Tekniske Skole');
    // five digits: refused before it reaches the server
    await page.getByRole('textbox', { name: 'Institutionsnummer' }).fill('12345');
    await page.getByLabel(/^Navn/).fill('Nanna Nordhavn');
    await page.getByLabel(/^E-mail/).fill('nanna@nordhavn.example');
    await page.getByRole('button', { name: 'Opret skolen' }).click();
    await page.getByText('Institutionsnummeret skal være præcis seks cifre').waitFor();
    // the demo school's number: the server refuses it and names the field
    await page.getByRole('textbox', { name: 'Institutionsnummer' }).fill('999001');
    await page.getByRole('button', { name: 'Opret skolen' }).click();
    await page.getByRole('textbox', { name: 'Institutionsnummer' }).and(page.locator('[aria-invalid="true"]')).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await seriousViolations(page, '/netvaerk/ny-skole (errors)')).toEqual([]);

    await page.getByRole('textbox', { name: 'Institutionsnummer' }).fill('654321');
    await page.getByRole('button', { name: 'Opret skolen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Nordhavn Tekniske Skole er oprettet' }).waitFor();
    const link = await page.getByTestId('copy-link').inputValue();
    expect(link).toMatch(new RegExp(`^${h.baseUrl}/invitation/[\\w-]{20,}$`));
    await page.getByRole('button', { name: 'Kopiér link' }).waitFor();
    expect(await seriousViolations(page, '/netvaerk/ny-skole (created)')).toEqual([]);

    // the administrator sets a password and lands in the new school
    const admin = await h.newPage();
    await admin.goto(link);
    await admin.getByRole('heading', { level: 1, name: 'Velkommen til Retning' }).waitFor();
    await admin.getByLabel(/^Ny adgangskode/).fill('nordhavn-er-ny-her');
    await admin.getByLabel(/^Gentag adgangskoden/).fill('nordhavn-er-ny-her');
    await admin.getByRole('button', { name: 'Gem adgangskode' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Adgangskoden er gemt' }).waitFor();
    await signIn(admin, 'nanna@nordhavn.example', 'nordhavn-er-ny-her');
    await admin.getByRole('banner').getByText('Nordhavn Tekniske Skole').waitFor();
    await nav(admin).getByRole('link', { name: 'Personer', exact: true }).waitFor();

    // back in the network, the school is counted
    await page.getByRole('link', { name: 'Til skolerne' }).click();
    await page.getByTestId('network-schools').getByRole('rowheader', { name: 'Nordhavn Tekniske Skole' }).waitFor();
    expect(await page.getByTestId('network-total-schools').innerText()).toBe('2');
    // the search narrows the table by name or number
    await page.getByLabel('Søg efter skole').fill('654');
    await page.getByText('1 skole matcher').waitFor();
    const found = await page.getByTestId('network-schools').getByRole('rowheader').allInnerTexts();
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('Nordhavn Tekniske Skole');
    await page.getByLabel('Søg efter skole').fill('');

    // archiving asks first and says what it does; with the keyboard too, and Escape leaves it
    await page.getByRole('button', { name: 'Arkivér Nordhavn Tekniske Skole' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Arkivér Nordhavn Tekniske Skole?' });
    await dialog.getByText(/kan ikke logge ind/).waitFor();
    // the dialog fades in: scanned halfway, its text would be measured against a half-drawn background
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    expect(await seriousViolations(page, '/netvaerk (archive dialog)')).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Arkivér Nordhavn Tekniske Skole' }).click();
    await dialog.getByRole('button', { name: 'Annuller' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Arkivér Nordhavn Tekniske Skole' }).click();
    await dialog.getByRole('button', { name: 'Arkivér skolen' }).click();
    await page.getByTestId('network-archived').getByRole('rowheader', { name: 'Nordhavn Tekniske Skole' }).waitFor();
    expect(await page.getByTestId('network-schools').getByRole('rowheader', { name: 'Nordhavn Tekniske Skole' }).count()).toBe(0);
    expect(await page.getByTestId('network-total-schools').innerText()).toBe('1');

    // the archived school's administrator is signed out
    await admin.goto('/admin/personer');
    await admin.waitForURL(/\/login/);

    // reopened, it is counted again
    await page.getByRole('button', { name: 'Genåbn Nordhavn Tekniske Skole' }).click();
    await page.getByTestId('network-schools').getByRole('rowheader', { name: 'Nordhavn Tekniske Skole' }).waitFor();
    expect(await page.getByTestId('network-archived').count()).toBe(0);

    // the network's log tells it in words, newest first
    await nav(page).getByRole('link', { name: 'Netværkets log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Netværkets log' }).waitFor();
    await page.getByTestId('network-log').locator('tbody tr').first().waitFor();
    const actions = await page.getByTestId('network-log').locator('tbody tr td:nth-child(3)').allInnerTexts();
    expect(actions.length).toBeGreaterThanOrEqual(3);
    expect(actions.every((a) => !/^[a-z_]+\.[a-z_]+$/.test(a))).toBe(true);
  });

  it('invites a coordinator and removes them after asking; the last one cannot be removed', async () => {
    const page = await h.newPage();
    await signIn(page, COORDINATOR);
    await nav(page).getByRole('link', { name: 'Koordinatorer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Koordinatorer' }).waitFor();
    const table = page.getByTestId('network-coordinators');
    await table.getByRole('listitem').filter({ hasText: COORDINATOR }).waitFor();
    expect(await page.getByRole('button', { name: `Fjern ${COORDINATOR}` }).isDisabled()).toBe(true);

    await page.getByLabel(/^E-mail/).fill('ny.koordinator@netvaerk.example');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    expect(await page.getByTestId('copy-link').inputValue()).toMatch(/\/invitation\//);
    await table.getByRole('listitem').filter({ hasText: 'ny.koordinator@netvaerk.example' }).waitFor();
    expect(await page.getByRole('button', { name: `Fjern ${COORDINATOR}` }).isEnabled()).toBe(true);

    await page.getByRole('button', { name: 'Fjern ny.koordinator@netvaerk.example' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fjern ny.koordinator@netvaerk.example som koordinator?' });
    await dialog.getByRole('button', { name: 'Fjern koordinator' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await table.getByRole('listitem').filter({ hasText: 'ny.koordinator@netvaerk.example' }).count()).toBe(0);
  });

  it('every network page fits a phone and is reached from the menu', async () => {
    const page = await h.newPage({ width: 390, height: 844 });
    await signIn(page, COORDINATOR);
    for (const [link, heading] of [
      ['Skoler', 'Skoler'],
      ['Nationalt overblik', 'Nationalt overblik'],
      ['Koordinatorer', 'Koordinatorer'],
      ['Netværkets log', 'Netværkets log'],
    ] as const) {
      await page.getByRole('button', { name: 'Åbn menu' }).click();
      await nav(page).getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await overflow(page), link).toBeLessThanOrEqual(0);
    }
    await page.goto('/netvaerk/ny-skole');
    await page.getByRole('heading', { level: 1, name: 'Ny skole' }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });

  it('a coordinator of two networks switches from the user menu; the empty network says what to do', async () => {
    const page = await h.newPage();
    await signIn(page, COORDINATOR);
    await page.getByRole('heading', { level: 1, name: 'Skoler' }).waitFor();
    await page.getByRole('banner').getByText('Demo Netværk').waitFor();
    await page.getByRole('button', { name: /^Brugermenu/ }).click();
    await page.getByRole('menuitem', { name: 'Vestnettet' }).click();
    await page.getByRole('banner').getByText('Vestnettet').waitFor();
    await page.getByText('Netværket har ingen skoler endnu').waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Ny skole' }).first().waitFor();
    expect(await seriousViolations(page, '/netvaerk (empty network)')).toEqual([]);
    // the other network's schools are not here, nor its log
    await nav(page).getByRole('link', { name: 'Netværkets log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Netværkets log' }).waitFor();
    await page.getByTestId('network-log').waitFor();
    expect(await page.getByTestId('network-log').getByText('Nordhavn Tekniske Skole').count()).toBe(0);
  });
});
