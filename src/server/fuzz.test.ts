import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SCHOOL_ROLES } from '../shared/roles';
import { features } from './features/index';
import type { RouteDef } from './platform/route';
import { testApp } from './test/app';
import { signIn, type TestClient } from './test/client';
import { buildPerson, buildSchool, type BuiltPerson } from './test/factories';
import type { MatrixCtx, MatrixFixture } from './test/matrix';
import { featureMatrices } from './test/matrix-features';

/**
 * Bad input at every route: random bodies, query strings and path values, and then the hostile
 * values (NUL, lone surrogates, the years 0000 and 10000, huge integers, 100 KB strings and URLs)
 * in every position each route's schemas declare. Never a 5xx; every 4xx is problem+json; a
 * refused character or an out-of-range year is a 422 that names the field.
 */
const { app, database } = await testApp();
const db = database.db;
let admin: BuiltPerson;
let target: BuiltPerson;
let client: TestClient;
const fixtures: Record<string, MatrixFixture> = {};
let ctx: MatrixCtx;
const core: Record<string, string> = {};

beforeAll(async () => {
  const school = await buildSchool(db, { departments: ['Bygge og Anlæg'] });
  const other = await buildSchool(db, { departments: ['Bygge og Anlæg'] });
  // every school role, so that most policies let the request reach its handler and the database
  admin = await buildPerson(db, school, { roles: [...SCHOOL_ROLES], departmentId: school.departments[0]?.id ?? null });
  target = await buildPerson(db, school, { roles: ['teacher'] });
  const adminB = await buildPerson(db, other, { roles: ['school_admin'] });
  const targetB = await buildPerson(db, other, { roles: ['teacher'] });
  client = await signIn(app, admin.email);
  for (const kind of ['departments', 'programmes', 'teams']) core[kind] = (await client.post(`/api/v1/${kind}`, { name: `Fuzz ${kind}` })).json().id;
  const world = { app, db, a: school, b: other, adminA: admin, adminB, deptA: school.departments[0]?.id ?? '', deptB: other.departments[0]?.id ?? '' };
  for (const feature of featureMatrices) Object.assign(fixtures, await feature(world));
  ctx = { ...world, targetA: target, targetB, client, self: admin, email: admin.email };
});

const jsonValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({ name: fc.string(), email: fc.string(), active: fc.anything({ maxDepth: 1 }), roles: fc.array(fc.string()) }, { requiredKeys: [] }),
  fc.record({ locale: fc.string(), schoolId: fc.string(), password: fc.string(), settings: fc.anything({ maxDepth: 2 }) }, { requiredKeys: [] }),
);
const pathValue = fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }).map(encodeURIComponent), fc.constant('%00'), fc.constant('..%2F..'));
const query = fc.dictionary(fc.constantFrom('page', 'pageSize', 'q', 'role', 'active', 'departmentId', 'from', 'to', 'archived', 'x'), fc.string({ maxLength: 30 }));

type Res = Awaited<ReturnType<typeof app.inject>>;
const problemOf = (res: Res) => res.json() as { code: string; errors?: { field: string; code: string }[] };

/** Fails on a 5xx and on a 4xx that is not problem+json. */
function assertHandled(res: Res, what: string): void {
  if (res.statusCode >= 500) throw new Error(`${what} -> ${res.statusCode}: ${res.body.slice(0, 300)}`);
  if (res.statusCode >= 400) expect(res.headers['content-type'], what).toMatch(/application\/problem\+json/);
}

