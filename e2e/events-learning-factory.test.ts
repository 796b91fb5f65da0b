import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe-scan';
import { type Harness, apiSession, signIn, startHarness } from './harness';

/**
 * A Learning Factory from end to end on the demo network: the coordinator makes and publishes one
 * with a single session of one seat; Lone signs up from her phone with the problem from her
 * school and gets the seat, Anders goes on the waiting list; Lone cancels and Anders gets the seat;
 * the session is in the school's årshjul; the coordinator sees who takes part and with what. Axe
 * on every page of the module on the way. One server and one browser for the whole file.
 */
const PHONE = { width: 390, height: 844 };
const TITLE = 'Learning Factory: digitale værkstedsopgaver';
const PLACE = 'Mercantec, lokale B12, Viborg';
const PROBLEM_LONE = 'Eleverne i tømreruddannelsen afleverer værkstedsopgaver på papir, som bliver væk.';
const PROBLEM_ANDERS = 'Vores it-udstyr i værkstedet bliver ikke brugt i undervisningen.';
const MATERIAL = 'Forberedelse til dag 1';

const day = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date(Date.now() + offset * 86_400_000));
/** Nothing wider than the phone: the page never scrolls sideways. */
const fitsPhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

async function axe(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  const found = await seriousViolations(page, path);
  if ((await page.locator('h1').count()) !== 1) found.push(`${path}: not one h1`);
  return found;
}

