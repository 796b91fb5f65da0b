import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan, seriousViolations } from './axe-scan';
import { type Harness, apiSession, signIn, startHarness } from './harness';

describe('axe: library pages', () => {
  let h: Harness;
  let itemId = '';
  let reviewId = '';
  let networkId = '';
  let schoolId = '';
  beforeAll(async () => {
    h = await startHarness();
    const teacher = await apiSession(h.baseUrl, 'laerer@demo.example');
    const full = { laeringsforudsaetninger: '<p>a</p>', rammefaktorer: '<p>b</p>', maal: '<p>c</p>', indhold: '<p>d</p>', laereprocesser: '<p>e</p>', vurdering: '<p>f</p>' };
    itemId = (await teacher<{ id: string }>('POST', '/library/items', { kind: 'forlob', title: 'Axe-forløb', fields: full, licence: 'cc_by', tags: { fag: ['Svejsning'] } })).id;
    reviewId = (await teacher<{ id: string }>('POST', '/library/items', { kind: 'forlob', title: 'Til review', fields: full })).id;
    await teacher('POST', `/library/items/${reviewId}/submit`);
    const editor = await apiSession(h.baseUrl, 'redaktion@demo.example');
    await editor('POST', `/library/items/${reviewId}/take`);
    await editor('POST', '/library/glossary', { term: 'Relationsmodellen', definition: 'Hiim & Hippes didaktiske model' });
    // a published forløb shared with the network (for the network item page)
    networkId = (await teacher<{ id: string }>('POST', '/library/items', { kind: 'forlob', title: 'Delt forløb', fields: full, licence: 'cc_by' })).id;
    await teacher('POST', `/library/items/${networkId}/submit`);
    await editor('POST', `/library/items/${networkId}/take`);
    await editor('POST', `/library/items/${networkId}/decision`, { decision: 'approve', toNetwork: true });
    schoolId = (await teacher<{ items: { id: string; schoolId: string }[] }>('GET', '/library/network')).items.find((i) => i.id === networkId)?.schoolId ?? '';
    // a forløb with linked materials (the reorder list on the edit page)
    const material = (await teacher<{ id: string }>('POST', '/library/items', { kind: 'material', title: 'Axe-materiale', url: 'https://example.org/m' })).id;
    await teacher('PATCH', `/library/items/${itemId}`, { materialIds: [material] });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('teacher pages, including the spell check result, have no serious violations', async () => {
    const page = await h.newPage();
    await signIn(page, 'laerer@demo.example');
    const found = await scan(page, ['/videndeling', '/videndeling?q=zzzz', '/videndeling/ny', '/videndeling/ny?type=material', `/videndeling/${itemId}`, `/videndeling/${itemId}/rediger`, '/videndeling/ordliste', '/videndeling/netvaerk', `/videndeling/netvaerk/${schoolId}/${networkId}`]);
    await page.goto(`/videndeling/${itemId}`);
    await page.getByRole('button', { name: 'Stavekontrol' }).click();
    await page.getByTestId('spell-result').waitFor();
    found.push(...(await seriousViolations(page, 'spell check')));
    expect(found).toEqual([]);
  });

  it('the editorial review screen, queue and glossary management have no serious violations', async () => {
    const page = await h.newPage();
    await signIn(page, 'redaktion@demo.example');
    const found = await scan(page, ['/videndeling/review', `/videndeling/${reviewId}`, '/videndeling/ordliste', '/videndeling/indstillinger']);
    // the glossary term in edit mode
    await page.goto('/videndeling/ordliste');
    await page.getByRole('button', { name: 'Rediger Relationsmodellen' }).click();
    await page.getByRole('form', { name: 'Rediger Relationsmodellen' }).waitFor();
    found.push(...(await seriousViolations(page, 'glossary edit')));
    expect(found).toEqual([]);
  });

  it('the network coordinator’s shared library has no serious violations', async () => {
    const page = await h.newPage();
    await signIn(page, 'koordinator@demo.example');
    expect(await scan(page, ['/videndeling/netvaerk', `/videndeling/netvaerk/${schoolId}/${networkId}`])).toEqual([]);
  });
});
