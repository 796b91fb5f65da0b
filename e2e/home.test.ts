import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe-scan';
import { type Harness, apiSession, signIn, startHarness } from './harness';

/**
 * Each role signs in on the demo school and lands on a page made for it: Min side with their own
 * tasks, each a link to where it is done, with counts in the navigation; the coordinator on the
 * network. Every page is scanned with axe at 1280 px and at 375 px (a phone). One browser and one
 * server for the whole file.
 */
const FULL = { laeringsforudsaetninger: '<p>a</p>', rammefaktorer: '<p>b</p>', maal: '<p>c</p>', indhold: '<p>d</p>', laereprocesser: '<p>e</p>', vurdering: '<p>f</p>' };
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());

describe('journeys: every role finds its own page after signing in', () => {
  let h: Harness;
  let roundId = '';
  let initiativeId = '';

  beforeAll(async () => {
    const { seedDemoModules } = await import('../src/server/seed/demo-modules');
    h = await startHarness({ seed: seedDemoModules });
    const admin = await apiSession(h.baseUrl, 'admin@demo.example');
    const director = await apiSession(h.baseUrl, 'direktion@demo.example');
    const teacher = await apiSession(h.baseUrl, 'laerer@demo.example');
    // a round for the staff and one for the students, open from today
    roundId = (await admin<{ id: string }>('POST', '/competence/rounds', { title: 'Forårets kortlægning', opensOn: today, closesOn: addDays(today, 21) })).id;
    await admin('POST', '/competence/rounds', { title: 'Elevernes selvevaluering', opensOn: today, closesOn: addDays(today, 14), frameworkKind: 'student' });
    // the teacher's forløb waits for the editorial group
    const item = await teacher<{ id: string }>('POST', '/library/items', { kind: 'forlob', title: 'Kantsømme med video', fields: FULL });
    await teacher('POST', `/library/items/${item.id}/submit`);
    // an initiative of Bygge og Anlæg that the teacher owns, with a follow-up two days overdue
    const departments = await admin<{ id: string; name: string }[]>('GET', '/departments');
    const bygge = departments.find((d) => d.name === 'Bygge og Anlæg')?.id;
    const lone = (await admin<{ items: { id: string }[] }>('GET', '/people?q=Lone')).items[0]?.id;
    initiativeId = (
      await director<{ id: string }>('POST', '/initiatives', {
        title: 'Video i værkstedet',
        why: 'Eleverne ser deres egne greb igen og giver hinanden feedback.',
        level: 'department',
        departmentId: bygge,
        ownerId: lone,
        startsOn: addDays(today, -60),
        endsOn: addDays(today, 200),
      })
    ).id;
    await director('POST', `/initiatives/${initiativeId}/followups`, { title: 'Statusmøde om video', dueOn: addDays(today, -2) });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Min side at 1280 px is axe-clean; then the same page at 375 px, without a horizontal scrollbar. */
  async function checkBothWidths(page: Page, email: string, path = '/'): Promise<string[]> {
    const found = await seriousViolations(page, `${email} ${path} 1280`);
    const phone = await h.newPage({ width: 375, height: 740 });
    await signIn(phone, email);
    await phone.goto(path);
    found.push(...(await seriousViolations(phone, `${email} ${path} 375`)));
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) found.push(`${email} ${path} 375: ${overflow} px wider than the screen`);
    return found;
  }

  const nav = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });

  it('teacher: the round to answer with her progress, her overdue follow-up, her forløb with the editorial group; counts in the navigation', async () => {
    const page = await h.newPage();
    await signIn(page, 'laerer@demo.example');
    await page.waitForURL(`${h.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();
    const competence = page.getByRole('region', { name: 'Kompetencer' });
    const round = competence.getByRole('link', { name: 'Besvar kortlægningen "Forårets kortlægning"' });
    await round.waitFor();
    await competence.getByText(/^0 af \d+ besvaret$/).first().waitFor();
    const strategy = page.getByRole('region', { name: 'Strategi og opfølgning' });
    await strategy.getByRole('link', { name: 'Opfølgning: Statusmøde om video (Video i værkstedet)' }).waitFor();
    await strategy.getByText('Overskredet').first().waitFor();
    await page.getByRole('region', { name: 'Videndeling' }).getByRole('link', { name: '"Kantsømme med video" ligger hos redaktionen' }).waitFor();
    // the counts: the rounds on "Min profil", the follow-up and the check-in on "Strategi og indsatser"
    const mine = nav(page).getByRole('link', { name: 'Min profil', exact: true });
    expect(await mine.getAttribute('aria-describedby')).toBe('competenceMine-badge-label');
    expect(Number(await page.getByTestId('competenceMine-badge').innerText())).toBeGreaterThanOrEqual(1);
    expect(Number(await page.getByTestId('strategy-badge').innerText())).toBeGreaterThanOrEqual(1);
    // no school statistics for a teacher
    expect(await nav(page).getByRole('link', { name: 'Skolens overblik' }).count()).toBe(0);
    expect(await checkBothWidths(page, 'laerer@demo.example')).toEqual([]);

    // each item leads to where it is done
    await round.click();
    await page.waitForURL(`${h.baseUrl}/kompetencer/selvevaluering/${roundId}`);
    await page.goto('/');
    await strategy.getByRole('link', { name: 'Opfølgning: Statusmøde om video (Video i værkstedet)' }).click();
    await page.waitForURL(`${h.baseUrl}/strategi/indsatser/${initiativeId}`);
    await page.getByRole('heading', { level: 1, name: 'Video i værkstedet' }).waitFor();
  });

  it('department head: the overdue follow-ups of his department, leading to the leaders\' overblik; the school statistics on their own page', async () => {
    const page = await h.newPage();
    await signIn(page, 'leder@demo.example');
    await page.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();
    const overdue = page.getByRole('region', { name: 'Strategi og opfølgning' }).getByRole('link', { name: /^Overskredne opfølgninger: \d+$/ });
    await overdue.waitFor();
    expect(Number((await overdue.innerText()).split(': ')[1])).toBeGreaterThanOrEqual(1);
    expect(Number(await page.getByTestId('strategyOverview-badge').innerText())).toBeGreaterThanOrEqual(1);
    await page.getByRole('region', { name: 'Kompetencer' }).getByRole('link', { name: 'Besvar kortlægningen "Forårets kortlægning"' }).waitFor();
    expect(await checkBothWidths(page, 'leder@demo.example')).toEqual([]);

    await overdue.click();
    await page.getByRole('heading', { level: 1, name: 'Overblik for ledere' }).waitFor();
    await nav(page).getByRole('link', { name: 'Skolens overblik', exact: true }).click();
    await page.waitForURL(`${h.baseUrl}/overblik`);
    await page.getByRole('heading', { level: 1, name: 'Demo Erhvervsskole' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Personer pr. afdeling' }).waitFor();
  });

  it('director: the school\'s overdue follow-ups and the staff missing a mandatory course, each one click from where it is handled', async () => {
    const page = await h.newPage();
    await signIn(page, 'direktion@demo.example');
    await page.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();
    const strategy = page.getByRole('region', { name: 'Strategi og opfølgning' });
    const overdue = strategy.getByRole('link', { name: /^Overskredne opfølgninger: \d+$/ });
    await overdue.waitFor();
    const staff = page.getByRole('region', { name: 'Kompetencer' }).getByRole('link', { name: /^Medarbejdere, der mangler et obligatorisk forløb: \d+$/ });
    await staff.waitFor();
    expect(await checkBothWidths(page, 'direktion@demo.example')).toEqual([]);
    await staff.click();
    await page.waitForURL(`${h.baseUrl}/kompetencer/overblik`);
    await page.getByRole('heading', { level: 1, name: 'Kompetenceoverblik' }).waitFor();
    expect(await checkBothWidths(page, 'direktion@demo.example', '/overblik')).toEqual([]);
  });

  it('student: only her own self-evaluation; no staff catalogue, contracts, strategy or school statistics', async () => {
    const page = await h.newPage();
    await signIn(page, 'elev@demo.example');
    await page.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();
    await page.getByRole('region', { name: 'Kompetencer' }).getByRole('link', { name: 'Besvar kortlægningen "Elevernes selvevaluering"' }).waitFor();
    // the school's open self-evaluation round asks students too
    await page.getByRole('region', { name: 'Selvevaluering' }).getByRole('link', { name: 'Besvar selvevalueringen "Selvevaluering efterår"' }).waitFor();
    const titles = await page.getByTestId('home-item').allInnerTexts();
    expect(titles).toHaveLength(2);
    expect(await page.getByRole('region', { name: 'Strategi og opfølgning' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Årshjulet i denne uge' }).count()).toBe(0);
    for (const name of ['Kompetenceforløb', 'Udviklingskontrakter', 'Strategi og indsatser', 'Årshjul', 'Skolens overblik', 'Kompetenceoverblik', 'Personer']) {
      expect(await nav(page).getByRole('link', { name, exact: true }).count(), name).toBe(0);
    }
    await nav(page).getByRole('link', { name: 'Min profil', exact: true }).waitFor();
    expect(await checkBothWidths(page, 'elev@demo.example')).toEqual([]);
    await page.goto('/overblik');
    await page.getByRole('heading', { level: 1, name: 'Du har ikke adgang til denne side' }).waitFor();
    await page.goto('/kompetencer/forloeb');
    await page.getByRole('heading', { level: 1, name: 'Du har ikke adgang til denne side' }).waitFor();
  });

  it('company supervisor: nothing of the school\'s internal statistics; an empty page that says what to do next', async () => {
    const page = await h.newPage();
    // the open self-evaluation round asks company supervisors: once it is sent, nothing waits
    const supervisor = await apiSession(h.baseUrl, 'praktik@demo.example');
    const home = await supervisor<{ items: { kind: string; path: string }[] }>('GET', '/home');
    expect(home.items.map((i) => i.kind)).toEqual(['surveys.round']);
    const roundId = home.items[0]?.path.split('/').pop() ?? '';
    const sheet = await supervisor<{ areas: { items: { key: string }[] }[] }>('GET', `/surveys/rounds/${roundId}/sheet`);
    await supervisor('POST', `/surveys/rounds/${roundId}/submit`, { answers: { [sheet.areas[0]?.items[0]?.key ?? '']: 4 } });
    await signIn(page, 'praktik@demo.example');
    await page.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();
    await page.getByText('Intet venter på dig lige nu').waitFor();
    const next = page.getByRole('link', { name: 'Se biblioteket' });
    await next.waitFor();
    for (const name of ['Skolens overblik', 'Kompetenceforløb', 'Udviklingskontrakter', 'Min profil', 'Kompetenceoverblik', 'Strategi og indsatser', 'Årshjul']) {
      expect(await nav(page).getByRole('link', { name, exact: true }).count(), name).toBe(0);
    }
    expect(await checkBothWidths(page, 'praktik@demo.example')).toEqual([]);
    await page.goto('/overblik');
    await page.getByRole('heading', { level: 1, name: 'Du har ikke adgang til denne side' }).waitFor();
    await page.goto('/');
    await next.click();
    await page.waitForURL(`${h.baseUrl}/videndeling`);
    await page.getByRole('heading', { level: 1, name: 'Videndeling' }).waitFor();
  });

  it('the weekly digest: turned off on Min konto; a stale unsubscribe link says what to do instead', async () => {
    const page = await h.newPage();
    await signIn(page, 'ambassador@demo.example');
    await page.goto('/konto');
    const toggle = page.getByRole('switch', { name: 'Send mig ugebrevet' });
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click({ force: true });
    await page.getByRole('status').filter({ hasText: 'Dit valg er gemt' }).waitFor();
    const me = await apiSession(h.baseUrl, 'ambassador@demo.example');
    expect((await me<{ preferences: { weeklyDigest: boolean } }>('GET', '/me')).preferences).toEqual({ weeklyDigest: false });

    const signedOut = await h.newPage({ width: 375, height: 740 });
    await signedOut.goto('/afmeld-ugebrev/et-gammelt-link-0123456789');
    await signedOut.getByRole('heading', { level: 1, name: 'Afmeld ugebrevet' }).waitFor();
    await signedOut.getByRole('alert').filter({ hasText: 'Linket virker ikke længere' }).waitFor();
    expect(await seriousViolations(signedOut, '/afmeld-ugebrev (375)')).toEqual([]);
  });

  it('coordinator: the network\'s pages (its schools, the national view, the shared library), never "not attached to a school"', async () => {
    const page = await h.newPage();
    await signIn(page, 'koordinator@demo.example');
    await page.waitForURL(`${h.baseUrl}/netvaerk`);
    await page.getByRole('heading', { level: 1, name: 'Skoler' }).waitFor();
    await page.getByRole('region', { name: 'Skolerne' }).getByRole('rowheader', { name: 'Demo Erhvervsskole' }).waitFor();
    await nav(page).getByRole('link', { name: 'Nationalt overblik' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kompetencer på tværs af skolerne' }).waitFor();
    // the schools' latest rounds (here the ones opened today, still unanswered) as far as the anonymity rules allow
    await page.getByTestId('national-table').or(page.getByText('Ingen skoler i netværket har kortlagt endnu')).waitFor();
    expect(await page.getByText('Du er ikke tilknyttet en skole').count()).toBe(0);
    expect(await nav(page).getByRole('link', { name: 'Min side' }).count()).toBe(0);
    expect(await checkBothWidths(page, 'koordinator@demo.example', '/netvaerk')).toEqual([]);
    // "/" is the network's page too
    await page.goto('/');
    await page.waitForURL(`${h.baseUrl}/netvaerk`);
    await page.goto('/netvaerk/nationalt');
    await page.getByRole('link', { name: 'Åbn netværkets bibliotek' }).click();
    await page.waitForURL(`${h.baseUrl}/videndeling/netvaerk`);
  });
});
