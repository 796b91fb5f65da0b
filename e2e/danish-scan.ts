import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { englishWordsIn } from './english-words';

/**
 * What the Danish UI shows, read from the rendered page: its text (SVG chart text too), the
 * document title and the attributes a screen reader or a tooltip reads out, checked against the
 * shipped list of English words (e2e/data/english-words.txt), for raw i18n keys, and for buttons
 * and links without an accessible name. Not read as UI words: machine data shown as code (the
 * log's changes), the title of a cited work (<cite>) and a part marked with another language.
 */

/** The locale files' top-level sections: "fields.general" on a page is a key shown instead of its text. */
const NAMESPACES = Object.keys(JSON.parse(readFileSync(new URL('../src/web/locales/da.json', import.meta.url), 'utf8')) as object);
const RAW_KEY = new RegExp(`(?<![\\w./@-])(?:${NAMESPACES.join('|')})\\.[A-Za-z_]\\w*(?:\\.\\w+)*(?![\\w/@-])`, 'g');

export const rawKeysIn = (text: string): string[] => [...text.matchAll(RAW_KEY)].map((m) => m[0]);

export type Reading = { texts: string[]; unnamed: string[] };

/** Everything the page says, and every button or link that has no accessible name. */
export function readPage(page: Page): Promise<Reading> {
  return page.evaluate(() => {
    const texts: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement?.closest('script, style, noscript, template, code, pre, cite, [lang]:not([lang^="da"])')) continue;
      const s = n.textContent?.trim();
      if (s) texts.push(s);
    }
    const attributes = ['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription', 'aria-valuetext'];
    for (const el of document.querySelectorAll(attributes.map((a) => `[${a}]`).join(','))) {
      for (const a of attributes) {
        const v = el.getAttribute(a)?.trim();
        if (v) texts.push(v);
      }
    }
    const unnamed: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('button, [role="button"], a[href]')) {
      if (el.closest('[aria-hidden="true"], [inert]')) continue;
      const labelledBy = (el.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
        .join(' ');
      const images = [...el.querySelectorAll('img[alt], svg title')].map((i) => (i instanceof HTMLImageElement ? i.alt : (i.textContent ?? ''))).join(' ');
      const name = [el.getAttribute('aria-label') ?? '', labelledBy, el.textContent ?? '', el.getAttribute('title') ?? '', images].join(' ').trim();
      if (!name) unnamed.push(el.outerHTML.slice(0, 200));
    }
    return { texts, unnamed };
  });
}

/** What is wrong with one reading: English words, raw keys, unnamed buttons, each naming where it was seen. */
export function problemsIn(where: string, reading: Reading): string[] {
  const problems = new Set<string>();
  for (const text of reading.texts) {
    for (const word of englishWordsIn(text)) problems.add(`${where}: English "${word}" in "${text.slice(0, 120)}"`);
    for (const key of rawKeysIn(text)) problems.add(`${where}: raw key "${key}" in "${text.slice(0, 120)}"`);
  }
  for (const html of reading.unnamed) problems.add(`${where}: a button or link without a name: ${html}`);
  return [...problems];
}
