import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, apiSession, signIn, startHarness } from './harness';

/**
 * Praktik from end to end on the demo school: the teacher gives Emil a practice task; Emil, on a
 * 375 px phone, writes a logbook entry with a photo from the camera input and answers the task;
 * his praktikvejleder comments, marks a praktikmål reached and confirms the answer; the teacher
 * sees it all and marks the task done. One server and one browser for the whole file.
 */
const PHONE = { width: 375, height: 740 };
const TASK = 'Mål og afsæt et spær';
const ENTRY = 'Første spær sat op';
const COMMENT = 'Flot arbejde med spærene, husk sikkerhedsselen.';

/** Nothing wider than the phone: the page never scrolls sideways. */
const fitsPhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

type Api = Awaited<ReturnType<typeof apiSession>>;
const day = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date(Date.now() + offset * 86_400_000));

/**
 * What the journey needs from the school, made through the administrator's ordinary API when the
 * demo does not already have it: Emil on a team with Lone, a current practice period at a company
 * with Pia as his praktikvejleder, and praktikmål for his programme.
 */
async function ensurePraktik(admin: Api, teacher: Api): Promise<string> {
  const person = async (q: string) => (await admin<{ items: { id: string; name: string }[] }>('GET', `/people?q=${encodeURIComponent(q)}`)).items[0]?.id ?? '';
  const emil = await person('Emil Elev');
  const seen = await teacher<{ items: { student: { id: string } }[] }>('GET', '/internship/students');
  if (!seen.items.some((s) => s.student.id === emil)) {
    const team = await admin<{ id: string }>('POST', '/teams', { name: 'Tømrer 2a' });
    for (const id of [emil, await person('Lone Lærer')]) {
      const current = await admin<{ teams: { id: string }[] }>('GET', `/people/${id}`);
      await admin('PUT', `/people/${id}/teams`, { teamIds: [...current.teams.map((x) => x.id), team.id] });
    }
  }
  const timeline = await admin<{ placements: { kind: string; startsOn: string; endsOn: string; supervisor: { name: string } | null }[] }>('GET', `/internship/students/${emil}/placements`);
  const today = day(0);
  if (!timeline.placements.some((p) => p.kind === 'practice' && p.startsOn <= today && today <= p.endsOn && p.supervisor?.name === 'Pia Praktikvejleder')) {
    const company = await admin<{ id: string }>('POST', '/internship/companies', { name: 'Tagværk Roskilde ApS', cvr: '61056416', trade: 'Tømrer' });
    const invited = await admin<{ supervisor: { id: string } }>('POST', `/internship/companies/${company.id}/supervisors`, { name: 'Pia Praktikvejleder', email: 'praktik@demo.example' });
    // after any period the demo already has, so that none overlaps
    const last = timeline.placements.reduce((m, p) => (p.endsOn > m ? p.endsOn : m), '');
    const starts = last >= today ? null : day(-7);
    if (starts) await admin('POST', '/internship/placements', { studentId: emil, kind: 'practice', startsOn: starts, endsOn: day(60), companyId: company.id, supervisorId: invited.supervisor.id });
  }
  const goals = await admin<{ programme: { id: string } | null; goals: unknown[] }>('GET', `/internship/students/${emil}/goals`);
  if (goals.goals.length === 0) {
    const programmeId = goals.programme?.id ?? (await admin<{ id: string }[]>('GET', '/programmes'))[0]?.id ?? '';
    if (!goals.programme) await admin('PUT', `/internship/students/${emil}/programme`, { programmeId });
    await admin('POST', `/internship/programmes/${programmeId}/goals`, { code: 'T1', text: 'Kan afsætte og montere spær', level: 'Rutineret' });
  }
  return emil;
}

