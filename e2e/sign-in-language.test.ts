import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, signIn, startHarness } from './harness';

describe('journey: sign in, switch language, sign out', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('signs in as the administrator, switches to English and back, and signs out', async () => {
    const page = await h.newPage();
    await page.goto('/');
    await page.waitForURL(/\/login\?next=/);
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    await signIn(page, 'admin@demo.example');
    await page.waitForURL(`${h.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();
    expect(await page.title()).toContain('Min side');
    await page.getByRole('link', { name: 'Min side', exact: true }).waitFor();

    await page.getByRole('button', { name: /Skift sprog/ }).click();
    await page.getByRole('menuitem', { name: /English/ }).click();
    await page.getByRole('link', { name: 'My page', exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('link', { name: 'People', exact: true }).count()).toBe(1);

    // remembered on the account: a reload stays English
    await page.reload();
    await page.getByRole('link', { name: 'My page', exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    // a feature's own texts come with its pages, in the language shown, and follow a switch
    const text = (lang: string) => JSON.parse(readFileSync(new URL(`../src/web/locales/${lang}.json`, import.meta.url), 'utf8')) as { people: { lead: string } };
    const [da, en] = [text('da'), text('en')];
    await page.goto('/admin/personer');
    await page.getByText(en.people.lead).waitFor();
    await page.getByRole('button', { name: /Change language/ }).click();
    await page.getByRole('menuitem', { name: /Dansk/ }).click();
    await page.getByRole('link', { name: 'Min side', exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    await page.getByText(da.people.lead).waitFor();
    expect(await page.getByText(en.people.lead).count()).toBe(0);

    await page.getByRole('button', { name: /Brugermenu/ }).click();
    await page.getByRole('menuitem', { name: 'Log ud' }).click();
    await page.waitForURL(/\/login$/);
    await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
    // the session really ended: the shell sends us back to sign in
    await page.goto('/admin/personer');
    await page.waitForURL(/\/login\?next=/);
  });
});
