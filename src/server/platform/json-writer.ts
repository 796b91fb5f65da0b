import { safeEncode, type $ZodType } from 'zod/v4/core';

/**
 * A response schema turned into a function that writes JSON from the handler's answer.
 *
 * `safeEncode` checks every value and copies every object before `JSON.stringify` runs over the
 * copy; for a list of a hundred rows that was 15–20 % of the main thread's time. The writer walks
 * the schema once, when the route is registered, into a projection: a function that copies only
 * what the schema describes (fields it does not name are left out, as `encode` leaves them out),
 * with the codecs' encode steps applied (a Date becomes its ISO string), and does not check
 * values. One `JSON.stringify` over the copy then writes the text; building the text piece by
 * piece in JavaScript made about a quarter of a megabyte of short-lived strings per hundred rows.
 * In tests the serializer runs `encode` as well and fails when the two texts differ
 * (platform/serializer.ts), so a schema the writer reads differently from zod cannot pass the API
 * tests. A part of a schema it does not know (a union without a discriminator, a default, a
 * transform …) is projected by `encode` itself.
 */
export type JsonWriter = (value: unknown) => string | undefined;

/** The value `JSON.stringify` should write, or `undefined` for a field to leave out. */
type Projection = (value: unknown) => unknown;

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
const same: Projection = (value) => value;

/** The subtree projected by zod's own encode (a failure throws, so the caller falls back to the whole encode). */
const byZod =
  (schema: $ZodType): Projection =>
  (value) => {
    const result = safeEncode(schema, value);
    if (result.error) throw result.error;
    return result.data;
  };

const writers = new WeakMap<$ZodType, JsonWriter>();
const projections = new WeakMap<$ZodType, Projection>();

export function jsonWriter(schema: $ZodType): JsonWriter {
  let write = writers.get(schema);
  if (!write) {
    const project = projection(schema);
    write = (value) => {
      const projected = project(value);
      return projected === undefined ? undefined : JSON.stringify(projected);
    };
    writers.set(schema, write);
  }
  return write;
}

function projection(schema: $ZodType): Projection {
  const known = projections.get(schema);
  if (known) return known;
  // a recursive schema reaches itself through a lazy getter: the slot is filled before the walk
  let project: Projection = () => undefined;
  projections.set(schema, (value) => project(value));
  project = build(schema);
  projections.set(schema, project);
  return project;
}

function build(schema: $ZodType): Projection {
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
      return same;
    case 'object':
      return def.catchall && defOf(def.catchall).type !== 'never' ? byZod(schema) : objectProjection(def.shape ?? {});
    case 'array': {
      const item = projection(def.element as $ZodType);
      if (item === same) return (value) => (Array.isArray(value) ? value : notA('an array'));
      return (value) => {
        if (!Array.isArray(value)) return notA('an array');
        return value.map((v: unknown) => item(v) ?? null);
      };
    }
    case 'nullable': {
      const inner = projection(def.innerType as $ZodType);
      return (value) => (value === null ? null : inner(value));
    }
    case 'optional': {
      const inner = projection(def.innerType as $ZodType);
      return (value) => (value === undefined ? undefined : inner(value));
    }
    case 'readonly':
      return projection(def.innerType as $ZodType);
    case 'lazy':
      return (value) => projection((def.getter as () => $ZodType)())(value);
    case 'record': {
      if (defOf(def.keyType as $ZodType).type !== 'string') return byZod(schema);
      const item = projection(def.valueType as $ZodType);
      return (value) => {
        if (typeof value !== 'object' || value === null) return notA('an object');
        const out: Record<string, unknown> = {};
        for (const [key, v] of Object.entries(value)) {
          const projected = item(v);
          // zod's encode leaves a key named __proto__ out; here it would set the copy's prototype
          if (projected !== undefined && key !== '__proto__') out[key] = projected;
        }
        return out;
      };
    }
    case 'union':
      return def.discriminator ? discriminatedProjection(schema, def.discriminator, def.options ?? []) : byZod(schema);
    case 'pipe': {
      // a codec: its encode step, then the wire side (a transform without one is zod's to refuse)
      const reverse = def.reverseTransform;
      if (!reverse) return byZod(schema);
      const wire = projection(def.in as $ZodType);
      return (value) => wire(reverse(value, { value, issues: [] }));
    }
    default:
      return byZod(schema);
  }
}

function notA(what: string): never {
  throw new TypeError(`not ${what}`);
}

function objectProjection(shape: Record<string, $ZodType>): Projection {
  const fields = Object.entries(shape).map(([key, schema]) => ({ key, project: projection(schema) }));
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return notA('an object');
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const field of fields) {
      const projected = field.project(record[field.key]);
      if (projected !== undefined) out[field.key] = projected;
    }
    return out;
  };
}

/** A discriminated union: the option whose literal matches the value's discriminator. */
function discriminatedProjection(schema: $ZodType, key: string, options: $ZodType[]): Projection {
  const byValue = new Map<unknown, Projection>();
  for (const option of options) {
    const values = (defOf(option).shape?.[key]?._zod as { values?: Set<unknown> } | undefined)?.values;
    if (!values) return byZod(schema);
    for (const v of values) byValue.set(v, projection(option));
  }
  return (value) => {
    const project = typeof value === 'object' && value !== null ? byValue.get((value as Record<string, unknown>)[key]) : undefined;
    return project ? project(value) : notA('an option for the discriminator');
  };
}
