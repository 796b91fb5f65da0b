import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { englishWordsIn } from '../../e2e/english-words';

/**
 * No Danish text says it in English: every value of da.json is checked against the same list of
 * English UI words the browser scan of the Danish UI uses (e2e/data/english-words.txt), so
 * "check-in" or "reviewer" is caught where it is written, before any page shows it.
 */
type Tree = { [k: string]: string | Tree };
const da = JSON.parse(readFileSync(new URL('../web/locales/da.json', import.meta.url), 'utf8')) as Tree;
const entries = (t: Tree, prefix = ''): [string, string][] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : entries(v, `${prefix}${k}.`)));

describe('the Danish locale file', () => {
  it('has no English UI words', () => {
    const found = entries(da).flatMap(([key, text]) => englishWordsIn(text).map((word) => `${key}: "${word}" in "${text}"`));
    expect(found).toEqual([]);
  });

  it('the check finds the words it is meant to find', () => {
    expect(englishWordsIn('Opfølgning (check-ins)')).toEqual(['check-ins']);
    expect(englishWordsIn('venter på en reviewer; reviewerens tjekliste')).toEqual(['reviewer', 'reviewerens']);
    expect(englishWordsIn('Til review hos redaktionen, skriv til ambassador@demo.example')).toEqual([]);
  });
});
