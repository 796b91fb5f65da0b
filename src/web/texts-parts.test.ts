import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEXT_PARTS } from './locales/parts';

/*
 * A locale part (locales/parts.ts) reaches the browser only with the pages of the features that
 * declare it in their manifest's `texts`. Every file a feature's pages import (statically, through
 * any folder) may use only the parts that feature declares, and nothing the entry imports may use
 * one, or a page would show keys instead of words.
 */
const WEB = resolve(import.meta.dirname);
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
const all = files(WEB);
const source = new Map(all.map((f) => [f, readFileSync(f, 'utf8')]));
const resolveImport = (from: string, spec: string) =>
  [spec, `${spec}.ts`, `${spec}.tsx`, join(spec, 'index.ts'), join(spec, 'index.tsx')].map((s) => resolve(dirname(from), s)).find((f) => source.has(f));
/** Relative imports of a file: `static` ones, and `dynamic` import() (a manifest's pages). */
const importsOf = (file: string, kind: 'static' | 'all') => {
  const text = source.get(file) ?? '';
  const re = kind === 'static' ? /^import\s[^;]*?from\s+'(\.[^']+)'/gm : /(?:from\s+|import\()'(\.[^']+)'/g;
  return [...text.matchAll(re)].flatMap((m) => resolveImport(file, m[1] ?? '') ?? []);
};
const reachable = (roots: string[], kind: 'static' | 'all') => {
  const seen = new Set<string>();
  const walk = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const g of importsOf(f, kind)) walk(g);
  };
  for (const r of roots) walk(r);
  return seen;
};
const da = JSON.parse(readFileSync(join(WEB, 'locales', 'da.json'), 'utf8')) as Record<string, unknown>;
/** Whether a dotted path names texts (a text, a plural's forms, or a group a template literal picks from). */
const isTextKey = (path: string) => {
  let node: unknown = da;
  const steps = path.split('.').filter(Boolean);
  for (const [i, step] of steps.entries()) {
    if (typeof node !== 'object' || node === null) return false;
    const obj = node as Record<string, unknown>;
    if (i === steps.length - 1 && !(step in obj) && `${step}_one` in obj) return true;
    node = obj[step];
  }
  return node !== undefined;
};
/** The parts whose texts a file names: quoted keys (or the start of a template literal) that exist in the locale file. */
const partsUsedIn = (file: string) =>
  TEXT_PARTS.filter((p) => [...(source.get(file) ?? '').matchAll(new RegExp(`['"\`](${p}\\.[A-Za-z0-9_.]+)`, 'g'))].some((m) => isTextKey(m[1] ?? '')));

describe('locale parts', () => {
  it('the entry (main.tsx, the app shell and what they import) uses no part', () => {
    const entry = reachable([join(WEB, 'main.tsx')], 'static');
    const offenders = [...entry].flatMap((f) => partsUsedIn(f).map((p) => `${relative(WEB, f)}: ${p}`));
    expect(offenders).toEqual([]);
    expect(entry.size).toBeGreaterThan(10);
  });

  it("every feature declares the parts its pages' files use", () => {
    const manifests = all.filter((f) => f.endsWith('manifest.tsx'));
    expect(manifests.length).toBeGreaterThan(10);
    const missing = manifests.flatMap((m) => {
      const declared = /texts:\s*\[([^\]]*)\]/.exec(source.get(m) ?? '')?.[1] ?? '';
      const pages = importsOf(m, 'all');
      return [...reachable(pages, 'static')].flatMap((f) => partsUsedIn(f).filter((p) => !declared.includes(`'${p}'`)).map((p) => `${relative(WEB, m)} needs '${p}' (${relative(WEB, f)})`));
    });
    expect(missing).toEqual([]);
  });
});
