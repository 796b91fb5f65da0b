import { beforeAll, describe, expect, it } from 'vitest';
import { dataLines, type DanishSpeller } from './spellcheck-engine';
import { speller, spellCheck } from './spellcheck';

/**
 * What the Danish spell check knows, on the data in spelling/ (README.md there): the most frequent
 * Danish words pass, common misspellings are caught with the right suggestion, the library's
 * vocabulary passes, and a glossary's words count for one check only.
 */
let spell: DanishSpeller;
beforeAll(async () => {
  spell = await speller();
}, 60_000);

const flagged = async (text: string, accepted: string[] = []) => (await spellCheck({ text }, { accepted, suggestBudgetMs: 0 })).map((i) => i.word);

describe('Danish words', () => {
  it('marks none of the 1,000+ most frequent Danish words, in lower case or at the start of a sentence', async () => {
    const words = dataLines('frequent-words.da.txt').map(([w]) => w ?? '');
    expect(words.length).toBeGreaterThanOrEqual(1_000);
    expect(await flagged(words.join(' '))).toEqual([]);
    expect(await flagged(words.map((w) => `${w.charAt(0).toUpperCase()}${w.slice(1)}.`).join(' '))).toEqual([]);
  });

  it('knows the words nspell marked, and marks "Elverne" with "Eleverne" first', async () => {
    expect(await flagged('Eleverne har svært ved at se, give og tage imod feedback på deres eget arbejde og hinandens, men de hjælper hinanden.')).toEqual([]);
    const [issue] = await spellCheck({ maal: 'Elverne svejser en kantsøm.' });
    expect(issue).toMatchObject({ field: 'maal', word: 'Elverne', count: 1 });
    expect(issue?.suggestions[0]).toBe('Eleverne');
    expect(spell.suggest('elverne')[0]).toBe('eleverne');
  });

  it('accepts abbreviations written with their full stops', async () => {
    expect(await flagged('Eleverne svejser bl.a. kantsømme, dvs. sømme langs en kant, f.eks. i værkstedet osv.')).toEqual([]);
  });

  it('accepts every word of the library vocabulary, with the inflections of its model word', async () => {
    const vocabulary = dataLines('vocabulary.txt');
    expect(vocabulary.length).toBeGreaterThanOrEqual(70);
    for (const [word] of vocabulary) expect(spell.correct(word ?? ''), word).toBe(true);
    expect(await flagged('Forløbet bruger IDV\'s kurser, Canvas-modulet, Elevplan og videndelingen om praktikmål; feedforwarden gives i webinarrækken.')).toEqual([]);
  });

  it('refuses the compounds that hide a common typo (compound-typos.txt)', () => {
    for (const typo of ['desvære', 'overasket', 'egenlig', 'forhåbenlig', 'vejleding', 'selvføllig', 'sammenlinge']) expect(spell.correct(typo), typo).toBe(false);
    expect(spell.suggest('desvære')[0]).toBe('desværre');
  });
});

describe('suggestions', () => {
  // at least 80 % with the right word first, and at least 95 % with it among the suggestions
  it('catches the common misspellings, with the right suggestion first in most of them', () => {
    const pairs = dataLines('misspellings.da.txt');
    expect(pairs.length).toBeGreaterThanOrEqual(30);
    const missed: string[] = [];
    let first = 0;
    let among = 0;
    for (const [typo = '', meant = ''] of pairs) {
      expect(spell.correct(typo), typo).toBe(false);
      const suggestions = spell.suggest(typo);
      if (suggestions[0] === meant) first++;
      else missed.push(`${typo} → ${suggestions.slice(0, 3).join(', ')}`);
      if (suggestions.includes(meant)) among++;
    }
    expect(first / pairs.length, missed.join('; ')).toBeGreaterThanOrEqual(0.8);
    expect(among / pairs.length, missed.join('; ')).toBeGreaterThanOrEqual(0.95);
  }, 180_000);
});

describe('words accepted for one check (a glossary)', () => {
  it('accepts them during the check only, again the next time, and in lower case when only capitalised', async () => {
    const text = 'Svejsning med Kvorksøm og kvorksøm, på GRAPHA-maskinen og med MigMag';
    expect(await flagged(text)).toEqual(['Kvorksøm', 'kvorksøm', 'GRAPHA-maskinen', 'MigMag']);
    expect(await flagged(text, ['Kvorksøm', 'GRAPHA', 'MigMag'])).toEqual([]);
    expect(await flagged(text)).toEqual(['Kvorksøm', 'kvorksøm', 'GRAPHA-maskinen', 'MigMag']);
    expect(await flagged(text, ['Kvorksøm'])).toEqual(['GRAPHA-maskinen', 'MigMag']);
    expect(await flagged('migmag og Grapha')).toEqual(['migmag', 'Grapha']);
  });

  it('suggests a glossary word for a near miss while it is accepted', async () => {
    const [issue] = await spellCheck({ maal: 'Svejs en kvorksømm' }, { accepted: ['Kvorksøm'] });
    expect(issue?.suggestions).toContain('kvorksøm');
    const [after] = await spellCheck({ maal: 'Svejs en kvorksømm' });
    expect(after?.suggestions ?? []).not.toContain('kvorksøm');
  });

  it('leaves the dictionary as it was: a glossary word that is already a Danish word stays one', async () => {
    await flagged('tekst', ['svejsning', 'Eleverne', 'desværre']);
    expect(await flagged('svejsning eleverne desværre Svejsningen')).toEqual([]);
  });
});
