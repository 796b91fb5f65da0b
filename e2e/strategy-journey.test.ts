import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, signIn, startHarness } from './harness';

/** A Copenhagen calendar date `offset` days from today, as YYYY-MM-DD. */
const day = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date(Date.now() + offset * 86_400_000));
/** A date at most `offset` days ahead that stays inside the current school year (August–July), so the årshjul shows it. */
const inThisSchoolYear = (offset: number) => {
  const today = day(0);
  const [y, m] = today.split('-').map(Number) as [number, number];
  const yearEnd = `${m >= 8 ? y + 1 : y}-07-31`;
  const wanted = day(offset);
  return wanted <= yearEnd ? wanted : today;
};

describe('journey: strategy, initiative, indicator, follow-up, årshjul and exports', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the director creates the strategy; a department head follows an initiative until it is behind, then downloads the .ics and the PDF', async () => {
    // -- the director writes and publishes the strategy
    const boss = await h.newPage();
    await signIn(boss, 'direktion@demo.example');
    await boss.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Strategi og indsatser', exact: true }).click();
    await boss.getByRole('heading', { level: 1, name: 'Strategi og handleplaner' }).waitFor();
    const form = boss.getByRole('form', { name: 'Strategi' });
    await form.getByLabel(/^Titel/).fill('Pædagogisk-digital strategi 2026–2029');
    await form.getByLabel(/^Periodens start/).fill('2026-08-01');
    await form.getByLabel(/^Periodens slut/).fill('2029-07-31');
    await form.getByLabel('Vision', { exact: true }).fill('Digitale værktøjer i praksisnær undervisning, pædagogik før teknik.');
    await form.getByRole('button', { name: 'Opret strategi' }).click();
    await boss.getByRole('heading', { level: 2, name: 'Pædagogisk-digital strategi 2026–2029' }).waitFor();
    await boss.getByRole('button', { name: 'Udgiv version' }).click();
    await boss.getByText('Udgivet (version 1)').waitFor();
    // the published version stays viewable
    await boss.getByTestId('versions').getByRole('link', { name: /^v1 / }).click();
    await boss.getByRole('heading', { level: 1, name: 'Strategien, version 1' }).waitFor();
    // the version's content arrives after its heading: wait for it before counting
    const vision = boss.getByText('Digitale værktøjer i praksisnær undervisning, pædagogik før teknik.');
    await vision.first().waitFor();
    expect(await vision.count()).toBe(1);

    // -- the department head adds an initiative in his department
    const page = await h.newPage();
    await signIn(page, 'leder@demo.example');
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Strategi og indsatser', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Pædagogisk-digital strategi 2026–2029' }).waitFor();
    await page.getByRole('button', { name: 'Ny indsats' }).click();
    const ini = page.getByRole('form', { name: 'Ny indsats' });
    await ini.getByLabel(/^Titel/).fill('Video af praksis på byggepladsen');
    await ini.getByLabel(/^Hvorfor/).fill('Eleverne ser egen praksis og får konkret feedback, der kobler skole og praktik.');
    await ini.getByLabel(/^Start/).fill(day(-100));
    await ini.getByLabel(/^Slut/).fill(day(100));
    await ini.getByLabel('Kobling mellem skoleforløb og praktikforløb').check();
    await ini.getByRole('button', { name: 'Opret indsats' }).click();
    await page.getByRole('heading', { level: 1, name: 'Video af praksis på byggepladsen' }).waitFor();
    // the "why" is shown with the initiative
    await page.getByText('Hvorfor: Eleverne ser egen praksis').first().waitFor();

    // an indicator from 0 to 200 videos over 200 days: 100 expected today
    const ind = page.getByRole('form', { name: 'Ny indikator' });
    await ind.getByLabel(/^Navn/).fill('Videoer med feedback');
    await ind.getByLabel(/^Enhed/).fill('videoer');
    await ind.getByLabel(/^Udgangspunkt/).fill('0');
    await ind.getByLabel(/^Mål$|^Mål \*/).fill('200');
    await ind.getByRole('button', { name: 'Tilføj indikator' }).click();
    const record = page.getByRole('form', { name: 'Registrér måling for Videoer med feedback' });
    await record.waitFor();

    // two measurements: on track 50 days ago, then behind today (90 of 100 expected = 90 %)
    await record.getByLabel('Værdi').fill('50');
    await record.getByLabel('Måledato').fill(day(-50));
    await record.getByRole('button', { name: 'Registrér måling' }).click();
    await page.locator('header, main').getByText('På sporet', { exact: true }).first().waitFor();
    await record.getByLabel('Værdi').fill('90');
    await record.getByLabel('Måledato').fill(day(0));
    await record.getByRole('button', { name: 'Registrér måling' }).click();
    await page.getByText('Bagud', { exact: true }).first().waitFor();
    expect(await page.getByText('På sporet', { exact: true }).count()).toBe(0);

    // a check-in (a status update), a milestone and a follow-up meeting
    const checkin = page.getByRole('form', { name: 'Ny statusopdatering' });
    await checkin.getByLabel('Fremdrift').fill('45');
    await checkin.getByLabel('Beslutninger').fill('Vi bruger skolens videoplatform, ikke private telefoner.');
    await checkin.getByLabel('Næste skridt').fill('Oplæg for holdet i uge 50.');
    await checkin.getByRole('button', { name: 'Gem statusopdatering' }).click();
    await page.getByText('Vi bruger skolens videoplatform, ikke private telefoner.', { exact: false }).first().waitFor();
    const milestone = page.getByRole('form', { name: 'Ny milepæl' });
    await milestone.getByLabel('Milepæl').fill('Første videoer delt med praktikstederne');
    await milestone.getByLabel('Dato').fill(inThisSchoolYear(14));
    await milestone.getByRole('button', { name: 'Tilføj milepæl' }).click();
    await page.getByText('Første videoer delt med praktikstederne').first().waitFor();
    const followup = page.getByRole('form', { name: 'Nyt opfølgningsmøde' });
    await followup.getByLabel('Møde').fill('Opfølgning med teamet');
    await followup.getByLabel('Dato').fill(inThisSchoolYear(21));
    await followup.getByRole('button', { name: 'Planlæg møde' }).click();
    await page.getByText('Opfølgning med teamet').first().waitFor();

    // the strategy page lists the initiative as behind
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Strategi og indsatser', exact: true }).click();
    const row = page.getByTestId('initiatives').getByRole('row', { name: /Video af praksis på byggepladsen/ });
    await row.waitFor();
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('Bagud');

    // -- the årshjul shows the milestone and the follow-up; the .ics has them too
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Årshjul', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Årshjul' }).waitFor();
    await page.getByText('Liste', { exact: true }).click();
    const list = page.getByTestId('calendar-list');
    await list.getByText('Første videoer delt med praktikstederne').waitFor();
    await expect.poll(async () => (await list.innerText()) ?? '').toContain('Opfølgning med teamet');
    await page.getByRole('button', { name: 'Lav link til hele skolen' }).click();
    const feedUrl = await page.getByTestId('copy-link').inputValue();
    expect(feedUrl).toMatch(/\/api\/v1\/ical\/[A-Za-z0-9_-]{20,}\.ics$/);
    const [ics] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hent .ics' }).click()]);
    const icsText = await readFile(await ics.path(), 'utf8');
    expect(icsText.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(icsText).toContain('Første videoer delt med praktikstederne');
    expect(icsText).toContain('Opfølgning med teamet');
    expect(icsText).toMatch(/DTSTART;VALUE=DATE:\d{8}/);
    const icsRes = await page.request.get(new URL(feedUrl).pathname);
    expect(icsRes.headers()['content-type']).toMatch(/^text\/calendar/);
    // the new link is listed and can be revoked; then the feed is gone
    await page.getByTestId('feeds').getByRole('button', { name: 'Tilbagekald' }).waitFor();

    // -- the PDF status report (department heads may export)
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Strategi og indsatser', exact: true }).click();
    const pdfLink = page.getByRole('link', { name: 'Statusrapport (PDF)' });
    const [pdf] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
    const bytes = await readFile(await pdf.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(2000);
    const pdfRes = await page.request.get((await pdfLink.getAttribute('href')) ?? '');
    expect(pdfRes.status()).toBe(200);
    expect(pdfRes.headers()['content-type']).toBe('application/pdf');

    // revoking the subscription makes the feed unknown
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Årshjul', exact: true }).click();
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('feeds').getByRole('button', { name: 'Tilbagekald' }).click();
    await page.getByText('Ingen aktive links.', { exact: false }).waitFor();
    expect((await page.request.get(new URL(feedUrl).pathname)).status()).toBe(404);
  });
});
