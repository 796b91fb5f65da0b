import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe-scan';
import { apiSession, signIn, startHarness, type Harness } from './harness';

/**
 * The demo school as `npm start` seeds it, placed in time from today (issue 10): the årshjul shows
 * this school year with labels on its items and moves to the previous and the next school year;
 * last school year's initiative whose target was not reached says so.
 */
describe('journey: a demo school that is never stale, an årshjul across school years, a target not reached', () => {
  let h: Harness;
  let year = 0;
  beforeAll(async () => {
    const { seedDemoModules } = await import('../src/server/seed/demo-modules');
    h = await startHarness({ seed: (db) => seedDemoModules(db) });
    const boss = await apiSession(h.baseUrl, 'direktion@demo.example');
    year = (await boss<{ schoolYear: number }>('GET', '/calendar')).schoolYear;
  });
  afterAll(async () => {
    await h?.close();
  });

  it("the director sees this school year's årshjul with labels, then last year's and next year's items, and back", async () => {
    const page = await h.newPage();
    await signIn(page, 'direktion@demo.example');
    await page.goto('/strategi/aarshjul');
    const title = page.getByTestId('calendar-year');
    const label = (y: number) => `Skoleåret ${y}/${String((y + 1) % 100).padStart(2, '0')}`;
    await title.getByText(label(year)).waitFor();
    // the wheel labels its items with their short titles (SVG text; the full title is in the escaped tooltip)
    const wheel = page.getByRole('img', { name: /^Årshjul med \d+ punkter/ });
    await wheel.locator('text', { hasText: /^Skolestart/ }).first().waitFor();
    expect(await wheel.locator('text', { hasText: /\(Video-feedback i værkstedet\)/ }).count()).toBe(0);
    // the item labels (10 px; months and weeks are 11 and 8 px) lie apart from each other
    const boxes = await wheel.locator('text').evaluateAll((els) =>
      els.filter((e) => getComputedStyle(e).fontSize === '10px').map((e) => e.getBoundingClientRect()).map((r) => ({ x0: r.left, x1: r.right, y0: r.top, y1: r.bottom })),
    );
    expect(boxes.length).toBeGreaterThanOrEqual(5);
    const overlapping = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => a.x0 < b.x1 - 1 && b.x0 < a.x1 - 1 && a.y0 < b.y1 - 1 && b.y0 < a.y1 - 1));
    expect(overlapping).toEqual([]);
    expect(await seriousViolations(page, 'årshjul with its school-year navigation')).toEqual([]);

    await page.getByText('Liste', { exact: true }).click();
    const list = page.getByTestId('calendar-list');
    await list.getByText('Skolestart for eleverne').waitFor();
    await list.getByText('Alle hold har prøvet video (Video-feedback i værkstedet)').waitFor();
    expect(await list.getByText(/Logbog i alle praktikforløb/).count()).toBe(0);

    await page.getByRole('button', { name: 'Forrige skoleår' }).click();
    await title.getByText(label(year - 1)).waitFor();
    await list.getByText('Logbog i alle praktikforløb (Digitale logbøger i praktikken)').waitFor();
    expect(await list.getByText('Alle hold har prøvet video (Video-feedback i værkstedet)').count()).toBe(0);

    await page.getByRole('button', { name: 'Næste skoleår' }).click();
    await title.getByText(label(year)).waitFor();
    await page.getByRole('button', { name: 'Næste skoleår' }).click();
    await title.getByText(label(year + 1)).waitFor();
    await list.getByText('Skolestart for eleverne').waitFor();
    expect(await list.getByRole('row').count()).toBe(2);

    await page.getByRole('button', { name: 'Dette skoleår' }).click();
    await title.getByText(label(year)).waitFor();
  });

  it('last school year\'s logbook initiative missed its target by its date: "Ikke nået", on its page and in the list', async () => {
    const page = await h.newPage();
    await signIn(page, 'direktion@demo.example');
    await page.goto('/strategi');
    const row = page.getByRole('row', { name: /Digitale logbøger i praktikken/ });
    await row.getByTestId('status-badge').getByText('Ikke nået').waitFor();
    await row.getByRole('link', { name: 'Digitale logbøger i praktikken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Digitale logbøger i praktikken' }).waitFor();
    expect(await page.locator('[data-testid="status-badge"][data-status="not_reached"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="status-badge"][data-status="on_track"]').count()).toBe(0);
    expect(await seriousViolations(page, 'initiative not reached')).toEqual([]);
  });
});