describe('fuzzing every route', () => {
  it('never answers 5xx', async () => {
    const routes = app.routeTable.filter((r) => r.url !== '/api/v1/auth/logout');
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(jsonValue, pathValue, query, fc.boolean(), fc.string({ maxLength: 400 }), async (body, pathVal, q, asCsv, csv) => {
          const url = route.url.replace(/:(\w+)/g, (_, name: string) => (name === 'id' && pathVal.length % 3 === 0 ? target.id : pathVal));
          const qs = new URLSearchParams(q).toString();
          const isBodyless = route.method === 'GET' || route.method === 'DELETE';
          const res = await app.inject({
            method: route.method as 'POST',
            url: qs ? `${url}?${qs}` : url,
            headers: {
              cookie: client.cookie,
              'x-csrf-token': client.csrfToken,
              ...(isBodyless ? {} : { 'content-type': asCsv ? 'text/csv' : 'application/json' }),
            },
            ...(isBodyless ? {} : { payload: asCsv ? csv : JSON.stringify(body) }),
          });
          assertHandled(res, `${route.method} ${url}`);
        }),
        { numRuns: 15 },
      );
    }
  }, 240_000);

  it('answers malformed JSON with 400 and an oversize body with 413, as problem+json', async () => {
    const bad = await client.request('POST', '/api/v1/people', '{"name": "Anne", ', { 'content-type': 'application/json' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('invalid_json');
    const big = await client.post('/api/v1/people', { name: 'x'.repeat(1_100_000), email: 'a@b.dk' });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('body_too_large');
    const xml = await client.request('POST', '/api/v1/people', '<a/>', { 'content-type': 'application/xml' });
    expect(xml.statusCode).toBe(415);
  });
});

// ---- hostile values in every declared position ----

type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  default?: unknown;
};
type Kind = 'string' | 'date' | 'datetime' | 'url' | 'integer' | 'number';
type Part = 'params' | 'query' | 'body';
type Position = { part: Part; path: (string | number)[]; kind: Kind };

const toJson = (schema: unknown): JsonSchema | null =>
  schema instanceof z.ZodType ? (z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema) : null;

function kindOf(s: JsonSchema, name: string): Kind | null {
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'integer') return 'integer';
  if (type === 'number') return 'number';
  if (type !== 'string' && s.const === undefined && !s.enum) return null;
  if (s.format === 'date') return 'date';
  if (s.format === 'date-time') return 'datetime';
  if (s.format === 'uri' || s.format === 'url' || /url$/i.test(name)) return 'url';
  return 'string';
}

/** Every leaf position a schema declares (arrays at index 0, records at a made-up key), each kind once. */
function positionsOf(root: JsonSchema, part: Part): Position[] {
  const out = new Map<string, Position>();
  const resolve = (s: JsonSchema): JsonSchema => (s.$ref?.startsWith('#/$defs/') ? (root.$defs?.[s.$ref.slice(8)] ?? {}) : s);
  const walk = (raw: JsonSchema, path: (string | number)[], depth: number): void => {
    const s = resolve(raw);
    if (depth > 8) return;
    for (const branch of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) walk(branch, path, depth + 1);
    if (s.properties) for (const [key, child] of Object.entries(s.properties)) walk(child, [...path, key], depth + 1);
    if (typeof s.additionalProperties === 'object') walk(s.additionalProperties, [...path, 'fuzzkey'], depth + 1);
    if (s.items) walk(s.items, [...path, 0], depth + 1);
    const kind = kindOf(s, String(path.at(-1) ?? ''));
    if (kind && path.length) out.set(`${path.join('.')}:${kind}`, { part, path, kind });
  };
  walk(root, [], 0);
  return [...out.values()];
}

let emails = 0;
/** A value the schema accepts, as far as a JSON schema says (enough to let one hostile value be the only fault). */
function validValue(raw: JsonSchema, root: JsonSchema, name: string): unknown {
  const s = raw.$ref?.startsWith('#/$defs/') ? (root.$defs?.[raw.$ref.slice(8)] ?? {}) : raw;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const branches = s.anyOf ?? s.oneOf;
  if (branches) return validValue(branches.find((b) => b.type !== 'null') ?? branches[0] ?? {}, root, name);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const obj: Record<string, unknown> = {};
      for (const key of s.required ?? []) obj[key] = validValue(s.properties?.[key] ?? {}, root, key);
      return obj;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => validValue(s.items ?? {}, root, name));
    case 'integer':
    case 'number':
      return Math.min(Math.max(s.minimum ?? 1, 1), s.maximum ?? 1);
    case 'boolean':
      return false;
    case 'string':
      if (s.format === 'email') return `fuzz-${++emails}@example.dk`;
      if (s.format === 'uuid') return name === 'personId' ? target.id : crypto.randomUUID();
      if (s.format === 'date') return '2030-01-15';
      if (s.format === 'date-time') return '2030-01-15T08:00:00Z';
      if (s.format === 'uri' || /url$/i.test(name)) return 'https://example.dk/fuzz';
      if (s.pattern === '^[a-z0-9_-]+$') return 'fuzz';
      return 'Fuzz tekst'.padEnd(Math.min(s.minLength ?? 0, s.maxLength ?? 100), 'x');
    default:
      return 'fuzz';
  }
}

