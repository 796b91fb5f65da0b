import { safeEncode, type $ZodType } from 'zod/v4/core';

/**
 * A response schema turned into a function that writes JSON straight from the handler's answer.
 *
 * `safeEncode` checks every value and copies every object before `JSON.stringify` runs over the
 * copy; for a list of a hundred rows that was 15–20 % of the main thread's time. The writer walks
 * the schema once, when the route is registered, and then writes only what the schema describes
 * (fields it does not name are left out, as `encode` leaves them out), with the codecs' encode
 * steps applied (a Date becomes its ISO string). It does not check values: in tests the
 * serializer runs `encode` as well and fails when the two texts differ (platform/serializer.ts),
 * so a schema the writer reads differently from zod cannot pass the API tests. A part of a schema
 * it does not know (a union without a discriminator, a default, a transform …) is written by
 * `encode` itself.
 */
export type JsonWriter = (value: unknown) => string | undefined;

type Def = {
  type: string;
  shape?: Record<string, $ZodType>;
  catchall?: $ZodType;
  element?: $ZodType;
  innerType?: $ZodType;
  options?: $ZodType[];
  discriminator?: string;
  keyType?: $ZodType;
  valueType?: $ZodType;
  in?: $ZodType;
  reverseTransform?: (value: unknown, payload: unknown) => unknown;
  getter?: () => $ZodType;
  checks?: { _zod: { def: { check: string } } }[];
};

const defOf = (schema: $ZodType) => schema._zod.def as unknown as Def;
const plain = (value: unknown) => JSON.stringify(value);

/** The subtree written by zod's own encode (a failure throws, so the caller falls back to the whole encode). */
const byZod =
  (schema: $ZodType): JsonWriter =>
  (value) => {
    const result = safeEncode(schema, value);
    if (result.error) throw result.error;
    return JSON.stringify(result.data);
  };

const compiled = new WeakMap<$ZodType, JsonWriter>();

export function jsonWriter(schema: $ZodType): JsonWriter {
  const known = compiled.get(schema);
  if (known) return known;
  // a recursive schema reaches itself through a lazy getter: the slot is filled before the walk
  let write: JsonWriter = () => undefined;
  compiled.set(schema, (value) => write(value));
  write = build(schema);
  compiled.set(schema, write);
  return write;
}

function build(schema: $ZodType): JsonWriter {
  const def = defOf(schema);
  const overwrites = def.checks?.some((c) => c._zod.def.check === 'overwrite');
  if (overwrites) return byZod(schema);
  switch (def.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'enum':
    case 'literal':
    case 'unknown':
    case 'any':
    case 'date':
      return plain;
    case 'object':
      return def.catchall && defOf(def.catchall).type !== 'never' ? byZod(schema) : objectWriter(def.shape ?? {});
    case 'array': {
      const item = jsonWriter(def.element as $ZodType);
      return (value) => {
        if (!Array.isArray(value)) throw new TypeError('not an array');
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (item(value[i]) ?? 'null');
        return `${out}]`;
      };
    }
    case 'nullable': {
      const inner = jsonWriter(def.innerType as $ZodType);
      return (value) => (value === null ? 'null' : inner(value));
    }
    case 'optional': {
      const inner = jsonWriter(def.innerType as $ZodType);
      return (value) => (value === undefined ? undefined : inner(value));
    }
    case 'readonly':
      return jsonWriter(def.innerType as $ZodType);
    case 'lazy':
      return (value) => jsonWriter((def.getter as () => $ZodType)())(value);
    case 'record': {
      if (defOf(def.keyType as $ZodType).type !== 'string') return byZod(schema);
      const item = jsonWriter(def.valueType as $ZodType);
      return (value) => {
        if (typeof value !== 'object' || value === null) throw new TypeError('not an object');
        let out = '{';
        for (const [key, v] of Object.entries(value)) {
          const text = item(v);
          if (text !== undefined) out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${text}`;
        }
        return `${out}}`;
      };
    }
    case 'union':
      return def.discriminator ? discriminatedWriter(schema, def.discriminator, def.options ?? []) : byZod(schema);
    case 'pipe': {
      // a codec: its encode step, then the wire side (a transform without one is zod's to refuse)
      const reverse = def.reverseTransform;
      if (!reverse) return byZod(schema);
      const wire = jsonWriter(def.in as $ZodType);
      return (value) => wire(reverse(value, { value, issues: [] }));
    }
    default:
      return byZod(schema);
  }
}

function objectWriter(shape: Record<string, $ZodType>): JsonWriter {
  const fields = Object.entries(shape).map(([key, schema]) => ({ key, prefix: `${JSON.stringify(key)}:`, write: jsonWriter(schema) }));
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError('not an object');
    const record = value as Record<string, unknown>;
    let out = '{';
    for (const field of fields) {
      const text = field.write(record[field.key]);
      if (text !== undefined) out += (out.length > 1 ? ',' : '') + field.prefix + text;
    }
    return `${out}}`;
  };
}

/** A discriminated union: the option whose literal matches the value's discriminator. */
function discriminatedWriter(schema: $ZodType, key: string, options: $ZodType[]): JsonWriter {
  const byValue = new Map<unknown, JsonWriter>();
  for (const option of options) {
    const values = (defOf(option).shape?.[key]?._zod as { values?: Set<unknown> } | undefined)?.values;
    if (!values) return byZod(schema);
    for (const v of values) byValue.set(v, jsonWriter(option));
  }
  return (value) => {
    const write = typeof value === 'object' && value !== null ? byValue.get((value as Record<string, unknown>)[key]) : undefined;
    if (!write) throw new TypeError('no option for the discriminator');
    return write(value);
  };
}
