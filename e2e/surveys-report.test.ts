import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe-scan';
import { type Harness, apiSession, signIn, startHarness } from './harness';

/**
 * Selvevaluering, the report: two rounds answered through the API by 5 leaders and 6 teachers, the
 * second closes; the director reads the report with a gap and a trend, clicks "Opret indsats" on
 * the item with the largest gap and finds the initiative with its indicator. Axe at 1280 and 375 px.
 */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/Copenhagen' });
const PASSWORD = 'svar-runde-rapport';
type Sheet = { areas: { items: { key: string }[] }[] };

describe('the director reads a closed round and turns a weak item into an initiative', () => {
  let h: Harness;
  let roundId = '';
  const leaders: string[] = [];
  const teachers: string[] = [];
  beforeAll(async () => {
    h = await startHarness({
      seed: async (db) => {
        const { schools, departments } = await import('../src/server/db/schema/index');
        const { buildPerson } = await import('../src/server/test/factories');
        const { hashPassword } = await import('../src/server/platform/passwords');
        const { accounts } = await import('../src/server/db/schema/index');
        const { eq } = await import('drizzle-orm');
        const [school] = await db.select().from(schools).limit(1);
        if (!school) throw new Error('no demo school');
        const depts = await db.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.schoolId, school.id));
        const built = { id: school.id, networkId: school.networkId, name: school.name, departments: depts };
        const hash = await hashPassword(PASSWORD);
        for (let i = 0; i < 5; i++) leaders.push((await buildPerson(db, built, { roles: ['department_head'], email: `rapport-leder-${i}@demo.example` })).email);
        for (let i = 0; i < 6; i++) teachers.push((await buildPerson(db, built, { roles: ['teacher'], email: `rapport-laerer-${i}@demo.example` })).email);
        for (const email of [...leaders, ...teachers]) await db.update(accounts).set({ passwordHash: hash }).where(eq(accounts.email, email));
      },
    });
    const director = await apiSession(h.baseUrl, 'direktion@demo.example');
    /** A round of leaders and teachers; everyone answers `value(group, i, itemIndex)`; then it closes. */
    const round = async (name: string, closesIn: number, value: (group: 'leader' | 'teacher', i: number, k: number) => number) => {
      const r = await director<{ id: string }>('POST', '/surveys/rounds', { name, opensOn: day(0), closesOn: day(closesIn), groups: ['leader', 'teacher'] });
      for (const [group, emails] of [['leader', leaders], ['teacher', teachers]] as const) {
        for (const [i, email] of emails.entries()) {
          const me = await apiSession(h.baseUrl, email, PASSWORD);
          const sheet = await me<Sheet>('GET', `/surveys/rounds/${r.id}/sheet`);
          const keys = sheet.areas.flatMap((a) => a.items.map((x) => x.key));
          await me('POST', `/surveys/rounds/${r.id}/submit`, { answers: Object.fromEntries(keys.map((k, n) => [k, value(group, i, n)])) });
        }
      }
      await director('POST', `/surveys/rounds/${r.id}/close`, {});
      return r.id;
    };
    await round('Selvevaluering forår 2027', 2, (_g, i) => 3 + (i % 2));
    // leaders see the school brighter than teachers on every item, teachers less so than last time
    roundId = await round('Selvevaluering efterår 2027', 10, (g, i) => (g === 'leader' ? 4 + (i % 2) : 1 + (i % 2)));
  }, 240_000);
  afterAll(async () => {
    await h?.close();
  });

  it('reads the report with a gap and a trend, and opens a new initiative from an item', async () => {
    const page = await h.newPage();
    await signIn(page, 'direktion@demo.example');
    await page.goto(`/selvevaluering/${roundId}/rapport`);
    await page.getByRole('heading', { level: 1, name: 'Rapport: Selvevaluering efterår 2027' }).waitFor();
    await expect.poll(() => page.getByTestId('respondents-leader').textContent()).toBe('5 besvarelser');
    await expect.poll(() => page.getByTestId('respondents-teacher').textContent()).toBe('6 besvarelser');
    const first = page.getByTestId('first-look');
    await expect.poll(() => first.textContent()).toContain('Størst forskel');
    expect(await first.textContent()).toContain('Størst fald');
    await page.getByRole('heading', { name: 'Forskel mellem Ledere og Lærere' }).waitFor();
    expect(await page.getByTestId('gap-top').textContent()).toMatch(/2,9/);
    await page.getByRole('heading', { name: 'Udvikling siden tidligere runder' }).waitFor();
    await page.getByRole('img', { name: 'Gennemsnit pr. område gennem runderne' }).waitFor();
    expect(await seriousViolations(page, 'report 1280')).toEqual([]);

    const row = page.locator('[data-testid^="item-teacher-"]').first();
    const itemText = ((await row.locator('td').first().textContent()) ?? '').trim();
    await row.getByRole('button', { name: /Opret indsats/ }).click();
    await page.waitForURL(/\/strategi\/indsatser\//);
    await page.getByRole('heading', { level: 1, name: itemText }).waitFor();
    await page.getByText(`Lærere: ${itemText}`).first().waitFor();

    const phone = await h.newPage({ width: 375, height: 800 });
    await signIn(phone, 'direktion@demo.example');
    await phone.goto(`/selvevaluering/${roundId}/rapport`);
    await phone.getByTestId('first-look').waitFor();
    expect(await seriousViolations(phone, 'report 375')).toEqual([]);
    // the item now lists its initiative
    await phone.locator('[data-testid^="item-teacher-"]').first().getByRole('link', { name: itemText }).waitFor();
  }, 180_000);
});