/** Sets `value` at `path`, making the objects and arrays on the way (from the schema's valid values where it can). */
function withValue(base: unknown, path: (string | number)[], value: unknown): unknown {
  const root = structuredClone(base ?? {}) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = root;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      at[key] = value;
      return;
    }
    const next = path[i + 1];
    if (typeof at[key] !== 'object' || at[key] === null) at[key] = typeof next === 'number' ? [] : {};
    if (Array.isArray(at[key]) && typeof next === 'number' && (at[key] as unknown[]).length === 0) (at[key] as unknown[]).push(typeof path[i + 2] === 'undefined' ? '' : {});
    at = at[key] as Record<string | number, unknown>;
  });
  return root;
}

const BIG = 'x'.repeat(100_000);
const BIG_URL = `https://example.dk/${'a'.repeat(100_000)}`;
/** The hostile values for a kind; `named` ones must be refused with a 422 naming the field. */
function hostile(kind: Kind, part: Part): { value: unknown; named: boolean; label: string }[] {
  const inUrl = part !== 'body';
  const strings = [
    { value: 'før\u0000efter', named: true, label: 'NUL' },
    // a lone surrogate cannot be percent-encoded as UTF-8; in a URL it arrives as its CESU-8 bytes and is decoded as U+FFFD
    ...(inUrl ? [] : [{ value: 'før\ud800efter', named: true, label: 'lone high surrogate' }, { value: '\udc00', named: true, label: 'lone low surrogate' }]),
    { value: BIG, named: false, label: '100 KB string' },
  ];
  switch (kind) {
    case 'date':
      return [...strings, { value: '0000-01-01', named: true, label: 'year 0000' }, { value: '10000-01-01', named: true, label: 'year 10000' }];
    case 'datetime':
      return [...strings, { value: '0000-01-01T08:00:00Z', named: true, label: 'year 0000' }, { value: '10000-01-01T08:00:00Z', named: true, label: 'year 10000' }];
    case 'url':
      return [...strings, { value: BIG_URL, named: false, label: '100 KB URL' }];
    case 'integer':
    case 'number': {
      const huge = [1e300, 2 ** 63, -(2 ** 63), 2 ** 53 + 1];
      return huge.map((n) => ({ value: inUrl ? String(n === 2 ** 63 ? '9223372036854775808' : n) : n, named: false, label: `huge ${n}` }));
    }
    default:
      return strings;
  }
}

const defs = new Map<string, RouteDef>(features.flatMap((f) => f.routes.map((r) => [`${r.method} /api/v1${r.url}`, r] as const)));

/** A request that reaches the handler: the feature's matrix fixture where there is one, else ids of this school. */
async function baseRequest(key: string, def: RouteDef): Promise<{ params: Record<string, string>; query: Record<string, string>; body: unknown }> {
  const template = `/api/v1${def.url}`;
  const fixture = fixtures[key];
  const own = fixture ? await fixture.own(ctx) : null;
  const params: Record<string, string> = {};
  const query: Record<string, string> = {};
  if (own) {
    const [path = '', search = ''] = own.url.split('?');
    const have = path.split('/');
    template.split('/').forEach((seg, i) => {
      if (seg.startsWith(':')) params[seg.slice(1)] = decodeURIComponent(have[i] ?? '');
    });
    for (const [k, v] of new URLSearchParams(search)) query[k] = v;
  } else {
    const kind = def.url.split('/')[1] ?? '';
    for (const seg of template.split('/')) if (seg.startsWith(':')) params[seg.slice(1)] = kind === 'people' ? target.id : (core[kind] ?? crypto.randomUUID());
  }
  const bodySchema = toJson(def.body);
  const body = own && typeof own.body === 'object' ? own.body : bodySchema ? validValue(bodySchema, bodySchema, 'body') : undefined;
  return { params, query, body };
}

