import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, apiSession, signIn, startHarness } from './harness';

const FULL = { laeringsforudsaetninger: '<p>a</p>', rammefaktorer: '<p>b</p>', maal: '<p>c</p>', indhold: '<p>d</p>', laereprocesser: '<p>e</p>', vurdering: '<p>f</p>' };
type Api = Awaited<ReturnType<typeof apiSession>>;

describe('editorial group: review badge, criteria, glossary, network item, material order', () => {
  let h: Harness;
  let teacher: Api;
  let editorApi: Api;
  beforeAll(async () => {
    h = await startHarness();
    teacher = await apiSession(h.baseUrl, 'laerer@demo.example');
    editorApi = await apiSession(h.baseUrl, 'redaktion@demo.example');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a submission shows on the editorial group’s "Til review" badge and queue; the criteria page changes what a submission needs', async () => {
    const before = await editorApi<{ waiting: number }>('GET', '/library/review/summary');
    const id = (await teacher<{ id: string }>('POST', '/library/items', { kind: 'forlob', title: 'Badge-forløb', fields: FULL })).id;
    await teacher('POST', `/library/items/${id}/submit`);

    const page = await h.newPage();
    await signIn(page, 'redaktion@demo.example');
    const badge = page.getByTestId('review-badge');
    await badge.waitFor();
    expect(await badge.innerText()).toBe(String(before.waiting + 1));
    // the link keeps its name; the count is its accessible description
    const link = page.getByRole('link', { name: 'Til review', exact: true });
    expect(await link.getAttribute('aria-describedby')).toBe('review-badge-label');
    expect(await page.locator('#review-badge-label').textContent()).toBe(`${before.waiting + 1} venter på review`);
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Til review' }).waitFor();
    expect(await page.getByTestId('review-summary').innerText()).toMatch(new RegExp(`${before.waiting + 1} forløb`));
    await page.getByRole('link', { name: 'Badge-forløb' }).waitFor();

    // taking it lowers the badge
    await page.getByRole('link', { name: 'Badge-forløb' }).click();
    await page.getByRole('button', { name: 'Tag til review' }).click();
    await page.getByRole('button', { name: 'Godkend og publicér' }).waitFor();
    if (before.waiting === 0) await badge.waitFor({ state: 'detached' });
    else await expect.poll(() => badge.innerText()).toBe(String(before.waiting));

    // the criteria page: "Vurdering" is no longer required, a new criterion is added
    await page.goto('/videndeling/review');
    await page.getByRole('link', { name: 'Kvalitetskriterier og krav' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kvalitetskriterier og krav' }).waitFor();
    await page.getByRole('checkbox', { name: 'Vurdering' }).uncheck();
    const criteria = page.getByLabel(/Kvalitetskriterier \(ét pr\. linje\)/);
    await criteria.fill('Pædagogik før teknik\nEleverne giver hinanden feedback');
    await page.getByRole('button', { name: 'Gem kriterier' }).click();
    await page.getByText('Kriterier og krav er gemt').waitFor();
    const saved = await editorApi<{ requiredFields: string[]; criteria: string[] }>('GET', '/library/settings');
    expect(saved.requiredFields).not.toContain('vurdering');
    expect(saved.requiredFields).toHaveLength(5);
    expect(saved.criteria).toEqual(['Pædagogik før teknik', 'Eleverne giver hinanden feedback']);
    // a forløb without "vurdering" can now be submitted
    const partial = (await teacher<{ id: string }>('POST', '/library/items', { kind: 'forlob', title: 'Uden vurdering', fields: { ...FULL, vurdering: '' } })).id;
    const submitted = await teacher<{ status: string }>('POST', `/library/items/${partial}/submit`);
    expect(submitted.status).toBe('submitted');
  });

  it('the editorial group edits a glossary term in place', async () => {
    await editorApi('POST', '/library/glossary', { term: 'Kantsøm', definition: 'En søm langs en kant' });
    const page = await h.newPage();
    await signIn(page, 'redaktion@demo.example');
    await page.goto('/videndeling/ordliste');
    await page.getByRole('button', { name: 'Rediger Kantsøm' }).click();
    const form = page.getByRole('form', { name: 'Rediger Kantsøm' });
    await form.getByLabel('Definition').fill('En svejsesøm langs kanten af to plader');
    await form.getByRole('button', { name: 'Gem' }).click();
    await page.getByText('En svejsesøm langs kanten af to plader').waitFor();
    const terms = await editorApi<{ term: string; definition: string }[]>('GET', '/library/glossary');
    expect(terms.find((t) => t.term === 'Kantsøm')?.definition).toBe('En svejsesøm langs kanten af to plader');
    // a teacher reads it but cannot edit
    const reader = await h.newPage();
    await signIn(reader, 'laerer@demo.example');
    await reader.goto('/videndeling/ordliste');
    await reader.getByText('En svejsesøm langs kanten af to plader').waitFor();
    expect(await reader.getByRole('button', { name: 'Rediger Kantsøm' }).count()).toBe(0);
  });

  it('linked materials are reordered with the keyboard and the order is saved', async () => {
    const m1 = (await teacher<{ id: string }>('POST', '/library/items', { kind: 'material', title: 'Video om kantsøm', url: 'https://example.org/video' })).id;
    const m2 = (await teacher<{ id: string }>('POST', '/library/items', { kind: 'material', title: 'Tjekliste til feedback', url: 'https://example.org/tjek' })).id;
    const f = (await teacher<{ id: string }>('POST', '/library/items', { kind: 'forlob', title: 'Rækkefølge-forløb', fields: FULL, materialIds: [m1, m2] })).id;
    const page = await h.newPage();
    await signIn(page, 'laerer@demo.example');
    await page.goto(`/videndeling/${f}/rediger`);
    const up = page.getByRole('button', { name: 'Flyt «Tjekliste til feedback» op' });
    await up.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '«Tjekliste til feedback» er nu nummer 1' }).waitFor();
    // the focus stays with the moved material (now first: its "down" button)
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Flyt «Tjekliste til feedback» ned');
    expect(await page.getByTestId('material-order').locator('li').allInnerTexts()).toEqual(['Tjekliste til feedback', 'Video om kantsøm']);
    await page.getByRole('button', { name: 'Gem kladde' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rækkefølge-forløb' }).waitFor();
    const saved = await teacher<{ materials: { id: string }[] }>('GET', `/library/items/${f}`);
    expect(saved.materials.map((m) => m.id)).toEqual([m2, m1]);
  });

  it('a shared item opens read-only from the network library; the coordinator features and withdraws it', async () => {
    const id = (await teacher<{ id: string }>('POST', '/library/items', { kind: 'forlob', title: 'Netværksforløb om svejsning', summary: 'Delt med netværket', fields: FULL, licence: 'cc_by' })).id;
    await teacher('POST', `/library/items/${id}/submit`);
    await editorApi('POST', `/library/items/${id}/take`);
    await editorApi('POST', `/library/items/${id}/decision`, { decision: 'approve', toNetwork: true });

    const page = await h.newPage();
    await signIn(page, 'koordinator@demo.example');
    await page.goto('/videndeling/netvaerk');
    await page.getByRole('link', { name: 'Netværksforløb om svejsning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Netværksforløb om svejsning' }).waitFor();
    expect(await page.getByText(/Delt af /).first().innerText()).toMatch(/Delt af/);
    expect(await page.getByTestId('network-field-maal').innerText()).toBe('c');
    await page.getByRole('button', { name: 'Fremhæv', exact: true }).click();
    await page.getByText('Fremhævet', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Træk tilbage' }).click();
    await page.getByText('Trukket tilbage', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Gendan' }).waitFor();
    // no editing controls on another school's item
    expect(await page.getByRole('link', { name: 'Rediger', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Tilpas til min skole' }).count()).toBe(0);
  });
});
