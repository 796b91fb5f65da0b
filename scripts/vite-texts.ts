import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const PREFIX = 'virtual:texts/';
const LANGS = ['da', 'en'];

/**
 * The locale files split for the browser (src/web/locales/parts.ts): `virtual:texts/<lang>/core`
 * holds every top-level key but the parts, `virtual:texts/<lang>/<part>` one part, and
 * `virtual:texts/loaders` a dynamic import per language and part, so each becomes a chunk of its own.
 */
export function texts(parts: readonly string[], localesDir: string): Plugin {
  return {
    name: 'retning:texts',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return null;
      const rest = id.slice(PREFIX.length + 1);
      if (rest === 'loaders') {
        const perLang = LANGS.map((lang) => `${JSON.stringify(lang)}: {${parts.map((p) => `${JSON.stringify(p)}: () => import(${JSON.stringify(`${PREFIX}${lang}/${p}`)})`).join(', ')}}`);
        return `export const loaders = {${perLang.join(', ')}};`;
      }
      const [lang = '', part = ''] = rest.split('/');
      if (!LANGS.includes(lang)) throw new Error(`unknown language in ${id}`);
      const file = join(localesDir, `${lang}.json`);
      this.addWatchFile(file);
      const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      if (part === 'core') return `export default ${JSON.stringify(Object.fromEntries(Object.entries(all).filter(([k]) => !parts.includes(k))))};`;
      if (!parts.includes(part) || !(part in all)) throw new Error(`unknown text part in ${id}`);
      return `export default ${JSON.stringify({ [part]: all[part] })};`;
    },
  };
}
