import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe-scan';
import { type Harness, signIn, startHarness } from './harness';

describe('journey: a person\'s data', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a teacher downloads her data from her account page', async () => {
    const page = await h.newPage();
    await signIn(page, 'laerer@demo.example');
    await page.goto('/konto');
    await page.getByRole('heading', { name: 'Mine data' }).waitFor();
    const pdfLink = page.getByRole('link', { name: 'Hent som PDF' });
    const pdf = await page.request.get((await pdfLink.getAttribute('href')) ?? '');
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const json = await page.request.get((await page.getByRole('link', { name: 'Hent som JSON' }).getAttribute('href')) ?? '');
    expect(((await json.json()) as { person: { name: string } }).person.name).toBe('Lone Lærer');
  });

  it('the administrator sets the retention and erases a person after typing the name', async () => {
    const page = await h.newPage();
    await signIn(page, 'admin@demo.example');
    await page.goto('/admin/skole');
    await page.getByRole('heading', { name: 'Opbevaring af persondata' }).waitFor();
    await page.getByLabel('Slet kompetencesvar efter (måneder)').fill('36');
    await page.getByRole('button', { name: 'Gem opbevaring' }).click();
    await page.getByText('Opbevaringen er gemt').waitFor();
    expect(((await (await page.request.get('/api/v1/school/retention')).json()) as { competenceAnswersMonths: number }).competenceAnswersMonths).toBe(36);

    // one of the demo school's many generated colleagues (not one of the named demo sign-ins)
    const people = (await (await page.request.get('/api/v1/people?pageSize=200')).json()) as { items: { id: string; name: string; email: string }[] };
    const target = people.items.find((p) => /\.\d+@demo\.example$/.test(p.email));
    if (!target) throw new Error('no generated colleague in the demo school');
    await page.goto(`/admin/personer/${target.id}`);
    await page.getByRole('heading', { level: 1, name: target.name }).waitFor();
    await page.getByRole('link', { name: 'Hent som PDF' }).waitFor();
    await page.getByRole('button', { name: 'Slet og anonymisér' }).click();
    const dialog = page.getByRole('dialog', { name: `Slet og anonymisér ${target.name}?` });
    await dialog.waitFor();
    expect(await seriousViolations(page, 'erase dialog')).toEqual([]);
    await dialog.getByLabel('Personens navn').fill(target.name.split(' ')[0] ?? 'x');
    await dialog.getByRole('button', { name: 'Slet og anonymisér' }).click();
    await dialog.getByText('Skriv personens navn præcis, som det står').waitFor();
    await dialog.getByLabel('Personens navn').fill(target.name);
    await dialog.getByRole('button', { name: 'Slet og anonymisér' }).click();
    await page.getByText('Personens data er slettet og anonymiseret').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Personer' }).waitFor();
    const list = (await (await page.request.get('/api/v1/people?active=all&pageSize=200')).json()) as { items: { id: string }[] };
    expect(list.items.map((p) => p.id)).not.toContain(target.id);
  });
});
