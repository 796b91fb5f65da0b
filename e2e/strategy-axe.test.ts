import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan, seriousViolations } from './axe-scan';
import { type Harness, apiSession, signIn, startHarness } from './harness';

const day = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date(Date.now() + offset * 86_400_000));

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('axe: every strategy and årshjul page without serious or critical violations', () => {
  let h: Harness;
  let strategyId = '';
  let initiativeId = '';
  beforeAll(async () => {
    h = await startHarness();
    const boss = await apiSession(h.baseUrl, 'direktion@demo.example');
    const head = await apiSession(h.baseUrl, 'leder@demo.example');
    const admin = await apiSession(h.baseUrl, 'admin@demo.example');
    const depts = await boss<{ id: string; name: string }[]>('GET', '/departments');
    const bygge = depts.find((d) => d.name === 'Bygge og Anlæg')?.id ?? '';
    const s = await boss<{ id: string }>('POST', '/strategies', {
      title: 'Pædagogisk-digital strategi',
      periodStart: '2026-08-01',
      periodEnd: '2029-07-31',
      mode: 'strategi',
      vision: 'Pædagogik før teknik.',
      values: ['Faglighed', 'Trivsel'],
      sigtelinjer: ['1', '2'],
      reformGoals: [],
    });
    strategyId = s.id;
    await boss('POST', `/strategies/${s.id}/publish`);
    await boss('PATCH', `/strategies/${s.id}`, { vision: 'Pædagogik før teknik – også i praktikken.' });
    const central = await boss<{ id: string }>('POST', '/initiatives', { strategyId: s.id, title: 'Fælles læringsplatform', why: 'Eleverne finder alt ét sted.', level: 'central', startsOn: day(-60), endsOn: day(300), sigtelinjer: ['1'] });
    const local = await head<{ id: string }>('POST', '/initiatives', { strategyId: s.id, title: 'Video af praksis', why: 'Feedback på egen praksis.', level: 'department', departmentId: bygge, parentId: central.id, startsOn: day(-100), endsOn: day(100), sigtelinjer: ['4'] });
    initiativeId = local.id;
    const ind = await head<{ id: string }>('POST', `/initiatives/${local.id}/indicators`, { name: 'Videoer', unit: 'stk', baseline: 0, target: 200, targetOn: day(100), direction: 'increase' });
    await head('POST', `/indicators/${ind.id}/measurements`, { value: 60, measuredOn: day(0) });
    await head('POST', `/initiatives/${local.id}/milestones`, { title: 'Første videoer', dueOn: day(7) });
    await head('POST', `/initiatives/${local.id}/followups`, { title: 'Opfølgning', dueOn: day(-3) });
    await head('POST', `/initiatives/${local.id}/checkins`, { heldOn: day(0), progress: 30, decisions: 'Skolens videoplatform', nextSteps: 'Oplæg for holdet' });
    const canvas = await boss<{ id: string }>('POST', '/technologies', { name: 'Canvas', state: 'valgt', rationale: 'Ét sted for forløb og feedback.', scope: 'school', initiativeIds: [central.id] });
    await boss('POST', '/technologies', { name: 'VR-briller', state: 'afproves', rationale: 'Simulation af farlige situationer.', scope: 'departments', departmentIds: [bygge] });
    await boss('POST', '/technologies', { name: 'Fronter', state: 'fravalgt', rationale: 'Erstattet.', deselectionReason: 'To platforme forvirrer eleverne.', scope: 'school' });
    await boss('POST', '/decisions', { level: 'central', what: 'Canvas er skolens læringsplatform', why: 'Ét sted for eleverne', decidedBy: 'Direktionen', decidedOn: day(-30) });
    await head('POST', '/decisions', { level: 'department', departmentId: bygge, what: 'Video i alle praktikforløb', why: 'Feedback på praksis', decidedOn: day(-10), initiativeId: local.id });
    const people = await admin<{ items: { id: string }[] }>('GET', '/people?q=Anders');
    await boss('POST', '/ambassadors', { personId: people.items[0]?.id ?? '', kind: 'ambassador', technologyIds: [canvas.id], hoursPerWeek: 3, contact: 'Teams: #canvas-hjælp' });
    await boss('POST', '/calendar/items', { title: 'Pædagogisk dag', startsOn: day(10), sigtelinjer: ['1'] });
    await boss('POST', '/calendar/feeds', {});
  });
  afterAll(async () => {
    await h?.close();
  });

  it("a teacher's read-only pages", async () => {
    const page = await h.newPage();
    await signIn(page, 'laerer@demo.example');
    const found = await scan(page, ['/strategi', '/strategi/aarshjul', '/strategi/teknologier', '/strategi/beslutninger', '/strategi/ambassadoerer', `/strategi/indsatser/${initiativeId}`, `/strategi/${strategyId}/versioner/1`], 'teacher');
    // a teacher reads but does not manage
    await page.goto('/strategi/teknologier');
    await page.getByTestId('portfolio-counts').waitFor();
    expect(await page.getByRole('button', { name: 'Tilføj teknologi' }).count()).toBe(0);
    expect(await page.getByTestId('count-fravalgt').innerText()).toBe('1');
    expect(found).toEqual([]);
  });

  it("the director's pages, with their forms open", async () => {
    const page = await h.newPage();
    await signIn(page, 'direktion@demo.example');
    const found = await scan(
      page,
      ['/strategi', '/strategi/overblik', '/strategi/aarshjul', '/strategi/teknologier', '/strategi/beslutninger', '/strategi/ambassadoerer', '/strategi/begreber', `/strategi/indsatser/${initiativeId}`, `/strategi/${strategyId}/versioner/1`],
      'director',
    );
    await page.goto('/strategi/teknologier');
    await page.getByRole('button', { name: 'Tilføj teknologi' }).click();
    const tech = page.getByRole('form', { name: 'Tilføj teknologi' });
    await tech.getByLabel(/^Teknologi/).fill('Padlet');
    await tech.getByLabel(/^Pædagogisk begrundelse/).fill('Idéudvikling i fællesskab.');
    await tech.getByRole('textbox', { name: 'Tilstand' }).click();
    await page.getByRole('option', { name: 'Fravalgt' }).click();
    await tech.getByRole('button', { name: 'Tilføj teknologi' }).click();
    // a deselection without its reason is refused, naming the field
    await tech.getByText('Et fravalg skal begrundes', { exact: true }).first().waitFor();
    expect(await tech.getByLabel(/^Begrundelse for fravalg/).getAttribute('aria-invalid')).toBe('true');
    found.push(...(await seriousViolations(page, 'technology form with error')));
    await tech.getByLabel(/^Begrundelse for fravalg/).fill('Vi samler os om Canvas.');
    await tech.getByRole('button', { name: 'Tilføj teknologi' }).click();
    await page.getByRole('heading', { level: 3, name: 'Padlet' }).waitFor();
    expect(await page.getByTestId('count-fravalgt').innerText()).toBe('2');

    await page.goto('/strategi/beslutninger');
    await page.getByRole('button', { name: 'Ny beslutning' }).click();
    await page.getByRole('form', { name: 'Ny beslutning' }).waitFor();
    found.push(...(await seriousViolations(page, 'decision form')));
    await page.goto('/strategi/ambassadoerer');
    await page.getByRole('button', { name: 'Tilføj ambassadør' }).click();
    await page.getByRole('form', { name: 'Tilføj ambassadør' }).waitFor();
    found.push(...(await seriousViolations(page, 'ambassador form')));
    await page.goto('/strategi/aarshjul');
    await page.getByRole('button', { name: 'Tilføj punkt' }).click();
    await page.getByRole('form', { name: 'Tilføj punkt' }).waitFor();
    found.push(...(await seriousViolations(page, 'calendar item form')));
    await page.getByRole('button', { name: 'Lav link til hele skolen' }).click();
    await page.getByTestId('copy-link').waitFor();
    found.push(...(await seriousViolations(page, 'calendar with new feed link')));
    expect(found).toEqual([]);
  });

  it("the department head's pages", async () => {
    const page = await h.newPage();
    await signIn(page, 'leder@demo.example');
    const found = await scan(page, ['/strategi', '/strategi/overblik', '/strategi/ambassadoerer', `/strategi/indsatser/${initiativeId}`], 'head');
    // the initiative page with its new forms open: edit (with a field error), status (with the missing reason), moving a milestone
    await page.getByRole('button', { name: 'Redigér indsats' }).click();
    const edit = page.getByRole('form', { name: 'Redigér indsats' });
    await edit.getByLabel(/^Hvorfor/).fill('x'.repeat(281));
    await edit.getByRole('button', { name: 'Gem ændringer' }).click();
    await expect.poll(() => edit.getByLabel(/^Hvorfor/).getAttribute('aria-invalid')).toBe('true');
    found.push(...(await seriousViolations(page, 'initiative edit form with error')));
    await edit.getByRole('button', { name: 'Annuller' }).click();
    await page.getByRole('button', { name: 'Ændr status' }).click();
    const status = page.getByRole('form', { name: 'Ændr status' });
    await status.getByRole('button', { name: 'Gem status' }).click();
    await status.getByText('Skriv en begrundelse', { exact: true }).waitFor();
    found.push(...(await seriousViolations(page, 'initiative status form with error')));
    await status.getByRole('button', { name: 'Annuller' }).click();
    await page.getByRole('button', { name: 'Markér som nået: Første videoer' }).click();
    await page.getByTestId('milestones-item').getByText('Nået', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Markér som afholdt: Opfølgning' }).click();
    await page.getByTestId('followups-item').getByText('Afholdt', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Flyt Første videoer' }).click();
    await page.getByRole('form', { name: 'Flyt Første videoer' }).waitFor();
    found.push(...(await seriousViolations(page, 'initiative with milestone reached, follow-up held and move form')));
    expect(found).toEqual([]);
  });

  it('at 375×740 (phone), including the årshjul list view', async () => {
    const page = await h.newPage({ width: 375, height: 740 });
    await signIn(page, 'direktion@demo.example');
    const found: string[] = [];
    for (const path of ['/strategi', '/strategi/overblik', '/strategi/aarshjul', '/strategi/teknologier', '/strategi/beslutninger', '/strategi/ambassadoerer', '/strategi/begreber', `/strategi/indsatser/${initiativeId}`, `/strategi/${strategyId}/versioner/1`]) {
      found.push(...(await scan(page, [path], 'phone')));
      const over = await overflow(page);
      if (over > 0) found.push(`${path}: ${over}px wider than the phone`);
    }
    // the årshjul opens as a list on a phone, and the list is visible
    await page.goto('/strategi/aarshjul');
    const list = page.getByTestId('calendar-list');
    await list.getByText('Pædagogisk dag').waitFor();
    expect(await list.isVisible()).toBe(true);
    expect(await list.getAttribute('class')).not.toContain('visually-hidden');
    expect(found).toEqual([]);
  });
});
