import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe-scan';
import { type Harness, signIn, startHarness } from './harness';

/**
 * Spændingsfelter, live: the internal consultant creates a workshop with two pairs (one tagged with
 * a boundary type) and opens it; three participants join by its code on 375 px phones, without an
 * account, and answer with the sliders by keyboard; the facilitator sees only the count until the
 * third answer and then the distribution; revealed, the big screen shows it; locked, the
 * participants see "Låst" and cannot change their answer; the facilitator moves on to the next
 * pair and the phones follow. The third phone's WebSocket is refused (as by a school's proxy): it
 * reads the state over HTTP instead and takes part all the same. One server and one browser for
 * the whole file.
 */
const TITLE = 'Workshop om teknik og pædagogik';
const FIRST = 'Teknik – pædagogik';
const SECOND = 'Ensretning – variation';
const COMMENT = 'Vi mangler tid til at forberede os';
const PHONE = { width: 375, height: 740 };
/** How long a pushed change may take to arrive on a busy machine. */
const LIVE = { timeout: 10_000 };

describe('a live workshop from the facilitator’s screen to three phones', () => {
  let h: Harness;
  let facilitator: Page;
  let sessionUrl = '';
  let code = '';
  const phones: Page[] = [];
  const found: string[] = [];
  beforeAll(async () => {
    h = await startHarness();
    facilitator = await h.newPage();
  }, 240_000);
  afterAll(async () => {
    await h?.close();
  });

  it('the consultant creates a workshop with two pairs and opens it', async () => {
    await signIn(facilitator, 'konsulent@demo.example');
    await facilitator.getByRole('link', { name: 'Dialog', exact: true }).click();
    await facilitator.getByRole('heading', { name: 'Dialog om spændingsfelter', level: 1 }).waitFor();
    await facilitator.getByRole('link', { name: 'Ny workshop' }).first().click();
    await facilitator.getByLabel('Navn').fill(TITLE);
    await facilitator.getByRole('checkbox', { name: FIRST }).check();
    await facilitator.getByRole('checkbox', { name: SECOND }).check();
    await facilitator.getByRole('textbox', { name: `Grænsetype for ${FIRST}` }).click();
    await facilitator.getByRole('option', { name: 'Vertikale grænser' }).click();
    found.push(...(await seriousViolations(facilitator, 'new workshop')));
    await facilitator.getByRole('button', { name: 'Opret workshop' }).click();
    await facilitator.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect(await facilitator.getByText('Vertikale grænser').count()).toBe(1);
    sessionUrl = new URL(facilitator.url()).pathname;
    await facilitator.getByRole('button', { name: 'Åbn workshop' }).click();
    code = (await facilitator.getByTestId('join-code').textContent()) ?? '';
    expect(code).toMatch(/^[A-HJKMNP-Z]{6}$/);
    await facilitator.getByRole('img', { name: /QR-kode/ }).waitFor();
    // opening makes the first pair the current one
    await facilitator.getByTestId('current-item').getByRole('heading', { name: FIRST }).waitFor();
    found.push(...(await seriousViolations(facilitator, 'facilitator, live')));
  });

  it('three participants join by the code on their phones', async () => {
    for (let i = 0; i < 3; i++) {
      const phone = await h.newPage(PHONE);
      if (i === 2) await phone.routeWebSocket(/\/socket/, (ws) => ws.close());
      await phone.goto('/d');
      await phone.getByLabel('Kode').fill(code.toLowerCase());
      if (i === 0) await phone.getByLabel('Kaldenavn (valgfrit)').fill('Mette');
      await phone.getByRole('button', { name: 'Gå ind' }).click();
      await phone.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
      await phone.getByRole('slider', { name: /Hvor er vi nu\?/ }).waitFor();
      expect(new URL(phone.url()).pathname).toBe(`/d/${code}`);
      phones.push(phone);
    }
    await expect.poll(() => facilitator.getByTestId('participant-count').textContent(), LIVE).toBe('3 deltagere');
    expect(await facilitator.getByTestId('connection').getAttribute('data-mode')).toBe('live');
    expect(await phones[0]?.getByTestId('connection').getAttribute('data-mode')).toBe('live');
    await expect.poll(() => phones[2]?.getByTestId('connection').getAttribute('data-mode'), { timeout: 30_000 }).toBe('polling');
    const [first] = phones;
    if (!first) throw new Error('no phone');
    found.push(...(await seriousViolations(first, 'participant at 375')));
    // nothing is wider than the phone
    expect(await first.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  /** Moves both sliders by keyboard and waits for "Gemt". */
  async function answer(phone: Page, nowKey: string, wantedKey: string) {
    await phone.getByRole('slider', { name: /Hvor er vi nu\?/ }).focus();
    await phone.keyboard.press(nowKey);
    await phone.getByRole('slider', { name: /Hvor vil vi hen\?/ }).focus();
    await phone.keyboard.press(wantedKey);
    await phone.getByTestId('save-state').getByText('Gemt').waitFor();
  }

  it('the facilitator sees the count under three answers and the distribution from the third', async () => {
    const [a, b, c] = phones;
    if (!a || !b || !c) throw new Error('three phones');
    await answer(a, 'Home', 'End');
    await answer(b, 'ArrowRight', 'ArrowLeft');
    const plot = facilitator.getByTestId('current-item').getByTestId('plot-now');
    await expect.poll(() => plot.getAttribute('data-count'), LIVE).toBe('2');
    expect(await plot.getAttribute('data-shown')).toBe('false');
    await plot.getByText('2 svar – fordelingen vises fra tre').waitFor();
    await answer(c, 'Home', 'End');
    await expect.poll(() => plot.getAttribute('data-shown'), LIVE).toBe('true');
    expect(await plot.getAttribute('data-count')).toBe('3');
    await facilitator.getByTestId('current-item').getByTestId('shift').waitFor();
  });

  it('revealed, the big screen shows the distribution (the participants see it too) and an approved comment once shown', async () => {
    const screen = await facilitator.context().newPage();
    await screen.goto(`${sessionUrl}/skaerm`);
    await screen.getByTestId('screen-pair').getByText(FIRST).waitFor();
    expect(await screen.getByTestId('screen-code').textContent()).toBe(code);
    await screen.getByTestId('screen-waiting').waitFor();
    await facilitator.getByRole('button', { name: 'Vis på storskærmen' }).click();
    await expect.poll(() => screen.getByTestId('plot-now').getAttribute('data-shown'), LIVE).toBe('true');
    expect(await screen.getByTestId('screen').getByRole('button').count()).toBe(0);
    const [a] = phones;
    if (!a) throw new Error('no phone');
    await a.getByRole('heading', { name: 'Sådan svarede I' }).waitFor();
    // a comment reaches the big screen only approved and shown, with its nickname
    await a.getByLabel('Kommentar (valgfri)').fill(COMMENT);
    await a.getByRole('button', { name: 'Send kommentar' }).click();
    await a.getByText('Tak. Din kommentar venter på godkendelse.').waitFor();
    const moderation = facilitator.getByTestId('moderation');
    await moderation.getByText(COMMENT).waitFor();
    expect(await screen.getByText(COMMENT).count()).toBe(0);
    await moderation.getByRole('button', { name: 'Godkend' }).click();
    await facilitator.getByRole('button', { name: 'Vis kommentarer' }).click();
    await screen.getByTestId('comments').getByText(COMMENT).waitFor();
    await screen.getByTestId('comments').getByText('– Mette').waitFor();
    found.push(...(await seriousViolations(screen, 'big screen')));
    await screen.close();
  });

  it('locked, a participant sees "Låst" and cannot change the answer', async () => {
    const [a] = phones;
    if (!a) throw new Error('no phone');
    await facilitator.getByRole('button', { name: 'Lås svarene' }).click();
    await a.getByTestId('locked').getByText('Låst').waitFor();
    const now = a.getByTestId('slider-now');
    const before = await now.getAttribute('data-value');
    await a.getByRole('slider', { name: /Hvor er vi nu\?/ }).focus();
    await a.keyboard.press('End');
    await a.waitForTimeout(600);
    expect(await now.getAttribute('data-value')).toBe(before);
  });

  it('the facilitator moves on and the phones follow; a reload restores the participant', async () => {
    await facilitator.getByRole('button', { name: 'Næste begrebspar' }).click();
    for (const phone of phones) await phone.getByRole('heading', { name: SECOND }).waitFor();
    const [a] = phones;
    if (!a) throw new Error('no phone');
    await answer(a, 'End', 'End');
    await a.reload();
    await a.getByRole('heading', { name: SECOND }).waitFor();
    expect(await a.getByTestId('slider-now').getAttribute('data-value')).toBe('100');
    await a.getByText('Du er med som Mette.').waitFor();
    expect(found).toEqual([]);
  });
});
