import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, apiSession, signIn, startHarness } from './harness';

/** A Copenhagen calendar date `offset` days from today, as YYYY-MM-DD. */
const day = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date(Date.now() + offset * 86_400_000));
const dk = (d: string) => `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}`;

type Detail = {
  title: string;
  why: string;
  endsOn: string;
  status: string;
  statusReason: string | null;
  stateReason: string | null;
  owner: { name: string } | null;
  collaborators: { name: string }[];
  milestones: { title: string; dueOn: string; done: boolean }[];
  followups: { title: string; dueOn: string; held: boolean }[];
};

describe('journey: editing an initiative, overriding its status, completing and moving milestones', () => {
  let h: Harness;
  let initiativeId = '';
  let head: Awaited<ReturnType<typeof apiSession>>;
  beforeAll(async () => {
    h = await startHarness();
    head = await apiSession(h.baseUrl, 'leder@demo.example');
    const depts = await head<{ id: string; name: string }[]>('GET', '/departments');
    const bygge = depts.find((d) => d.name === 'Bygge og Anlæg')?.id ?? '';
    const i = await head<{ id: string }>('POST', '/initiatives', { title: 'Video af praksis', why: 'Feedback på egen praksis.', level: 'department', departmentId: bygge, startsOn: day(-30), endsOn: day(200), sigtelinjer: ['4'] });
    initiativeId = i.id;
    await head('POST', `/initiatives/${i.id}/milestones`, { title: 'Første videoer delt', dueOn: day(14) });
    await head('POST', `/initiatives/${i.id}/followups`, { title: 'Opfølgning med teamet', dueOn: day(21) });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the department head edits the initiative, the owner overrides the status with a reason, milestones are reached and moved', async () => {
    // -- the department head edits the initiative; an over-long "why" is refused on its field
    const page = await h.newPage();
    await signIn(page, 'leder@demo.example');
    await page.goto(`/strategi/indsatser/${initiativeId}`);
    await page.getByRole('heading', { level: 1, name: 'Video af praksis' }).waitFor();
    await page.getByRole('button', { name: 'Redigér indsats' }).click();
    const edit = page.getByRole('form', { name: 'Redigér indsats' });
    await edit.getByLabel(/^Hvorfor/).fill('x'.repeat(281));
    await edit.getByRole('button', { name: 'Gem ændringer' }).click();
    await expect.poll(() => edit.getByLabel(/^Hvorfor/).getAttribute('aria-invalid')).toBe('true');
    expect((await head<Detail>('GET', `/initiatives/${initiativeId}`)).why).toBe('Feedback på egen praksis.');

    await edit.getByLabel(/^Titel/).fill('Video af praksis på byggepladsen');
    await edit.getByLabel(/^Hvorfor/).fill('Eleverne ser egen praksis og får konkret feedback.');
    await edit.getByLabel(/^Slut/).fill(day(250));
    await edit.getByRole('textbox', { name: 'Ansvarlig', exact: true }).fill('Lone');
    await page.getByRole('option', { name: 'Lone Lærer' }).click();
    await edit.getByRole('textbox', { name: 'Medansvarlige' }).fill('Lars');
    await page.getByRole('option', { name: 'Lars Leder' }).click();
    await edit.getByRole('checkbox', { name: 'Feedback' }).check();
    await edit.getByRole('button', { name: 'Gem ændringer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Video af praksis på byggepladsen' }).waitFor();
    expect(await edit.count()).toBe(0);
    await page.getByText('Hvorfor: Eleverne ser egen praksis og får konkret feedback.').first().waitFor();
    await page.getByText(/^Ansvarlig: Lone Lærer$/).waitFor();
    await page.getByText(/^Medansvarlige: Lars Leder$/).waitFor();
    let detail = await head<Detail>('GET', `/initiatives/${initiativeId}`);
    expect(detail).toMatchObject({ title: 'Video af praksis på byggepladsen', endsOn: day(250), owner: { name: 'Lone Lærer' }, collaborators: [{ name: 'Lars Leder' }] });

    // -- the head marks the milestone reached and moves it two days
    await page.getByRole('button', { name: 'Markér som nået: Første videoer delt' }).click();
    await page.getByRole('button', { name: 'Ikke nået: Første videoer delt' }).waitFor();
    await page.getByTestId('milestones-item').getByText('Nået', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Flyt Første videoer delt' }).click();
    const move = page.getByRole('form', { name: 'Flyt Første videoer delt' });
    await move.getByLabel('Ny dato').fill(day(16));
    await move.getByRole('button', { name: 'Gem dato' }).click();
    await page.getByText(`${dk(day(16))} · Første videoer delt`).waitFor();
    detail = await head<Detail>('GET', `/initiatives/${initiativeId}`);
    expect(detail.milestones).toEqual([expect.objectContaining({ title: 'Første videoer delt', dueOn: day(16), done: true })]);
    // the årshjul follows
    const cal = await head<{ items: { title: string; startsOn: string }[] }>('GET', `/calendar?from=${day(0)}&to=${day(60)}`);
    expect(cal.items.find((x) => x.title.startsWith('Første videoer delt'))?.startsOn).toBe(day(16));

    // -- the owner (a teacher) may set the status but not edit the initiative
    const owner = await h.newPage();
    await signIn(owner, 'laerer@demo.example');
    await owner.goto(`/strategi/indsatser/${initiativeId}`);
    await owner.getByRole('heading', { level: 1, name: 'Video af praksis på byggepladsen' }).waitFor();
    expect(await owner.getByRole('button', { name: 'Redigér indsats' }).count()).toBe(0);
    expect(await owner.getByRole('button', { name: /^Markér som nået/ }).count()).toBe(0);
    await owner.getByRole('button', { name: 'Ændr status' }).click();
    const status = owner.getByRole('form', { name: 'Ændr status' });
    await status.getByRole('textbox', { name: 'Ny status' }).click();
    await owner.getByRole('option', { name: 'I risiko' }).click();
    // without a reason the server refuses and names the field
    await status.getByRole('button', { name: 'Gem status' }).click();
    await status.getByText('Skriv en begrundelse', { exact: true }).waitFor();
    expect(await status.getByLabel(/^Begrundelse/).getAttribute('aria-invalid')).toBe('true');
    expect((await head<Detail>('GET', `/initiatives/${initiativeId}`)).status).toBe('no_data');
    await status.getByLabel(/^Begrundelse/).fill('Praktikstederne har ikke fået udstyret endnu.');
    await status.getByRole('button', { name: 'Gem status' }).click();
    await owner.getByText('Praktikstederne har ikke fået udstyret endnu.').waitFor();
    await owner.locator('header, main').getByText('I risiko', { exact: true }).first().waitFor();
    detail = await head<Detail>('GET', `/initiatives/${initiativeId}`);
    expect(detail).toMatchObject({ status: 'at_risk', statusReason: 'Praktikstederne har ikke fået udstyret endnu.' });
    // the owner, as a collaborator-level participant, marks the follow-up meeting held
    await owner.getByRole('button', { name: 'Markér som afholdt: Opfølgning med teamet' }).click();
    await owner.getByTestId('followups-item').getByText('Afholdt', { exact: true }).waitFor();
    expect((await head<Detail>('GET', `/initiatives/${initiativeId}`)).followups).toEqual([expect.objectContaining({ held: true })]);

    // -- the head closes the initiative as achieved, with its reason
    await page.reload();
    await page.getByRole('button', { name: 'Ændr status' }).click();
    const close = page.getByRole('form', { name: 'Ændr status' });
    await close.getByRole('textbox', { name: 'Hvad vil du gøre?' }).click();
    await page.getByRole('option', { name: 'Markér som opnået' }).click();
    await close.getByLabel(/^Begrundelse/).fill('Alle hold bruger video i praktikken.');
    await close.getByRole('button', { name: 'Gem status' }).click();
    await page.getByText('Alle hold bruger video i praktikken.').waitFor();
    await page.locator('header, main').getByText('Opnået', { exact: true }).first().waitFor();
    expect((await head<Detail>('GET', `/initiatives/${initiativeId}`)).stateReason).toBe('Alle hold bruger video i praktikken.');
  });
});
