import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { SCAN_TIMEOUT, type PageIds, scanRole, startPagesHarness } from './axe-pages';

/** axe on every page of the teacher at 1280 and 375 px (the list: e2e/axe-pages.ts). */
describe('axe: the teacher, every page of theirs at 1280 and 375 px', () => {
  let h: Harness;
  let ids: PageIds;
  beforeAll(async () => {
    ({ h, ids } = await startPagesHarness());
  });
  afterAll(async () => {
    await h?.close();
  });

  it('at 1280', { timeout: SCAN_TIMEOUT }, async () => {
    expect(await scanRole(h, ids, 'teacher', 'desktop')).toEqual([]);
  });
  it('at 375', { timeout: SCAN_TIMEOUT }, async () => {
    expect(await scanRole(h, ids, 'teacher', 'phone')).toEqual([]);
  });
});
