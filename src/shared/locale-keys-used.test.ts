import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Every key the web app asks for exists in both locale files, so no page shows a raw key such as
 * the raw key of a general review comment: each t('…') literal, each key written as a string
 * elsewhere (a navigation entry's label: 'nav.review'), and the fixed part of each
 * t(`prefix.${…}`), which must be a section of texts. A key built entirely at run time (a field's
 * name from the server) needs its own test, as the library's field labels have.
 */
type Tree = { [k: string]: string | Tree };
const load = (l: string) => JSON.parse(readFileSync(new URL(`../web/locales/${l}.json`, import.meta.url), 'utf8')) as Tree;
const locales = { da: load('da'), en: load('en') };
const node = (tree: Tree, key: string) => key.split('.').reduce<string | Tree | undefined>((n, p) => (typeof n === 'object' ? n[p] : undefined), tree);
/** A text, or a plural (key_one, key_other) as i18next reads it with a count. */
const isText = (tree: Tree, key: string) => typeof node(tree, key) === 'string' || (typeof node(tree, `${key}_one`) === 'string' && typeof node(tree, `${key}_other`) === 'string');

const webDir = new URL('../web/', import.meta.url);
const sources = readdirSync(webDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts') && !f.startsWith('test/'))
  // comments may quote a key (or a raw key the code once showed); only the code counts
  .map((file) => ({ file, src: readFileSync(new URL(file, webDir), 'utf8').replace(/\/\*[^]*?\*\/|(?<![:'"`])\/\/.*$/gm, '') }));

const namespaces = Object.keys(locales.da);
const KEY = `(?:${namespaces.join('|')})\\.[A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*`;

function used() {
  const keys = new Map<string, string>();
  const sections = new Map<string, string>();
  for (const { file, src } of sources) {
    for (const m of src.matchAll(new RegExp(`\\bt\\(\\s*['"\`](${KEY})['"\`]`, 'g'))) keys.set(m[1] ?? '', file);
    // a key kept in a string (label: 'nav.review'); not a value compared with === (an item's kind, 'competence.session')
    for (const m of src.matchAll(new RegExp(`(?<![=!]==\\s*)['"](${KEY})['"]`, 'g'))) keys.set(m[1] ?? '', file);
    for (const m of src.matchAll(new RegExp(`\\bt\\(\\s*\`((?:${namespaces.join('|')})(?:\\.[A-Za-z0-9_]+)*)\\.\\$\\{`, 'g'))) sections.set(m[1] ?? '', file);
  }
  return { keys, sections };
}

describe('every key the web app uses exists', () => {
  const { keys, sections } = used();
  it('finds the keys', () => {
    expect(keys.size).toBeGreaterThan(500);
    expect(sections.size).toBeGreaterThan(20);
    expect(keys.has('nav.review')).toBe(true);
    expect(sections.has('library.relation')).toBe(true);
  });
  for (const [lang, tree] of Object.entries(locales)) {
    it(`as a text in ${lang}`, () => {
      const missing = [...keys].filter(([key]) => !isText(tree, key)).map(([key, file]) => `${file}: ${key}`);
      expect(missing).toEqual([]);
    });
    it(`as a section of texts in ${lang} where the key is built (t(\`section.\${…}\`))`, () => {
      const missing = [...sections].filter(([section]) => typeof node(tree, section) !== 'object').map(([section, file]) => `${file}: ${section}.…`);
      expect(missing).toEqual([]);
    });
  }
});
