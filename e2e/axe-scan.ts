import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** Runs axe (WCAG 2.0/2.1 A and AA) on the page and returns the serious and critical violations. */
export async function seriousViolations(page: Page, label: string): Promise<string[]> {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.id} (${v.impact}) ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

/** Visits each path and collects serious/critical axe violations, a missing or repeated h1 and a missing title. */
export async function scan(page: Page, paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    found.push(...(await seriousViolations(page, path)));
    const h1 = await page.locator('h1').count();
    if (h1 !== 1) found.push(`${path}: ${h1} h1 elements`);
    if (!(await page.title()).includes('Retning')) found.push(`${path}: no document title`);
  }
  return found;
}
