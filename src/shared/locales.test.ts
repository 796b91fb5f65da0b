import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Tree = { [k: string]: string | Tree };
const load = (l: string) => JSON.parse(readFileSync(new URL(`../web/locales/${l}.json`, import.meta.url), 'utf8')) as Tree;
const keys = (t: Tree, prefix = ''): string[] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const get = (t: Tree, key: string) => key.split('.').reduce<string | Tree | undefined>((n, p) => (typeof n === 'object' ? n[p] : undefined), t);

describe('locales (rule 8)', () => {
  const da = load('da');
  const en = load('en');
  it('da and en have exactly the same keys', () => {
    expect(keys(da).sort()).toEqual(keys(en).sort());
  });
  it('no text is empty and both languages use the same {{variables}}', () => {
    for (const key of keys(da)) {
      const d = get(da, key);
      const e = get(en, key);
      expect(typeof d === 'string' && d.trim().length > 0, `da ${key}`).toBe(true);
      expect(typeof e === 'string' && e.trim().length > 0, `en ${key}`).toBe(true);
      expect(vars(String(d)), key).toEqual(vars(String(e)));
    }
  });
  it('every server error code has a title', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(new URL('../server', import.meta.url), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const codes = new Set<string>();
    for (const f of files) {
      const src = readFileSync(new URL(`../server/${f}`, import.meta.url), 'utf8');
      for (const m of src.matchAll(/new AppError\(\d+, '(\w+)'/g)) if (m[1]) codes.add(m[1]);
      for (const m of src.matchAll(/conflict\('(\w+)'/g)) if (m[1]) codes.add(m[1]);
    }
    expect(codes.size).toBeGreaterThan(8);
    for (const code of codes) expect(get(da, `errors.${code}`), code).toBeTypeOf('string');
  });
});
