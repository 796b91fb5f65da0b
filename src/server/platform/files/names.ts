const MAX_NAME = 200;
// Control characters (C0, DEL, C1) and format characters (bidi overrides and isolates, zero-width
// characters, the byte-order mark): a name like "rapport\u202Efdp.exe" would show as "rapportexe.pdf".
const UNSAFE = /[\p{Cc}\p{Cf}]/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The file's name as the uploader gave it: Unicode NFC (a macOS "å" arrives as "a" + ring),
 * without any folder part, control or direction characters, at most 200 characters (keeping the
 * extension), never empty, never a dot name.
 */
export function cleanFileName(name: string): string {
  const base = name.replace(LONE_SURROGATE, '\uFFFD').normalize('NFC').split(/[/\\]/).pop() ?? '';
  const clean = base.replace(UNSAFE, '').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').trim();
  const chars = [...clean];
  if (chars.length <= MAX_NAME) return clean || 'fil';
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 12 ? Array.from(clean.slice(dot)) : [];
  return chars.slice(0, MAX_NAME - ext.length).join('').trimEnd() + ext.join('');
}
