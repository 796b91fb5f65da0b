import { EventEmitter } from 'node:events';
import type { FieldError } from './errors';

/**
 * Text the product refuses wherever it arrives: the NUL character (PostgreSQL cannot store it in
 * `text` or `jsonb`) and UTF-16 surrogates without their pair (no character at all; they would be
 * stored as U+FFFD). Any other character, control characters included, is the user's own text.
 */
const LONE_SURROGATE = /\p{Cs}/u;

/** Whether a string holds a character the product refuses. */
export const hasRefusedCharacter = (s: string): boolean => s.includes('\0') || LONE_SURROGATE.test(s);

/** The field error for a refused character: `validation.invalid_characters`, naming the field. */
export const refusedCharacterError = (field: string): FieldError => ({ field, key: 'validation.invalid_characters' });

/** Parsed JSON, a query or path parameters (whatever their prototype), not a buffer or a stream. */
const isPlain = (v: object) => Array.isArray(v) || !(ArrayBuffer.isView(v) || v instanceof EventEmitter);

/** Nesting deeper than this in a JSON body is not walked further (the body limit bounds the rest). */
const MAX_WALK_DEPTH = 64;

/**
 * The dotted path of every string (object keys included) in a parsed input that holds a refused
 * character; `base` names the input when the value itself is the string. Linear in the input's size.
 */
export function refusedCharacterPaths(value: unknown, base: string): string[] {
  const found: string[] = [];
  const walk = (v: unknown, path: string, depth: number): void => {
    if (typeof v === 'string') {
      if (hasRefusedCharacter(v)) found.push(path || base);
      return;
    }
    if (typeof v !== 'object' || v === null || depth > MAX_WALK_DEPTH || !isPlain(v)) return;
    if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, path ? `${path}.${i}` : String(i), depth + 1));
      return;
    }
    for (const [key, item] of Object.entries(v)) {
      const at = path ? `${path}.${key}` : key;
      if (hasRefusedCharacter(key)) found.push(path || base);
      else walk(item, at, depth + 1);
    }
  };
  walk(value, '', 0);
  return [...new Set(found)];
}

/**
 * The text of a raw text body (CSV) as the importers read it: UTF-16 when it starts with a UTF-16
 * byte-order mark, else UTF-8 or a single-byte code page, where a NUL character is a zero byte.
 * Whether it holds a refused character, without decoding a single-byte body.
 */
export function rawTextHasRefusedCharacter(bytes: Uint8Array): boolean {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (le || be) return hasRefusedCharacter(new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2)));
  return bytes.includes(0);
}
