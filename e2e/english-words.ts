import { readFileSync } from 'node:fs';

/**
 * The shipped list of English UI words (e2e/data/english-words.txt, its curation in its header)
 * and the one way to find them in a text: the browser scan of the Danish UI and the check of the
 * Danish locale file both use it.
 */
const list = readFileSync(new URL('./data/english-words.txt', import.meta.url), 'utf8')
  .split('\n')
  .map((l) => l.trim().toLowerCase())
  .filter((l) => l && !l.startsWith('#'));
const EXACT = new Set(list.filter((w) => !w.endsWith('*')));
const PREFIXES = list.filter((w) => w.endsWith('*')).map((w) => w.slice(0, -1));

/** Words are runs of letters, with hyphens or apostrophes inside: "check-in", "e-mail", "STIL's". */
const WORD = /\p{L}+(?:['’-]\p{L}+)*/gu;
/** Not words of the UI: e-mail addresses, web addresses and {{placeholders}}. */
const NOT_WORDS = /\S+@\S+|https?:\/\/\S+|\{\{\w+\}\}/g;

export function englishWordsIn(text: string): string[] {
  const found: string[] = [];
  for (const [word] of text.replace(NOT_WORDS, ' ').matchAll(WORD)) {
    const w = word.toLowerCase();
    if (EXACT.has(w) || PREFIXES.some((p) => w.startsWith(p))) found.push(word);
  }
  return found;
}
