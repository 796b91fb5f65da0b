import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The log names every event and every kind of thing in words, in both languages: an action the
 * server writes ("library.review_started") or a resource type ("library_item") without a label
 * would show the administrator the server's English key. Actions are read from the server's
 * source (every 'x.y' literal on a line about an action); the few built from a template are listed.
 */
type Tree = { [k: string]: string | Tree };
const load = (l: string) => JSON.parse(readFileSync(new URL(`../../locales/${l}.json`, import.meta.url), 'utf8')) as Tree;
const locales = { da: load('da'), en: load('en') };
const section = (tree: Tree, name: 'actions' | 'types') => ((tree.audit as Tree)[name] ?? {}) as Tree;

const serverDir = new URL('../../../server/', import.meta.url);
const sources = readdirSync(serverDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('test/'))
  .map((f) => readFileSync(new URL(f, serverDir), 'utf8'));

/** Actions whose name is built from a template: the organisation's units and a contract's steps. */
const BUILT = [
  ...['department', 'programme', 'team'].flatMap((unit) => ['created', 'updated', 'archived', 'restored'].map((verb) => `${unit}.${verb}`)),
  ...['created', 'changed', 'status_changed', 'acknowledged_by_employee', 'acknowledged_by_leader'].map((step) => `competence.contract_${step}`),
];

const actions = new Set(BUILT);
const types = new Set<string>();
for (const src of sources) {
  for (const line of src.split('\n')) {
    if (/\baction\b/.test(line)) for (const m of line.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) if (m[1]) actions.add(m[1]);
    for (const m of line.matchAll(/resourceType: '([a-z_]+)'/g)) if (m[1]) types.add(m[1]);
  }
}

/** The log's key for an action: "person.roles_changed" → "person_roles_changed" (AuditTable). */
const actionKey = (action: string) => action.replace('.', '_');

describe('the log in words', () => {
  it('finds the server\'s actions and resource types', () => {
    expect(actions.size).toBeGreaterThan(80);
    expect(actions).toContain('library.review_started');
    expect(types).toContain('library_item');
  });

  for (const [lang, tree] of Object.entries(locales)) {
    it(`every action the server writes has a label (${lang}; add audit.actions.<key> to both locale files)`, () => {
      const missing = [...actions].filter((a) => typeof section(tree, 'actions')[actionKey(a)] !== 'string');
      expect(missing).toEqual([]);
    });
    it(`every resource type has a label (${lang}; add audit.types.<type>)`, () => {
      const missing = [...types].filter((type) => typeof section(tree, 'types')[type] !== 'string');
      expect(missing).toEqual([]);
    });
  }
});
