import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** Set SCAN_SHOTS=/some/dir to keep a screenshot of every scanned page (for looking at them, not asserted). */
const shots = process.env.SCAN_SHOTS;

type Violation = Pick<AxeResults['violations'][number], 'id' | 'impact' | 'help'> & { targets: string[] };

/**
 * Runs axe-core in the page: injected once per document, the results read where they are made. The
 * app has no frames, so nothing is lost against @axe-core/playwright, which opens a second page to
 * assemble every run's results (three to five times slower on these pages).
 */
export async function axeViolations(page: Page, runOnly: RunOptions['runOnly'] = { type: 'tag', values: WCAG_AA }): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (only) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, { runOnly: only, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, runOnly);
}

/** Runs axe (WCAG 2.0/2.1 A and AA) on the page once it has loaded and returns the serious and critical violations. */
export async function seriousViolations(page: Page, label: string): Promise<string[]> {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  if (shots) await page.screenshot({ path: `${shots}/${label.replace(/[^a-z0-9]+/gi, '_')}.png`, fullPage: true });
  return (await axeViolations(page))
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.id} (${v.impact}) ${v.help} → ${v.targets.slice(0, 3).join(' | ')}`);
}

/** Visits each path and collects serious/critical axe violations, a missing or repeated h1 and a missing title. */
export async function scan(page: Page, paths: string[], prefix?: string): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    found.push(...(await seriousViolations(page, prefix ? `${prefix} ${path}` : path)));
    const h1 = await page.locator('h1').count();
    if (h1 !== 1) found.push(`${path}: ${h1} h1 elements`);
    if (!(await page.title()).includes('Retning')) found.push(`${path}: no document title`);
  }
  return found;
}
