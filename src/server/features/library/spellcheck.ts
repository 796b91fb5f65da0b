import { eq } from 'drizzle-orm';
import { RELATION_FIELDS } from '../../../shared/api/library';
import type { Executor } from '../../db/client';
import { glossaryTerms, type RelationFields } from '../../db/schema/index';
import { AppError } from '../../platform/errors';
import { WorkerPool, WorkerTimeoutError } from '../../platform/worker-pool';
import { htmlToText } from './sanitize';
import { loadDanishSpeller, type DanishSpeller } from './spellcheck-engine';

/**
 * Spell check is bounded work in a worker thread of its own (spellcheck-worker.ts): checking a word
 * takes microseconds, but one suggestion takes Hunspell a third of a second or more over the Danish
 * dictionary (docs/library.md, Spell check). Suggestions are made for the first unknown words until
 * `suggestBudgetMs` is spent (about a dozen words; the rest are marked without suggestions), and at
 * most `maxIssues` words are marked.
 */
export const SPELLCHECK = {
  maxIssues: 300,
  suggestBudgetMs: 4_000,
  /** A word longer than this gets no suggestions. */
  maxSuggestLength: 20,
  /** The worker is stopped after a check this long (the dictionary is loaded before the first check, in under a second). */
  timeoutMs: 20_000,
  /** The glossary words a check accepts at most (from the school's first terms by name). */
  maxGlossaryTerms: 5_000,
  maxGlossaryWords: 10_000,
} as const;

let loading: Promise<DanishSpeller> | undefined;

/** The Danish speller, loaded once per thread (the spell-check worker's, when it starts). */
export function speller(): Promise<DanishSpeller> {
  loading ??= loadDanishSpeller();
  return loading;
}

export type SpellIssue = { field: string; word: string; count: number; suggestions: string[] };
export type SpellOptions = { accepted?: Iterable<string>; suggestBudgetMs?: number };

const WORD = /[\p{L}][\p{L}'-]*[\p{L}]|[\p{L}]/gu;
const checkable = (word: string) => word.length >= 2 && !/\d/.test(word);

/** The words of texts (a glossary's terms) that a check can take: letters only, two or more of them. */
export function wordsOf(texts: Iterable<string>, max: number = SPELLCHECK.maxGlossaryWords): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(WORD)) {
      if (words.size >= max) return [...words];
      if (checkable(m[0])) words.add(m[0]);
    }
  }
  return [...words];
}

/**
 * Marks words the dictionary does not know, per field, with up to three suggestions; `accepted`
 * words (the school's glossary) count as known for this check only. An abbreviation followed by its
 * full stop is checked with it ("bl.a.", "dvs."), as the dictionary writes it. The result goes back
 * to the author only: it is never stored or shown to anyone else.
 */
export async function spellCheck(texts: Record<string, string>, options: SpellOptions = {}): Promise<SpellIssue[]> {
  const spell = await speller();
  return spell.withWords(options.accepted ?? [], () => findIssues(spell, texts, options.suggestBudgetMs ?? SPELLCHECK.suggestBudgetMs));
}

function findIssues(spell: DanishSpeller, texts: Record<string, string>, suggestBudgetMs: number): SpellIssue[] {
  const issues: SpellIssue[] = [];
  const suggestCache = new Map<string, string[]>();
  const deadline = performance.now() + suggestBudgetMs;
  for (const [field, text] of Object.entries(texts)) {
    const seen = new Map<string, SpellIssue>();
    for (const m of text.matchAll(WORD)) {
      const word = m[0];
      if (!checkable(word)) continue;
      const existing = seen.get(word);
      if (existing) {
        existing.count++;
        continue;
      }
      if (spell.correct(word) || isAbbreviation(spell, text, m.index, word)) continue;
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

const ABBREVIATION_PART = /[\p{L}.]/u;

/** `word` at `start` is an abbreviation the dictionary writes with its full stops: "dvs.", "bl.a." (its run of letters and stops, up to 20 characters either side). */
function isAbbreviation(spell: DanishSpeller, text: string, start: number, word: string): boolean {
  const end = start + word.length;
  if (text[end] !== '.') return false;
  if (spell.correct(`${word}.`)) return true;
  let from = start;
  while (from > 0 && start - from < 20 && ABBREVIATION_PART.test(text[from - 1] ?? '')) from--;
  let to = end;
  while (to < text.length && to - end < 20 && ABBREVIATION_PART.test(text[to] ?? '')) to++;
  const run = text.slice(from, to);
  return run.endsWith('.') && spell.correct(run);
}

/** What the spell-check worker is given: an item's own text and its school's glossary words. */
export type SpellTask = { title: string; summary: string; fields: RelationFields; glossary: string[] };

/** The spell check of an item's own text: title, summary and the relation-model fields as plain text (run in the worker). */
export function spellCheckTexts(item: SpellTask): Promise<SpellIssue[]> {
  const texts: Record<string, string> = { title: item.title, summary: item.summary };
  for (const f of RELATION_FIELDS) texts[f] = htmlToText(item.fields[f] ?? '');
  return spellCheck(texts, { accepted: item.glossary });
}

/** The words of a school's glossary terms, read when a check starts, so a changed glossary counts at once. */
export async function glossaryWords(db: Executor, schoolId: string): Promise<string[]> {
  const rows = await db
    .select({ term: glossaryTerms.term })
    .from(glossaryTerms)
    .where(eq(glossaryTerms.schoolId, schoolId))
    .orderBy(glossaryTerms.term)
    .limit(SPELLCHECK.maxGlossaryTerms);
  return wordsOf(rows.map((r) => r.term));
}

let pool: WorkerPool<SpellTask, SpellIssue[]> | undefined;

/** The spell check of an item with its school's glossary, off the event loop; 503 when the worker gives up. */
export async function spellCheckItem(db: Executor, row: { schoolId: string; title: string; summary: string; fields: RelationFields }): Promise<SpellIssue[]> {
  const glossary = await glossaryWords(db, row.schoolId);
  pool ??= new WorkerPool({ source: new URL('./spellcheck-worker.ts', import.meta.url), bundle: 'spellcheck-worker.mjs' }, { size: 1, timeoutMs: SPELLCHECK.timeoutMs });
  try {
    return await pool.run({ title: row.title, summary: row.summary, fields: row.fields, glossary });
  } catch (e) {
    if (e instanceof WorkerTimeoutError) throw new AppError(503, 'busy', { headers: { 'retry-after': '30' } });
    throw e;
  }
}
