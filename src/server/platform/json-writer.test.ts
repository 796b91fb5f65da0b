import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ZDay, ZTimestamp } from '../../shared/api/common';
import { jsonWriter } from './json-writer';
import { responseSerializer } from './serializer';

const encoded = (schema: z.ZodType, value: unknown) => JSON.stringify(z.encode(schema, value as never));

type Tree = { name: string; children: Tree[] };
const ZTree: z.ZodType<Tree> = z.object({ name: z.string(), children: z.array(z.lazy(() => ZTree)) });

const cases: [string, z.ZodType, unknown][] = [
  ['an object: only the described fields, in the schema order', z.object({ b: z.number(), a: z.string() }), { a: 'x', secret: 'kodeord', b: 2 }],
  ['optional and nullable fields', z.object({ a: z.string().optional(), b: z.string().nullable(), c: z.number().optional() }), { b: null, c: undefined }],
  ['a Date through the timestamp codec, and a day', z.object({ at: ZTimestamp, on: ZDay, when: ZTimestamp.nullable() }), { at: new Date('2026-12-01T08:00:00.123Z'), on: '2026-12-01', when: null }],
  ['arrays of objects with quotes and Danish letters', z.array(z.object({ title: z.string(), n: z.int() })), [{ title: 'Æble "ø" \\ å\n', n: 1, extra: true }, { title: '', n: 0 }]],
  ['enums, literals, booleans and unknown', z.object({ s: z.enum(['a', 'b']), l: z.literal('x'), ok: z.boolean(), any: z.unknown() }), { s: 'b', l: 'x', ok: false, any: { deep: [1, 'to'] } }],
  [
    'a discriminated union',
    z.array(z.discriminatedUnion('kind', [z.object({ kind: z.literal('a'), x: z.number() }), z.object({ kind: z.literal('b'), y: z.string() })])),
    [{ kind: 'b', y: 'z', x: 1 }, { kind: 'a', x: 2, y: 'hidden' }],
  ],
  ['a union without a discriminator (written by encode)', z.union([z.object({ a: z.string() }), z.object({ b: z.number() })]), { b: 3, c: 4 }],
  ['a record', z.record(z.string(), z.object({ n: z.number() })), { x: { n: 1, m: 2 }, 'æ ø': { n: 3 } }],
  ['a record with a key named __proto__', z.record(z.string(), z.number()), JSON.parse('{"__proto__": 1, "b": 2}')],
  ['a recursive tree', ZTree, { name: 'rod', children: [{ name: 'gren', children: [], extra: 1 }] }],
  ['a string with an overwrite check (written by encode)', z.object({ t: z.string().trim() }), { t: '  mellemrum  ' }],
];

describe('the JSON writer', () => {
  it.each(cases)('writes what encode writes: %s', (_name, schema, value) => {
    expect(jsonWriter(schema)(value)).toBe(encoded(schema, value));
  });

  it('in production writes without encode, leaves undescribed fields out, and an answer the writer cannot write still fails as encode fails', () => {
    const schema = z.object({ id: z.string(), at: ZTimestamp });
    const serialize = responseSerializer(false)({ schema, method: 'GET', url: '/x' });
    expect(JSON.parse(serialize({ id: '1', at: new Date(0), passwordHash: 'x' }))).toEqual({ id: '1', at: '1970-01-01T00:00:00.000Z' });
    expect(() => serialize({ id: '1', at: 'not a date' })).toThrow(/Response doesn't match the schema/);
  });

  it('in tests fails when the writer and encode disagree', () => {
    // an encode step that answers differently each time makes the two texts differ
    let calls = 0;
    const schema = z.object({ n: z.codec(z.string(), z.number(), { decode: Number, encode: () => String(calls++) }) });
    expect(() => responseSerializer(true)({ schema, method: 'GET', url: '/x' })({ n: 1 })).toThrow(/Response doesn't match the schema/);
    expect(calls).toBe(2);
  });
});