function send(def: RouteDef, params: Record<string, string>, query: Record<string, string>, body: unknown, rawQuery?: string): Promise<Res> {
  const path = `/api/v1${def.url}`.replace(/:(\w+)/g, (_, name: string) => params[name] ?? '');
  const qs = rawQuery ?? new URLSearchParams(query).toString();
  const url = qs ? `${path}?${qs}` : path;
  if (def.access === 'public') {
    return app.inject({ method: def.method, url, ...(body === undefined ? {} : { payload: body as object }), remoteAddress: '10.9.9.9' });
  }
  return client.request(def.method, url, body as Record<string, unknown> | undefined);
}

/** The percent-encoding of a hostile string in a path or a query (a NUL is %00). */
const encodeHostile = (v: string) => encodeURIComponent(v);

describe('hostile values in every declared position', () => {
  it('every route: NUL, lone surrogates, years 0000 and 10000, huge integers, 100 KB strings and URLs are 4xx problem+json, the refused ones naming the field', async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const route of app.routeTable) {
      const key = `${route.method} ${route.url}`;
      const def = defs.get(key);
      expect(def, key).toBeDefined();
      if (!def || key === 'POST /api/v1/auth/logout') continue;
      const positions = (['params', 'query', 'body'] as const).flatMap((part) => {
        const schema = toJson(def[part]);
        return schema ? positionsOf(schema, part) : [];
      });
      if (!positions.length) continue;
      const base = await baseRequest(key, def);
      // a raw body (CSV, multipart) has its own test below; here its query and path go without one
      if (def.rawBody) base.body = undefined;
      for (const pos of positions) {
        for (const h of hostile(pos.kind, pos.part)) {
          const field = pos.path.join('.');
          let res: Res;
          if (pos.part === 'body') res = await send(def, base.params, base.query, withValue(base.body, pos.path, h.value));
          else if (pos.part === 'params') res = await send(def, { ...base.params, [field]: encodeHostile(String(h.value)) }, base.query, base.body);
          else {
            const rest = new URLSearchParams(Object.entries(base.query).filter(([k]) => k !== field)).toString();
            res = await send(def, base.params, base.query, base.body, `${rest ? `${rest}&` : ''}${encodeURIComponent(field)}=${encodeHostile(String(h.value))}`);
          }
          sent++;
          const what = `${key} ${pos.part} ${field} = ${h.label}`;
          if (res.statusCode >= 500) {
            failures.push(`${what}: ${res.statusCode} ${res.body.slice(0, 160)}`);
            continue;
          }
          if (res.statusCode >= 400 && !/application\/problem\+json/.test(String(res.headers['content-type']))) failures.push(`${what}: ${res.statusCode} is not problem+json`);
          // a path parameter longer than the router allows never matches the route (404)
          if (h.named && !(pos.part === 'params' && res.statusCode === 404)) {
            const named = res.statusCode === 422 && (problemOf(res).errors ?? []).some((e) => e.field === field);
            if (!named) failures.push(`${what}: expected 422 naming ${field}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
          } else if (res.statusCode < 400 && h.label.startsWith('huge')) failures.push(`${what}: accepted (${res.statusCode})`);
        }
      }
    }
    expect(sent).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  }, 180_000);

  it('a raw text body (CSV) with a NUL, in UTF-8 or UTF-16, is a 422 naming the body', async () => {
    const csvRoutes = [...defs.entries()].filter(([, d]) => d.rawBody === 'csv');
    expect(csvRoutes.length).toBeGreaterThan(1);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Navn;E-mail\nA\u0000B;a@b.dk\n', 'utf16le')]);
    for (const [key, def] of csvRoutes) {
      for (const body of [Buffer.from('Navn;E-mail\nA\u0000B;a@b.dk\n'), utf16]) {
        const res = await client.request(def.method, `/api/v1${def.url}`, body, { 'content-type': 'text/csv' });
        expect(res.statusCode, key).toBe(422);
        expect(problemOf(res).errors?.[0]?.field, key).toBe('body');
      }
      // UTF-16 text without a NUL is not refused for its zero bytes
      const clean = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Navn;E-mail\nAnne;anne-utf16@example.dk\n', 'utf16le')]);
      const ok = await client.request(def.method, `/api/v1${def.url}`, clean, { 'content-type': 'text/csv' });
      expect(problemOf(ok).errors?.some((e) => e.code === 'invalid_characters') ?? false, key).toBe(false);
    }
  });

  it('an upload whose file name holds a NUL is never a 5xx', async () => {
    const [key, def] = [...defs.entries()].find(([, d]) => d.rawBody === 'multipart') ?? [];
    expect(def, 'a multipart route').toBeDefined();
    if (!def || !key) return;
    const base = await baseRequest(key, def);
    const boundary = 'fuzzgraense';
    const payload = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="plan\u0000.txt"\r\nContent-Type: text/plain\r\n\r\nPlan\r\n--${boundary}--\r\n`,
    );
    const path = `/api/v1${def.url}`.replace(/:(\w+)/g, (_, name: string) => base.params[name] ?? '');
    for (const url of [path, `${path}?name=plan%00.txt`]) {
      const res = await client.request(def.method, url, payload, { 'content-type': `multipart/form-data; boundary=${boundary}` });
      assertHandled(res, `${key} ${url}`);
    }
    // a body that ends before its closing boundary (or declares a boundary it never uses) is the client's fault
    for (const [type, body] of [
      [`multipart/form-data; boundary=${boundary}`, payload.subarray(0, payload.length - 20)],
      ['multipart/form-data; boundary=andengraense', payload],
    ] as const) {
      const res = await client.request(def.method, path, body, { 'content-type': type });
      assertHandled(res, `${key} broken multipart`);
      expect(res.statusCode).toBe(400);
    }
  });
});

describe('the cases that answered 500', () => {
  it('anonymous sign-in with a NUL in the e-mail or the password is a 422 naming the field', async () => {
    for (const [field, body] of [
      ['email', { email: `${admin.email}\u0000`, password: 'x' }],
      ['password', { email: admin.email, password: 'korrekt\u0000' }],
    ] as const) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body, remoteAddress: '10.9.9.8' });
      expect(res.statusCode, field).toBe(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(problemOf(res).errors).toEqual([expect.objectContaining({ field, code: 'invalid_characters' })]);
    }
  });

  it('a NUL in ?q= is a 422 naming q', async () => {
    for (const url of ['/api/v1/people?q=a%00b', '/api/v1/library/items?q=%00']) {
      const res = await client.get(url);
      expect(res.statusCode, url).toBe(422);
      expect(problemOf(res).errors?.[0]?.field).toBe('q');
    }
  });

  it('the year 0000 in a date is a 422 naming the field; 1000 and 9999 are accepted', async () => {
    const create = (periodStart: string, periodEnd = '9999-12-31') => client.post('/api/v1/strategies', { title: 'Strategi', mode: 'strategi', periodStart, periodEnd });
    const res = await create('0000-01-01');
    expect(res.statusCode).toBe(422);
    expect(problemOf(res).errors).toEqual([expect.objectContaining({ field: 'periodStart', code: 'date_out_of_range' })]);
    expect((await create('1000-01-01')).statusCode).toBe(201);
    expect((await create('0999-12-31')).statusCode).toBe(422);
    const person = await client.patch(`/api/v1/people/${target.id}`, { employmentStart: '0000-12-24' });
    expect(person.statusCode).toBe(422);
    expect(problemOf(person).errors?.[0]?.field).toBe('employmentStart');
  });
});
