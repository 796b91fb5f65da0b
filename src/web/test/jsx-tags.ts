import { readFileSync, readdirSync } from 'node:fs';

/** For static tests of the web app: every .tsx file under src/web, with its source. */
export function webSources(): { file: string; src: string }[] {
  const webDir = new URL('../', import.meta.url);
  return readdirSync(webDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.tsx'))
    .map((f) => ({ file: f, src: readFileSync(new URL(f, webDir), 'utf8') }));
}

/** The opening tags of a component (`<ActionIcon …>`), read up to the `>` that closes them outside any `{…}` or string. */
export function openingTags(src: string, component: string): string[] {
  const tags: string[] = [];
  const start = new RegExp(`<${component.replace('.', '\\.')}(?=[\\s>/])`, 'g');
  for (const m of src.matchAll(start)) {
    let depth = 0;
    let quote = '';
    let i = m.index + m[0].length;
    for (; i < src.length; i++) {
      const c = src[i];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'" || c === '`') quote = c;
      else if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '>' && depth === 0) break;
    }
    tags.push(src.slice(m.index, i + 1));
  }
  return tags;
}

/** The value of one attribute in an opening tag: `"…"` or the expression in `{…}`. */
export function attribute(tag: string, name: string): string | null {
  const at = new RegExp(`\\s${name}=`).exec(tag);
  if (!at) return null;
  let i = at.index + at[0].length;
  if (tag[i] === '"') return tag.slice(i + 1, tag.indexOf('"', i + 1));
  let depth = 0;
  const from = i;
  for (; i < tag.length; i++) {
    if (tag[i] === '{') depth++;
    else if (tag[i] === '}' && --depth === 0) break;
  }
  return tag.slice(from + 1, i);
}
