import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '../paths';

/**
 * Server-side texts come from the same locale files as the UI (rule 8), so an error title
 * exists in Danish and English or not at all.
 */
export type Locale = 'da' | 'en';
type Tree = { [k: string]: string | Tree };

const load = (l: Locale): Tree =>
  JSON.parse(readFileSync(join(paths.locales, `${l}.json`), 'utf8')) as Tree;
const catalogs: Record<Locale, Tree> = { da: load('da'), en: load('en') };

export function translate(locale: Locale, key: string, vars: Record<string, string | number> = {}): string {
  let node: string | Tree | undefined = catalogs[locale];
  for (const part of key.split('.')) {
    node = typeof node === 'object' ? node[part] : undefined;
  }
  if (typeof node !== 'string') return key;
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}

export function hasMessage(key: string): boolean {
  return translate('da', key) !== key;
}

/** Picks da or en from an Accept-Language header; Danish is the default. */
export function localeFrom(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'da';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('da') || tag.startsWith('nb') || tag.startsWith('nn')) return 'da';
    if (tag.startsWith('en')) return 'en';
  }
  return 'da';
}