describe('praktik: task, entry with photo, supervisor comment and goal, teacher overview', () => {
  let h: Harness;
  let studentId = '';
  let goalCode = '';
  beforeAll(async () => {
    h = await startHarness();
    const teacher = await apiSession(h.baseUrl, 'laerer@demo.example');
    studentId = await ensurePraktik(await apiSession(h.baseUrl, 'admin@demo.example'), teacher);
    const goals = await teacher<{ goals: { goal: { code: string } }[] }>('GET', `/internship/students/${studentId}/goals`);
    goalCode = goals.goals[0]?.goal.code ?? '';
  });
  afterAll(async () => {
    await h?.close();
  });

  it("Emil is one of the teacher's students and has a praktikmål to reach", () => {
    expect(studentId).not.toBe('');
    expect(goalCode).not.toBe('');
  });

  it('the teacher gives Emil a practice task', async () => {
    const page = await h.newPage();
    await signIn(page, 'laerer@demo.example');
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Praktikopgaver' }).click();
    await page.getByRole('heading', { level: 1, name: 'Praktikopgaver' }).waitFor();
    await page.getByRole('button', { name: 'Ny praktikopgave' }).first().click();
    await page.getByLabel('Titel').fill(TASK);
    const description = page.getByTestId('rich-task-description');
    await description.click();
    await description.pressSequentially('Mål spærafstanden op, og afsæt et spær. Tag et billede.');
    await page.getByText('Udvalgte elever').click();
    await page.getByRole('textbox', { name: 'Elever' }).click();
    await page.getByRole('option', { name: 'Emil Elev' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Giv opgaven' }).click();
    await page.getByRole('heading', { level: 1, name: TASK }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Emil Elev' });
    await expect.poll(() => row.textContent()).toContain('Givet');
  });

  it('Emil writes an entry with a photo on his phone and answers the task', async () => {
    const page = await h.newPage(PHONE);
    await signIn(page, 'elev@demo.example');
    await page.goto('/praktik');
    await page.getByRole('heading', { level: 1, name: 'Min praktik' }).waitFor();
    await page.getByText(TASK).first().waitFor();
    expect(await fitsPhone(page)).toBe(true);
    await page.getByRole('link', { name: 'Nyt indlæg' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Nyt indlæg' }).waitFor();
    expect(await page.getByTestId('photo-input').getAttribute('capture')).toBe('environment');
    await page.getByLabel('Overskrift').fill(ENTRY);
    const body = page.getByTestId('rich-entry-body');
    await body.click();
    await body.pressSequentially('I dag satte vi de første spær op på taget.');
    // a photo as the camera would give it
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 180, g: 120, b: 60 } } }).jpeg().toBuffer();
    await page.getByTestId('photo-input').setInputFiles({ name: 'spaer.jpg', mimeType: 'image/jpeg', buffer: photo });
    // the preview is read on the phone before anything is sent
    await expect.poll(() => page.getByRole('img', { name: 'Billede 1' }).evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: new RegExp(`^${goalCode} `) }).check();
    await page.getByRole('checkbox', { name: TASK }).check();
    expect(await fitsPhone(page)).toBe(true);
    await page.getByRole('button', { name: 'Gem indlæg' }).click();
    await page.getByRole('heading', { level: 1, name: 'Min praktik' }).waitFor();
    const entry = page.getByRole('article', { name: ENTRY });
    await entry.waitFor();
    const img = entry.getByRole('img').first();
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await fitsPhone(page)).toBe(true);
  });

  it('the supervisor comments, marks the praktikmål reached and confirms the answer', async () => {
    const page = await h.newPage(PHONE);
    await signIn(page, 'praktik@demo.example');
    await page.goto('/praktik');
    await page.getByRole('heading', { level: 1, name: 'Mine elever i praktik' }).waitFor();
    expect(await fitsPhone(page)).toBe(true);
    await page.getByRole('link', { name: 'Emil Elev' }).click();
    await page.getByRole('heading', { level: 1, name: 'Emil Elev' }).waitFor();
    const entry = page.getByRole('article', { name: ENTRY });
    await entry.getByLabel('Skriv en kommentar').fill(COMMENT);
    await entry.getByRole('button', { name: 'Send kommentar' }).click();
    await entry.getByText(COMMENT).waitFor();
    const goal = page.getByTestId(`goal-${goalCode}`);
    await goal.getByRole('button', { name: `Sæt status for ${goalCode}` }).click();
    await goal.getByText('Nået', { exact: true }).click();
    await goal.getByRole('button', { name: 'Gem status' }).click();
    await expect.poll(() => goal.innerText()).toContain('Sat af Pia Praktikvejleder');
    await page.getByRole('button', { name: 'Bekræft svaret' }).click();
    await expect.poll(() => page.getByText('Bekræftet', { exact: true }).count()).toBeGreaterThan(0);
    expect(await fitsPhone(page)).toBe(true);
  });

  it('the teacher sees the entry, the comment and the goal, and marks the task done', async () => {
    const page = await h.newPage();
    await signIn(page, 'laerer@demo.example');
    await page.goto('/praktik');
    const row = page.getByRole('row').filter({ hasText: 'Emil Elev' });
    await row.waitFor();
    expect(Number(await row.getByRole('cell').nth(5).innerText())).toBeGreaterThanOrEqual(1);
    await row.getByRole('link', { name: 'Emil Elev' }).click();
    const entry = page.getByRole('article', { name: ENTRY });
    await entry.getByText(COMMENT).waitFor();
    await expect.poll(() => entry.getByRole('img').first().evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId(`goal-${goalCode}`).textContent()).toContain('Nået');
    await page.locator('#main').getByRole('link', { name: 'Praktikopgaver' }).click();
    await page.getByRole('link', { name: TASK }).click();
    await page.getByRole('heading', { level: 1, name: TASK }).waitFor();
    await page.getByLabel('Tilbagemelding til Emil Elev').fill('Godt løst, spærafstanden passer.');
    await page.getByRole('button', { name: 'Markér som færdig' }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'Emil Elev' }).textContent()).toContain('Færdig');
  });
});