describe('Learning Factory: publish, sign up for the one seat, waiting list, cancel, årshjul', () => {
  let h: Harness;
  let eventId = '';
  const sessionDay = day(10);
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the coordinator creates a Learning Factory, adds one session of one seat and a material, and publishes it', async () => {
    const page = await h.newPage();
    await signIn(page, 'koordinator@demo.example');
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Arrangementer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Arrangementer' }).waitFor();
    await page.getByRole('link', { name: 'Nyt arrangement' }).first().click();
    await page.getByRole('radio', { name: 'Learning Factory' }).check();
    await page.getByLabel(/^Navn/).fill(TITLE);
    await page.getByLabel(/^Beskrivelse/).fill('To dage, hvor I arbejder med et reelt problem fra jeres egen skole.');
    await page.getByRole('button', { name: 'Opret kladde' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rediger arrangement' }).waitFor();
    eventId = /\/arrangementer\/([^/]+)\/rediger/.exec(page.url())?.[1] ?? '';
    expect(eventId).not.toBe('');

    await page.getByLabel(/^Dato/).fill(sessionDay);
    await page.getByLabel(/^Fra( \*)?$/).fill('09:00');
    await page.getByLabel(/^Til( \*)?$/).fill('15:00');
    await page.getByLabel(/^Sted/).fill(PLACE);
    await page.getByLabel(/^Pladser/).fill('1');
    await page.getByRole('button', { name: 'Tilføj session' }).click();
    await page.getByText('0 af 1 pladser taget, 0 på venteliste').waitFor();

    await page.getByLabel(/^Titel/).fill(MATERIAL);
    await page.getByLabel(/^Link( \*)?$/).fill('https://example.org/learning-factory/dag-1');
    await page.getByRole('button', { name: 'Tilføj materiale' }).click();
    await page.getByRole('link', { name: MATERIAL }).waitFor();

    await page.getByRole('button', { name: 'Offentliggør' }).click();
    await page.getByRole('dialog', { name: 'Offentliggør arrangementet?' }).getByRole('button', { name: 'Offentliggør' }).click();
    await page.getByText('Arrangementet er offentliggjort.').first().waitFor();
    await page.getByText('Arrangementet er offentliggjort. Ændringer i sessionerne').waitFor();
  });

  it('Lone signs up on her phone with the problem from her school and gets the seat', async () => {
    const page = await h.newPage(PHONE);
    await signIn(page, 'laerer@demo.example');
    await page.goto('/arrangementer');
    const card = page.getByRole('listitem').filter({ hasText: TITLE });
    await card.getByText('1 ledig plads af 1').waitFor();
    expect(await fitsPhone(page)).toBe(true);
    await card.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText(PLACE).waitFor();
    await page.getByRole('button', { name: 'Tilmeld', exact: true }).click();
    const dialog = page.getByRole('dialog');
    // the problem is required: an empty answer is caught before it is sent
    await dialog.getByRole('button', { name: 'Tilmeld', exact: true }).click();
    await dialog.getByText('Skriv det problem, du vil arbejde med.').waitFor();
    await dialog.getByLabel(/^Hvilket reelt problem fra din skole vil du arbejde med\?/).fill(PROBLEM_LONE);
    await dialog.getByRole('button', { name: 'Tilmeld', exact: true }).click();
    await page.getByText('Du er tilmeldt', { exact: true }).first().waitFor();
    // her project, to finish with a product later, is on the page now
    await expect.poll(() => page.getByLabel(/^Problemet fra din skole/).inputValue()).toBe(PROBLEM_LONE);
    expect(await fitsPhone(page)).toBe(true);
  });

  it('Anders finds the session full and goes on the waiting list as no. 1', async () => {
    const page = await h.newPage();
    await signIn(page, 'ambassador@demo.example');
    await page.goto(`/arrangementer/${eventId}`);
    await page.getByText('Fuldt booket, 0 på venteliste').waitFor();
    await page.getByRole('button', { name: 'Skriv mig på ventelisten' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Hvilket reelt problem fra din skole vil du arbejde med\?/).fill(PROBLEM_ANDERS);
    await dialog.getByRole('button', { name: 'Tilmeld', exact: true }).click();
    await page.getByText('På venteliste som nr. 1').first().waitFor();
  });

  it('Lone cancels, and the seat goes to Anders', async () => {
    const page = await h.newPage(PHONE);
    await signIn(page, 'laerer@demo.example');
    await page.goto(`/arrangementer/${eventId}`);
    await page.getByRole('button', { name: 'Afmeld' }).click();
    await page.getByRole('dialog', { name: 'Afmeld dig sessionen?' }).getByRole('button', { name: 'Afmeld' }).click();
    await page.getByText('Du er afmeldt.').waitFor();
    await page.getByRole('button', { name: 'Skriv mig på ventelisten' }).waitFor();

    const anders = await h.newPage();
    await signIn(anders, 'ambassador@demo.example');
    await anders.goto(`/arrangementer/${eventId}`);
    await anders.getByText('Du er tilmeldt', { exact: true }).first().waitFor();
    await anders.getByRole('button', { name: 'Afmeld' }).waitFor();
  });

  it("the session is in the school's årshjul", async () => {
    const director = await apiSession(h.baseUrl, 'direktion@demo.example');
    const calendar = await director<{ items: { source: string; title: string; startsOn: string }[] }>('GET', `/calendar?from=${sessionDay}`);
    const item = calendar.items.find((i) => i.source === 'network_event' && i.title.includes(TITLE));
    expect(item?.startsOn).toBe(sessionDay);
  });

  it('the coordinator sees who takes part, from which school and with which problem', async () => {
    const page = await h.newPage();
    await signIn(page, 'koordinator@demo.example');
    await page.goto(`/arrangementer/${eventId}/deltagere`);
    const table = page.getByRole('table');
    await table.getByRole('row').filter({ hasText: 'Anders Ambassadør' }).filter({ hasText: PROBLEM_ANDERS }).waitFor();
    expect(await table.getByRole('row').filter({ hasText: 'Lone Lærer' }).count()).toBe(0);
  });

  it('every page of the module passes axe, for the teacher and for the organiser', { timeout: 240_000 }, async () => {
    const teacher = await h.newPage();
    await signIn(teacher, 'laerer@demo.example');
    const found = [...(await axe(teacher, '/arrangementer')), ...(await axe(teacher, `/arrangementer/${eventId}`))];
    const organiser = await h.newPage(PHONE);
    await signIn(organiser, 'koordinator@demo.example');
    for (const path of ['/arrangementer', '/arrangementer/ny', `/arrangementer/${eventId}`, `/arrangementer/${eventId}/rediger`, `/arrangementer/${eventId}/deltagere`]) {
      found.push(...(await axe(organiser, path)));
    }
    expect(found).toEqual([]);
  });
});
