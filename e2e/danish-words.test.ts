import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Reading, problemsIn, readPage } from './danish-scan';
import { type Harness, apiSession, signIn, startHarness } from './harness';

/**
 * The Danish UI speaks Danish: each role signs in on the demo school (with its strategy, library
 * and competence content) and reads its Min side, the pages of its navigation no role before it
 * has read (the roles allowed most go first) and the main detail pages: an initiative with its
 * indicator chart, the årshjul, a forløb returned with the editorial group's comments, the library
 * editor with its toolbar and link editor, the review screen, a person.
 * Nothing it shows or reads out (text, chart text, document title, aria-label, title, placeholder,
 * alt) may be a word of e2e/data/english-words.txt or a raw i18n key, and every button and link
 * has an accessible name. One server and one browser for the file.
 */
const FULL = { laeringsforudsaetninger: '<p>Eleverne kan svejse.</p>', rammefaktorer: '<p>Værkstedet.</p>', maal: '<p>Kantsømme.</p>', indhold: '<p>Svejsning.</p>', laereprocesser: '<p>Makkerarbejde.</p>', vurdering: '<p>Tjekliste.</p>' };

const QUIET_MS = 300;

type Visit = { email: string; extra: () => string[] };

describe('the Danish UI has no English words, no raw keys and no unnamed buttons', () => {
  let h: Harness;
  const ids = { initiative: '', returned: '', inReview: '', published: '', person: '' };

  beforeAll(async () => {
    const { seedDemoModules } = await import('../src/server/seed/demo-modules');
    h = await startHarness({ seed: seedDemoModules });
    const teacher = await apiSession(h.baseUrl, 'laerer@demo.example');
    const editor = await apiSession(h.baseUrl, 'redaktion@demo.example');
    const director = await apiSession(h.baseUrl, 'direktion@demo.example');
    const admin = await apiSession(h.baseUrl, 'admin@demo.example');
    // a forløb sent back with a general comment and a comment on a field: the author reads both
    ids.returned = (await teacher<{ id: string }>('POST', '/library/items', { kind: 'forlob', title: 'Kantsømme i praksis', fields: FULL, licence: 'cc_by' })).id;
    await teacher('POST', `/library/items/${ids.returned}/submit`);
    await editor('POST', `/library/items/${ids.returned}/take`);
    await editor('POST', `/library/items/${ids.returned}/decision`, { decision: 'return', feedback: 'Godt begyndt.', fieldComments: { general: 'Tilføj en tidsplan.', maal: 'Gør målet målbart.' } });
    // a forløb the editorial group has taken: the review screen
    ids.inReview = (await teacher<{ id: string }>('POST', '/library/items', { kind: 'forlob', title: 'Logbog i praktikken', fields: FULL })).id;
    await teacher('POST', `/library/items/${ids.inReview}/submit`);
    await editor('POST', `/library/items/${ids.inReview}/take`);
    // a published demo forløb with glossary terms linked in its text
    ids.published = (await teacher<{ items: { id: string; status: string; kind: string }[] }>('GET', '/library/items')).items.find((i) => i.status === 'published' && i.kind === 'forlob')?.id ?? '';
    // the demo initiative with an indicator and its measurements (a time axis)
    for (const i of await director<{ id: string }[]>('GET', '/initiatives')) {
      const detail = await director<{ indicators: { measurements: unknown[] }[] }>('GET', `/initiatives/${i.id}`);
      if (detail.indicators.some((ind) => ind.measurements.length > 1)) {
        ids.initiative = i.id;
        break;
      }
    }
    ids.person = (await admin<{ items: { id: string }[] }>('GET', '/people?q=Lone')).items[0]?.id ?? '';
    expect(Object.values(ids).every(Boolean), JSON.stringify(ids)).toBe(true);
  });
  afterAll(async () => {
    await h?.close();
  });

  /**
   * Moves within the signed-in app the way its own links do (no reload: the bundle is parsed once
   * per role), then waits until the page's requests (its chunk, its data, a chart's code) have
   * been quiet for a moment, and reads it.
   */
  async function read(page: Page, path: string, quiet: () => Promise<void>): Promise<Reading> {
    await page.evaluate((to) => {
      window.history.pushState(null, '', to);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, path);
    await page.waitForURL((url) => `${url.pathname}${url.search}` === path);
    await quiet();
    await page.locator('h1').first().waitFor();
    return readPage(page);
  }

  /** Resolves once no request of the page has been open for QUIET_MS. */
  function requestsOf(page: Page): () => Promise<void> {
    let open = 0;
    let last = Date.now();
    const start = () => {
      open += 1;
      last = Date.now();
    };
    const end = () => {
      open -= 1;
      last = Date.now();
    };
    page.on('request', start);
    page.on('requestfinished', end);
    page.on('requestfailed', end);
    return async () => {
      const deadline = Date.now() + 15_000;
      while ((open > 0 || Date.now() - last < QUIET_MS) && Date.now() < deadline) await page.waitForTimeout(QUIET_MS / 4);
    };
  }

  /** The role's Min side, the entries of its navigation no earlier role has read, and its detail pages. */
  async function visitAll(visit: Visit, seen: Set<string>): Promise<string[]> {
    const page = await h.newPage();
    const quiet = requestsOf(page);
    await signIn(page, visit.email);
    const nav = await page.getByRole('navigation', { name: 'Hovedmenu' }).locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const paths = [...new Set(['/', ...nav.filter((p) => p.startsWith('/') && !seen.has(p)), ...visit.extra()])];
    const problems: string[] = [];
    for (const path of paths) {
      seen.add(path);
      problems.push(...problemsIn(`${visit.email} ${path}`, await read(page, path, quiet)));
    }
    await page.context().close();
    return problems;
  }

  /** The library editor's toolbar, and the link editor it opens. */
  async function editorToolbar(): Promise<string[]> {
    const page = await h.newPage();
    await signIn(page, 'laerer@demo.example');
    const quiet = requestsOf(page);
    const path = `/videndeling/${ids.returned}/rediger`;
    const problems = problemsIn(`toolbar ${path}`, await read(page, path, quiet));
    await page.getByTestId('rich-field-maal').click();
    const toolbar = page.locator('.mantine-RichTextEditor-toolbar').first();
    await toolbar.locator('button').first().waitFor();
    const buttons = await toolbar.locator('button').count();
    expect(buttons).toBeGreaterThanOrEqual(7);
    // the link control opens a small form (its input, placeholder and buttons)
    await toolbar.locator('button').nth(5).click();
    await page.locator('.mantine-RichTextEditor-linkEditor').waitFor();
    problems.push(...problemsIn(`link editor ${path}`, await readPage(page)));
    await page.context().close();
    return problems;
  }

  it('every role’s pages, in Danish', { timeout: 180_000 }, async () => {
    const visits: Visit[] = [
      { email: 'direktion@demo.example', extra: () => [`/strategi/indsatser/${ids.initiative}`] },
      { email: 'admin@demo.example', extra: () => [`/admin/personer/${ids.person}`, '/admin/personer/ny'] },
      { email: 'leder@demo.example', extra: () => [] },
      { email: 'laerer@demo.example', extra: () => [`/videndeling/${ids.returned}`, `/videndeling/${ids.published}`, '/videndeling/ny', `/strategi/indsatser/${ids.initiative}`] },
      { email: 'redaktion@demo.example', extra: () => [`/videndeling/${ids.inReview}`, '/videndeling/review'] },
      { email: 'elev@demo.example', extra: () => [] },
      { email: 'praktik@demo.example', extra: () => [] },
      { email: 'koordinator@demo.example', extra: () => [] },
    ];
    const problems: string[] = [];
    // one role after the other: a page of the navigation is read once, by the first role (the one allowed most) that has it
    const seen = new Set<string>();
    for (const visit of visits) problems.push(...(await visitAll(visit, seen)));
    problems.push(...(await editorToolbar()));
    expect(problems).toEqual([]);
  });
});
