import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan, seriousViolations } from './axe-scan';
import { type Harness, signIn } from './harness';
import { startCompetenceHarness } from './competence-harness';

describe('axe: every competence page without serious or critical violations', () => {
  let h: Harness;
  let roundId = '';
  beforeAll(async () => {
    h = await startCompetenceHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('as the teacher, including the self-assessment at 375×740', async () => {
    const page = await h.newPage();
    await signIn(page, 'laerer@demo.example');
    await page.goto('/kompetencer');
    const href = await page.getByRole('link', { name: 'Start selvevaluering' }).getAttribute('href');
    roundId = href?.split('/').pop() ?? '';
    const found = await scan(page, ['/kompetencer', `/kompetencer/selvevaluering/${roundId}`, '/kompetencer/forloeb', '/kompetencer/kontrakter', '/kompetencer/ramme']);
    const phone = await h.newPage({ width: 375, height: 740 });
    await signIn(phone, 'laerer@demo.example');
    found.push(...(await scan(phone, [`/kompetencer/selvevaluering/${roundId}`])));
    await phone.getByLabel('Jeg kan gemme, finde og dele en fil').check();
    await phone.getByRole('button', { name: 'Gem og fortsæt' }).click();
    await phone.getByRole('radiogroup').first().waitFor();
    found.push(...(await seriousViolations(phone, 'self-assessment area step at 375')));
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    found.push(...(await scan(phone, ['/kompetencer'])));
    expect(found).toEqual([]);
  });

  it('as the department head and the director (overview, courses with participants, contracts)', async () => {
    const page = await h.newPage();
    await signIn(page, 'leder@demo.example');
    const found = await scan(page, ['/kompetencer/overblik', '/kompetencer/forloeb', '/kompetencer/kontrakter', '/kompetencer/ramme']);
    await page.goto('/kompetencer/forloeb');
    await page.locator('.mantine-Card-root', { has: page.getByRole('heading', { name: /^Grundkursus/ }) }).getByRole('switch', { name: 'Vis deltagere' }).check();
    await page.getByRole('checkbox', { name: /deltog$/ }).first().waitFor();
    found.push(...(await seriousViolations(page, 'course participants')));
    const director = await h.newPage();
    await signIn(director, 'direktion@demo.example');
    found.push(...(await scan(director, ['/kompetencer/overblik', '/kompetencer/ramme'])));
    expect(found).toEqual([]);
  });
  it('the new states: round form with departments, course editor and evaluation, employee profile and its refusal, contract editor, framework text editor', async () => {
    const found: string[] = [];
    const director = await h.newPage();
    await signIn(director, 'direktion@demo.example');
    await director.goto('/kompetencer/overblik');
    await director.getByRole('textbox', { name: 'Afdelinger' }).click();
    await director.getByRole('option', { name: 'Handel og Kontor' }).click();
    await director.keyboard.press('Escape');
    found.push(...(await seriousViolations(director, 'round form with a department chosen')));
    await director.goto('/kompetencer/ramme');
    await director.getByRole('button', { name: /^Redigér teksterne for 2\.1 / }).click();
    await director.getByTestId('item-editor').waitFor();
    found.push(...(await seriousViolations(director, 'framework text editor')));

    const page = await h.newPage();
    await signIn(page, 'leder@demo.example');
    await page.goto('/kompetencer/forloeb');
    await page.getByRole('button', { name: 'Redigér forløbet Video og simulation i faget' }).click();
    await page.getByTestId('course-editor').waitFor();
    const grund = page.locator('.mantine-Card-root', { has: page.getByRole('heading', { name: /^Grundkursus/ }) });
    await grund.getByRole('switch', { name: 'Vis evaluering' }).check();
    await grund.getByTestId('course-evaluation').waitFor();
    found.push(...(await seriousViolations(page, 'course editor and evaluation summary')));

    await page.goto('/kompetencer/overblik');
    const name = ((await page.getByTestId('level-zero-list').getByRole('listitem').first().textContent()) ?? '').trim();
    await page.getByRole('textbox', { name: 'Medarbejder' }).click();
    await page.getByRole('option', { name, exact: true }).click();
    await page.getByTestId('staff-profile').getByRole('img').first().waitFor();
    found.push(...(await seriousViolations(page, 'employee profile')));
    const link = page.url();

    await page.goto('/kompetencer/kontrakter');
    await page.getByRole('textbox', { name: 'Medarbejder' }).click();
    await page.getByRole('option', { name: 'Lone Lærer' }).click();
    await page.getByRole('textbox', { name: 'Kompetence' }).click();
    await page.getByRole('option', { name: /2\.1 / }).click();
    await page.getByRole('button', { name: 'Opret kontrakt' }).click();
    await page.getByTestId('contract-detail').getByRole('button', { name: 'Redigér kontrakten' }).click();
    const editor = page.getByTestId('contract-editor');
    await editor.getByRole('button', { name: 'Tilføj aktivitet' }).click();
    await editor.getByRole('button', { name: 'Tilføj opfølgningsdato' }).click();
    found.push(...(await seriousViolations(page, 'contract editor')));

    await director.goto('/kompetencer/ramme');
    await director.getByRole('switch', { name: 'Nærmeste leder må se sine medarbejderes niveauer' }).click();
    await expect.poll(async () => ((await (await director.request.get('/api/v1/competence/settings')).json()) as { leaderSeesIndividuals: boolean }).leaderSeesIndividuals).toBe(false);
    await page.goto(link);
    await page.getByTestId('staff-profile-denied').waitFor();
    found.push(...(await seriousViolations(page, 'employee profile refused')));
    expect(found).toEqual([]);
  });
});
