// The library's spell check on its own (no server): how long the Danish dictionary takes to load, and
// how long checking a typical item of about 1,500 words takes, clean and with 15 typos. Each run is a
// fresh Node process (the dictionary loads once per worker thread in the server); the figures are
// the median over the runs, one JSON line each.
//   node bench/spellcheck.mjs [runs=5]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emit, median, root, round } from './lib.mjs';

const source = join(root, 'src/server/features/library/spellcheck.ts');
const data = join(root, 'src/server/features/library/spelling');
const engine = readFileSync(source, 'utf8').includes("from 'nspell'") ? 'nspell' : 'hunspell-asm';

const lines = (name) =>
  readFileSync(join(data, name), 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean)
    .map((l) => l.split(/\s+/));

/**
 * A typical item: sentences of 12 words from the frequent Danish words and the library's vocabulary,
 * about 1,500 words over the title, the summary and the six relation-model fields; with `typos`,
 * every 100th word is one of the common misspellings instead.
 */
function item(typos) {
  const words = [...lines('frequent-words.da.txt').map(([w]) => w), ...lines('vocabulary.txt').map(([w]) => w)];
  const misspelt = lines('misspellings.da.txt').map(([w]) => w);
  const text = [];
  for (let i = 0; i < 1_500; i++) {
    const word = typos && i % 100 === 50 ? misspelt[(i / 100) | 0] : words[(i * 7_919) % words.length];
    text.push(i % 12 === 0 ? word[0].toUpperCase() + word.slice(1) : word);
    if (i % 12 === 11) text[text.length - 1] += '.';
  }
  const per = Math.ceil(text.length / 8);
  const parts = Array.from({ length: 8 }, (_, i) => text.slice(i * per, (i + 1) * per).join(' '));
  return Object.fromEntries(['title', 'summary', 'laeringsforudsaetninger', 'rammefaktorer', 'maal', 'indhold', 'laereprocesser', 'vurdering'].map((f, i) => [f, parts[i]]));
}

async function child() {
  const t0 = performance.now();
  const { speller, spellCheck } = await import(source);
  const t1 = performance.now();
  const spell = await speller();
  const loadMs = performance.now() - t1;
  const timed = async (texts) => {
    const s = performance.now();
    const issues = await spellCheck(texts);
    return { ms: performance.now() - s, issues };
  };
  const clean = [];
  const typo = [];
  let cleanIssues = 0;
  let typoIssues = [];
  for (let i = 0; i < 3; i++) {
    const c = await timed(item(false));
    clean.push(c.ms);
    cleanIssues = c.issues.length;
    const t = await timed(item(true));
    typo.push(t.ms);
    typoIssues = t.issues;
  }
  const suggest = lines('misspellings.da.txt')
    .slice(0, 10)
    .map(([w]) => {
      const s = performance.now();
      spell.suggest(w);
      return performance.now() - s;
    });
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  console.log(
    JSON.stringify({
      importMs: t1 - t0,
      loadMs,
      cleanMs: median(clean),
      cleanIssues,
      typoMs: median(typo),
      typoIssues: typoIssues.length,
      typoSuggested: typoIssues.filter((i) => i.suggestions.length).length,
      suggestMs: median(suggest),
      rssMb,
    }),
  );
}

if (process.argv[2] === '--child') {
  await child();
} else {
  const runs = Number(process.argv[2] ?? 5);
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--child'], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`run ${i} failed: ${r.stderr}`);
    results.push(JSON.parse(r.stdout.trim().split('\n').at(-1)));
  }
  const m = (k, d = 1) => round(median(results.map((r) => r[k])), d);
  const all = (k) => results.map((r) => round(r[k]));
  emit({ figure: 'spellcheck_dictionary_load_ms', engine, median: m('loadMs'), runs: all('loadMs') });
  emit({ figure: 'spellcheck_1500_words_clean_ms', engine, median: m('cleanMs'), words_marked: m('cleanIssues', 0), runs: all('cleanMs') });
  emit({ figure: 'spellcheck_1500_words_15_typos_ms', engine, median: m('typoMs'), words_marked: m('typoIssues', 0), with_suggestions: m('typoSuggested', 0), runs: all('typoMs') });
  emit({ figure: 'spellcheck_suggest_one_word_ms', engine, median: m('suggestMs'), runs: all('suggestMs') });
  emit({ figure: 'spellcheck_process_rss_mb', engine, median: m('rssMb', 0) });
}
