import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe-scan';
import { type Harness, signIn, startHarness } from './harness';

/**
 * What a phone (375 px) meets on the list pages: wide tables that scroll from the keyboard, badges
 * that show their whole text, and a new page that starts at the top. The demo school with its
 * modules (a strategy, competence, courses, the library).
 */
const PHONE = { width: 375, height: 740 };

/** Badges whose text is cut: wider than their box, as "path: text". */
async function cutBadges(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  const cut = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.mantine-Badge-root, .mantine-Badge-label')]
      .filter((el) => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.textContent ?? ''),
  );
  return cut.map((text) => `${path}: ${text}`);
}

describe('on a phone: tables, badges and where a page starts', () => {
  let h: Harness;
  beforeAll(async () => {
    const { seedDemoModules } = await import('../src/server/seed/demo-modules');
    h = await startHarness({ seed: seedDemoModules });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('scrolls a wide table with the arrow keys once it has focus', async () => {
    const page = await h.newPage(PHONE);
    await signIn(page, 'admin@demo.example');
    await page.goto('/admin/personer');
    const region = page.getByRole('region', { name: 'Personer' });
    await region.getByRole('table').waitFor();
    const sizes = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, left: el.scrollLeft }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    expect(sizes.left).toBe(0);
    // reached with Tab like any control, then the arrow keys scroll it
    await region.focus();
    expect(await region.evaluate((el) => el === document.activeElement && el.matches(':focus-visible'))).toBe(true);
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  });

  it('leaves no scroll region out of reach of the keyboard (axe)', { timeout: 240_000 }, async () => {
    const found: string[] = [];
    const visits: [string, string[]][] = [
      ['admin@demo.example', ['/admin/personer', '/admin/log', '/admin/organisation', '/konto']],
      ['direktion@demo.example', ['/strategi', '/strategi/ambassadoerer', '/strategi/begreber', '/kompetencer/overblik', '/kompetencer/forloeb', '/kompetencer/ramme']],
    ];
    for (const [email, paths] of visits) {
      const page = await h.newPage(PHONE);
      await signIn(page, email);
      for (const path of paths) {
        await page.goto(path);
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        const violations = await axeViolations(page, { type: 'rule', values: ['scrollable-region-focusable'] });
        found.push(...violations.flatMap((v) => v.targets.map((t) => `${path}: ${t}`)));
      }
    }
    expect(found).toEqual([]);
  });

  it('shows the whole text of every badge on the list pages', { timeout: 180_000 }, async () => {
    const found: string[] = [];
    const admin = await h.newPage(PHONE);
    await signIn(admin, 'admin@demo.example');
    for (const path of ['/', '/admin/personer', '/admin/organisation']) found.push(...(await cutBadges(admin, path)));
    const boss = await h.newPage(PHONE);
    await signIn(boss, 'direktion@demo.example');
    for (const path of ['/', '/strategi', '/strategi/teknologier', '/strategi/ambassadoerer', '/strategi/beslutninger', '/kompetencer/forloeb', '/videndeling']) {
      found.push(...(await cutBadges(boss, path)));
    }
    const teacher = await h.newPage(PHONE);
    await signIn(teacher, 'laerer@demo.example');
    for (const path of ['/', '/kompetencer', '/kompetencer/forloeb', '/videndeling']) found.push(...(await cutBadges(teacher, path)));
    expect(found).toEqual([]);
  });

  it('starts a new page at the top, and Back returns to where the reader was', async () => {
    const page = await h.newPage(PHONE);
    await signIn(page, 'direktion@demo.example');
    await page.goto('/strategi');
    const firstInitiative = page.getByTestId('initiatives').getByRole('link').first();
    await firstInitiative.waitFor();
    await page.waitForLoadState('networkidle');
    const long = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    expect(long).toBeGreaterThan(400);
    await firstInitiative.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 200));
    const left = await page.evaluate(() => window.scrollY);
    expect(left).toBeGreaterThan(300);
    await firstInitiative.click();
    await page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'Strategi' }).waitFor();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    await page.goBack();
    await page.getByTestId('initiatives').waitFor();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(left - 5);
  });
});
