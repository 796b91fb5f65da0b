import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeEncode, type $ZodType } from 'zod/v4/core';
import { jsonWriter } from './json-writer';

/**
 * Turns a route's answer into JSON through its response schema (zod codecs: a Date becomes an ISO
 * string). In production the schema's JSON writer writes it (platform/json-writer.ts), and zod's
 * `encode` only when the writer cannot (it then also names what is wrong). With `strict`, as in
 * tests, `encode` checks every answer, an answer that holds a field its schema does not describe
 * fails instead of being silently dropped (so the schema cannot drift from what a route sends),
 * and the writer's text must be the same as `encode`'s.
 */
export function responseSerializer(strict: boolean) {
  return ({ schema, method, url }: { schema: unknown; method: string; url: string }) => {
    const write = jsonWriter(schema as $ZodType);
    const fast = (data: unknown): string | undefined => {
      try {
        return write(data);
      } catch {
        return undefined;
      }
    };
    return (data: unknown): string => {
      if (!strict) {
        const text = fast(data);
        if (text !== undefined) return text;
      }
      const result = safeEncode(schema as $ZodType, data);
      if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
      const json = JSON.stringify(result.data);
      if (strict) {
        const extra = undescribed(data, result.data, '$');
        if (extra) throw new ResponseSerializationError(method, url, { cause: new z.ZodError([{ code: 'custom', path: extra.split('.').slice(1), message: `the response schema does not describe ${extra}`, input: data }]) });
        const written = fast(data);
        if (written !== json) {
          throw new ResponseSerializationError(method, url, { cause: new z.ZodError([{ code: 'custom', path: [], message: `the JSON writer wrote ${String(written).slice(0, 300)} where encode wrote ${json.slice(0, 300)}`, input: data }]) });
        }
      }
      return json;
    };
  };
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** The first path present in the answer but missing after encoding (a field the schema dropped). */
function undescribed(sent: unknown, encoded: unknown, path: string): string | null {
  if (Array.isArray(sent) && Array.isArray(encoded)) {
    for (let i = 0; i < sent.length; i++) {
      const found = undescribed(sent[i], encoded[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (!isPlain(sent) || !isPlain(encoded)) return null;
  for (const [key, value] of Object.entries(sent)) {
    if (value === undefined) continue;
    if (!(key in encoded)) return `${path}.${key}`;
    const found = undescribed(value, encoded[key], `${path}.${key}`);
    if (found) return found;
  }
  return null;
}
