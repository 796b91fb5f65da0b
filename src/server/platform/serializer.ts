import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeEncode, type $ZodType } from 'zod/v4/core';

/**
 * Turns a route's answer into JSON through its response schema (zod codecs: a Date becomes an ISO
 * string). With `strict`, as in tests, an answer that holds a field its schema does not describe
 * fails instead of being silently dropped, so the schema cannot drift from what a route sends.
 */
export function responseSerializer(strict: boolean) {
  return ({ schema, method, url }: { schema: unknown; method: string; url: string }) =>
    (data: unknown): string => {
      const result = safeEncode(schema as $ZodType, data);
      if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
      if (strict) {
        const extra = undescribed(data, result.data, '$');
        if (extra) throw new ResponseSerializationError(method, url, { cause: new z.ZodError([{ code: 'custom', path: extra.split('.').slice(1), message: `the response schema does not describe ${extra}`, input: data }]) });
      }
      return JSON.stringify(result.data);
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
