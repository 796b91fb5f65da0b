import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, apiSession, signIn, startHarness } from './harness';

const FIELDS = {
  laeringsforudsaetninger: 'Eleverne kan svejse en enkel stumpsøm.',
  rammefaktorer: 'Værkstedet, fire svejseborde og Canvas.',
  maal: 'Eleven kan give feedbak på en kantsøm.',
  indhold: 'Svejsning af kantsømme og kvalitetskriterier.',
  laereprocesser: 'Eleverne filmer hinanden og giver peer-feedback.',
  vurdering: 'Formativ vurdering ud fra en tjekliste.',
};

describe('journey: draft → spell check → share → submit → review → return → fix → approve → search → adapt', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a teacher drafts privately, the editorial group reviews, a colleague finds and adapts it', async () => {
    const page = await h.newPage();
    await signIn(page, 'laerer@demo.example');
    await page.getByRole('link', { name: 'Bibliotek', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Videndeling' }).waitFor();
    await page.getByRole('link', { name: 'Nyt forløb' }).first().click();
    await page.getByLabel('Titel').fill('Svejsning med video-feedback');
    await page.getByLabel('Resumé').fill('Peer-feedback på kantsømme i værkstedet');
    await page.getByRole('button', { name: 'Opret kladde' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rediger kladde' }).waitFor();
    for (const [f, text] of Object.entries(FIELDS)) {
      const editor = page.getByTestId(`rich-field-${f}`);
      await editor.click();
      await editor.pressSequentially(text);
    }
    await page.getByRole('button', { name: 'Gem kladde' }).click();
    await page.getByRole('heading', { level: 1, name: 'Svejsning med video-feedback' }).waitFor();
    expect(await page.getByTestId('item-status').innerText()).toMatch(/kladde/i);
    const itemUrl = page.url();

    // private spell check marks "feedbak"
    await page.getByRole('button', { name: 'Stavekontrol' }).click();
    const spell = page.getByTestId('spell-result');
    await spell.waitFor();
    expect(await spell.innerText()).toContain('feedbak');
    expect(await spell.innerText()).toContain('feedback');
    // fix it, share with the team, submit
    await page.getByRole('link', { name: 'Rediger', exact: true }).click();
    const maal = page.getByTestId('rich-field-maal');
    await maal.click();
    await page.keyboard.press('Control+A');
    await maal.pressSequentially('Eleven kan give feedback på en kantsøm.');
    await page.getByRole('button', { name: 'Gem kladde' }).click();
    await page.getByRole('button', { name: 'Del med team' }).click();
    await expect.poll(() => page.getByTestId('item-status').innerText()).toMatch(/delt med team/i);
    await page.getByRole('button', { name: 'Indsend til review' }).click();
    await expect.poll(() => page.getByTestId('item-status').innerText()).toMatch(/til review/i);

    // the editorial group: takes it, comments on a field, returns it
    const editor = await h.newPage();
    await signIn(editor, 'redaktion@demo.example');
    await editor.getByRole('link', { name: 'Til review', exact: true }).click();
    await editor.getByRole('link', { name: 'Svejsning med video-feedback' }).click();
    await editor.getByRole('button', { name: 'Tag til review' }).click();
    const panel = editor.getByTestId('review-panel');
    await panel.waitFor();
    await panel.getByLabel('Målene er klare og kan vurderes').check();
    await panel.getByLabel('Kommentar til Vurdering').fill('Beskriv tjeklisten');
    await panel.getByLabel('Tilbagemelding til forfatteren').fill('Fint forløb – uddyb vurderingen.');
    await panel.getByRole('button', { name: 'Send retur' }).click();
    // a returned item is the author's draft again: the reviewer is back at the queue
    await editor.getByRole('heading', { level: 1, name: 'Til review' }).waitFor();

    // the author sees the feedback per field, fixes and resubmits
    await page.goto(itemUrl);
    const feedback = page.getByTestId('review-feedback');
    await feedback.waitFor();
    expect(await feedback.innerText()).toContain('Beskriv tjeklisten');
    await page.getByRole('link', { name: 'Rediger', exact: true }).click();
    const vurdering = page.getByTestId('rich-field-vurdering');
    await vurdering.click();
    await page.keyboard.press('End');
    await vurdering.pressSequentially(' Tjeklisten har fem punkter.');
    await page.getByRole('button', { name: 'Gem kladde' }).click();
    await page.getByRole('button', { name: 'Indsend til review' }).click();
    await expect.poll(() => page.getByTestId('item-status').innerText()).toMatch(/til review/i);

    // approved by the editorial group
    await editor.goto(itemUrl);
    await editor.getByRole('button', { name: 'Tag til review' }).click();
    await editor.getByRole('button', { name: 'Godkend og publicér' }).click();
    await expect.poll(() => editor.getByTestId('item-status').innerText()).toMatch(/publiceret/i);
    // versions compare: the first submission against now shows the changed field
    await editor.getByRole('textbox', { name: 'Fra', exact: true }).click();
    await editor.getByRole('option', { name: /Version 1 – indsendt/ }).click();
    await editor.getByTestId('version-diff').waitFor();
    expect(await editor.getByTestId('version-diff').innerText()).toContain('Vurdering');

    // a colleague in another department finds it by "svejsning feedback" and adapts it
    const colleague = await h.newPage();
    await signIn(colleague, 'ambassador@demo.example');
    await colleague.goto('/videndeling');
    await colleague.getByLabel('Søg i biblioteket').fill('svejsning feedback');
    await colleague.getByTestId('library-results').getByRole('link', { name: 'Svejsning med video-feedback' }).click();
    await colleague.getByRole('button', { name: 'Tilpas til min klasse' }).click();
    await colleague.getByRole('heading', { level: 1, name: 'Rediger kladde' }).waitFor();
    await colleague.getByRole('button', { name: 'Gem kladde' }).click();
    const from = colleague.getByTestId('adapted-from');
    await from.waitFor();
    expect(await from.innerText()).toContain('Tilpasset fra «Svejsning med video-feedback» af Lone Lærer');

    // the original author sees that it is used
    await page.goto(itemUrl);
    await expect.poll(() => page.getByTestId('usage').innerText()).toContain('Tilpasset 1 gang');

    // nobody else can see the adapted draft
    const api = await apiSession(h.baseUrl, 'laerer@demo.example');
    const drafts = await api<{ total: number }>('GET', '/library/items?status=draft&q=svejsning');
    expect(drafts.total).toBe(0);
  }, 240_000);
});
