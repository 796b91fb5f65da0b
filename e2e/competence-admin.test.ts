import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe-scan';
import { signIn } from './harness';
import { startCompetenceHarness } from './competence-harness';
import type { Harness } from './harness';

const json = async <T>(page: Page, path: string): Promise<T> => {
  const res = await page.request.get(path);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
};

describe('competence administration: rounds, courses, contracts, framework and an employee profile', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startCompetenceHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the director opens a round for one department on the staff framework', async () => {
    const page = await h.newPage();
    await signIn(page, 'direktion@demo.example');
    await page.goto('/kompetencer/overblik');
    await page.getByRole('heading', { level: 1, name: 'Kompetenceoverblik' }).waitFor();
    await page.getByLabel('Titel').fill('Kortlægning Handel og Kontor');
    await page.getByRole('textbox', { name: 'Afdelinger' }).click();
    await page.getByRole('option', { name: 'Handel og Kontor' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Åbn runde' }).click();
    await page.getByText('Runden er åbnet.').waitFor();
    const rounds = await json<{ title: string; departmentIds: string[] | null }[]>(page, '/api/v1/competence/rounds');
    const depts = await json<{ id: string; name: string }[]>(page, '/api/v1/departments');
    const round = rounds.find((r) => r.title === 'Kortlægning Handel og Kontor');
    expect(round?.departmentIds).toEqual([depts.find((d) => d.name === 'Handel og Kontor')?.id]);
  });

  it('the department head edits a course with a department audience, reads its evaluation summary, archives another and restores it', async () => {
    const page = await h.newPage();
    await signIn(page, 'leder@demo.example');
    await page.goto('/kompetencer/forloeb');
    await page.getByRole('button', { name: 'Redigér forløbet Video og simulation i faget' }).click();
    const editor = page.getByTestId('course-editor');
    await editor.getByLabel('Titel').fill('Video, VR og simulation i faget');
    await editor.getByRole('textbox', { name: 'Målgruppe: afdelinger' }).click();
    await page.getByRole('option', { name: 'Bygge og Anlæg' }).click();
    await page.keyboard.press('Escape');
    await editor.getByRole('button', { name: 'Gem forløbet' }).click();
    await page.getByRole('heading', { name: 'Video, VR og simulation i faget' }).waitFor();
    expect(await page.getByTestId('course-editor').count()).toBe(0);
    const courses = await json<{ title: string; audience: { departmentIds: string[] } }[]>(page, '/api/v1/competence/courses');
    expect(courses.find((c) => c.title === 'Video, VR og simulation i faget')?.audience.departmentIds).toHaveLength(1);

    const grund = page.locator('.mantine-Card-root', { has: page.getByRole('heading', { name: /^Grundkursus/ }) });
    await grund.getByRole('switch', { name: 'Vis evaluering' }).check();
    await grund.getByTestId('course-evaluation').getByText(/Gennemsnit|Færre end 5 evalueringer/).waitFor();

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Arkivér forløbet Diplommodul: It-didaktisk design' }).click();
    await page.getByRole('heading', { name: 'Diplommodul: It-didaktisk design' }).waitFor({ state: 'detached' });
    expect((await json<{ title: string }[]>(page, '/api/v1/competence/courses')).some((c) => c.title.startsWith('Diplommodul'))).toBe(false);

    // it is listed under the archived courses and can be restored to the catalogue
    const archived = page.getByRole('region', { name: 'Arkiverede forløb' });
    await archived.waitFor();
    expect(await seriousViolations(page, 'archived courses')).toEqual([]);
    await archived.getByRole('button', { name: 'Gendan Diplommodul: It-didaktisk design' }).click();
    await page.getByRole('heading', { name: 'Diplommodul: It-didaktisk design' }).waitFor();
    await archived.waitFor({ state: 'detached' });
    expect((await json<{ title: string }[]>(page, '/api/v1/competence/courses')).some((c) => c.title.startsWith('Diplommodul'))).toBe(true);
  });

  it('the department head opens an employee profile while the school allows it, and not after the setting is turned off', async () => {
    const page = await h.newPage();
    await signIn(page, 'leder@demo.example');
    await page.goto('/kompetencer/overblik');
    await page.getByRole('heading', { name: 'En medarbejders profil' }).waitFor();
    const picker = page.getByRole('textbox', { name: 'Medarbejder' });
    await picker.click();
    await page.getByRole('option', { name: 'Lone Lærer' }).click();
    // she has not submitted yet: an empty state, not an error
    await page.getByText('Lone Lærer har ikke afleveret en selvevaluering endnu').waitFor();
    // a colleague on the level-0 list has a profile
    const name = ((await page.getByTestId('level-zero-list').getByRole('listitem').first().textContent()) ?? '').trim();
    expect(name).not.toBe('');
    await picker.click();
    await page.getByRole('option', { name, exact: true }).click();
    const profile = page.getByTestId('staff-profile');
    await profile.getByRole('heading', { name: `Profil for ${name}` }).waitFor();
    await profile.getByRole('img', { name: /Radardiagram over niveau pr\. område/ }).waitFor();
    // the level-0 notice speaks about the employee, not to the leader as if it were his own profile
    await profile.getByText(`${name} er på niveau 0 og skal have en særlig indsats`).waitFor();
    expect(await profile.getByText('Du får en særlig indsats').count()).toBe(0);
    expect(page.url()).toContain('medarbejder=');
    const link = page.url();

    const director = await h.newPage();
    await signIn(director, 'direktion@demo.example');
    await director.goto('/kompetencer/ramme');
    const toggle = director.getByRole('switch', { name: 'Nærmeste leder må se sine medarbejderes niveauer' });
    await toggle.click();
    await expect.poll(async () => (await json<{ leaderSeesIndividuals: boolean }>(director, '/api/v1/competence/settings')).leaderSeesIndividuals).toBe(false);

    await page.goto(link);
    await page.getByTestId('staff-profile-denied').waitFor();
    expect(await page.getByTestId('staff-profile').count()).toBe(0);
    await toggle.click();
    await expect.poll(async () => (await json<{ leaderSeesIndividuals: boolean }>(director, '/api/v1/competence/settings')).leaderSeesIndividuals).toBe(true);
  });

  it('the department head edits a contract: a new follow-up date reaches the årshjul and both acknowledge again', async () => {
    const page = await h.newPage();
    await signIn(page, 'leder@demo.example');
    await page.goto('/kompetencer/kontrakter');
    await page.getByRole('textbox', { name: 'Medarbejder' }).click();
    await page.getByRole('option', { name: 'Lone Lærer' }).click();
    await page.getByRole('textbox', { name: 'Kompetence' }).click();
    await page.getByRole('option', { name: /2\.1 Finde og vælge ressourcer/ }).click();
    await page.getByRole('button', { name: 'Opret kontrakt' }).click();
    const detail = page.getByTestId('contract-detail');
    await detail.getByRole('button', { name: 'Kvittér for aftalen' }).click();
    await detail.getByText('Kvitteret af leder').waitFor();
    await detail.getByRole('button', { name: 'Redigér kontrakten' }).click();
    const editor = page.getByTestId('contract-editor');
    const date = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await editor.getByRole('button', { name: 'Tilføj opfølgningsdato' }).click();
    await editor.getByRole('textbox', { name: /^Opfølgning 1/ }).fill(date);
    await editor.getByRole('button', { name: 'Gem ændringer' }).click();
    await detail.getByText('Ændret (skal kvitteres igen)').waitFor();
    await detail.getByText(`Opfølgning: ${date}`).waitFor();
    await detail.getByRole('button', { name: 'Kvittér for aftalen' }).waitFor();
    const cal = await json<{ items: { title: string; startsOn: string; source: string }[] }>(page, `/api/v1/calendar?from=${date}&to=${date}`);
    expect(cal.items.filter((i) => i.source === 'competence').map((i) => i.title)).toEqual(['Opfølgning på udviklingskontrakt']);

    await detail.getByRole('button', { name: 'Redigér kontrakten' }).click();
    await page.getByTestId('contract-editor').getByRole('textbox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Annulleret' }).click();
    await page.getByTestId('contract-editor').getByRole('button', { name: 'Gem status' }).click();
    await detail.getByText('Status ændret').waitFor();
    const after = await json<{ items: { source: string }[] }>(page, `/api/v1/calendar?from=${date}&to=${date}`);
    expect(after.items.filter((i) => i.source === 'competence')).toHaveLength(0);
  });

  it('the director edits a competence text and imports a Moodle CSV as a new version', async () => {
    const page = await h.newPage();
    await signIn(page, 'direktion@demo.example');
    await page.goto('/kompetencer/ramme');
    const before = await json<{ id: string; version: number }>(page, '/api/v1/competence/framework');
    await page.getByRole('button', { name: /^Redigér teksterne for 2\.1 / }).click();
    const editor = page.getByTestId('item-editor');
    await editor.getByLabel('Titel (dansk)').fill('Finde, vurdere og vælge ressourcer');
    await editor.getByRole('button', { name: 'Gem tekster' }).click();
    await page.getByText('2.1 Finde, vurdere og vælge ressourcer').waitFor();
    expect((await json<{ version: number }>(page, '/api/v1/competence/framework')).version).toBe(before.version + 1);

    const csv = await (await page.request.get(`/api/v1/competence/frameworks/${before.id}/moodle`)).text();
    await page.locator('input[type=file][accept="text/csv,.csv"]').setInputFiles({ name: 'ramme.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('Moodle-rammen er importeret som en ny version.').waitFor();
    const after = await json<{ id: string }>(page, '/api/v1/competence/framework');
    expect(after.id).not.toBe(before.id);

    await page.locator('input[type=file][accept="text/csv,.csv"]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('not,a,moodle,file\n') });
    await page.getByText('Moodle-rammen er importeret som en ny version.').waitFor({ state: 'detached' });
    await page.getByRole('alert').first().waitFor();
    expect((await json<{ id: string }>(page, '/api/v1/competence/framework')).id).toBe(after.id);
  });
});
