import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { SCAN_TIMEOUT, type PageIds, type Role, pageAs, scanRole, startPagesHarness } from './axe-pages';

/** The school's statistics and the staff's own pages: none of it in a student's or a company supervisor's navigation. */
const STAFF_AND_STATISTICS = ['/overblik', '/strategi', '/kompetencer/overblik', '/kompetencer/forloeb', '/kompetencer/kontrakter', '/netvaerk', '/admin/'];

describe('axe: the student and the company supervisor, every page of theirs at 1280 and 375 px', () => {
  let h: Harness;
  let ids: PageIds;
  beforeAll(async () => {
    ({ h, ids } = await startPagesHarness());
  });
  afterAll(async () => {
    await h?.close();
  });

  for (const role of ['student', 'supervisor'] satisfies Role[]) {
    it(`${role}: pages at 1280, a navigation without the staff's pages or the school's statistics, which are refused`, { timeout: SCAN_TIMEOUT }, async () => {
      const page = await pageAs(h, role, 'desktop');
      const found = await scanRole(h, ids, role, 'desktop', page);
      const links = await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(links.length).toBeGreaterThan(1);
      expect(links.filter((l) => STAFF_AND_STATISTICS.some((s) => l.startsWith(s)))).toEqual([]);
      for (const path of ['/overblik', '/kompetencer/overblik', '/strategi/overblik']) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1, name: 'Du har ikke adgang til denne side' }).waitFor();
      }
      expect(found).toEqual([]);
    });

    it(`${role}: pages at 375`, { timeout: SCAN_TIMEOUT }, async () => {
      expect(await scanRole(h, ids, role, 'phone')).toEqual([]);
    });
  }
});
