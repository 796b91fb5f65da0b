import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { SCAN_TIMEOUT, type PageIds, type Role, scanRole, startPagesHarness } from './axe-pages';

/** axe on every page of the director, the department head and the editorial group at 1280 and 375 px (the lists: e2e/axe-pages.ts). */
describe('axe: the leaders and the editorial group, every page of theirs at 1280 and 375 px', () => {
  let h: Harness;
  let ids: PageIds;
  beforeAll(async () => {
    ({ h, ids } = await startPagesHarness());
  });
  afterAll(async () => {
    await h?.close();
  });

  for (const role of ['director', 'head', 'editorial'] satisfies Role[]) {
    it(`${role} at 1280`, { timeout: SCAN_TIMEOUT }, async () => {
      expect(await scanRole(h, ids, role, 'desktop')).toEqual([]);
    });
    it(`${role} at 375`, { timeout: SCAN_TIMEOUT }, async () => {
      expect(await scanRole(h, ids, role, 'phone')).toEqual([]);
    });
  }
});
