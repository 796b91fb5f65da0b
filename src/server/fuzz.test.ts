import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from './test/app';
import { signIn } from './test/client';
import { buildPerson, buildSchool, type BuiltPerson } from './test/factories';

/** Random bodies, query strings and path values at every route: never a 5xx, always problem+json for errors. */
const { app, database } = await testApp();
const db = database.db;
let admin: BuiltPerson;
let target: BuiltPerson;

beforeAll(async () => {
  const school = await buildSchool(db);
  admin = await buildPerson(db, school, { roles: ['school_admin'] });
  target = await buildPerson(db, school, { roles: ['teacher'] });
});

const jsonValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({ name: fc.string(), email: fc.string(), active: fc.anything({ maxDepth: 1 }), roles: fc.array(fc.string()) }, { requiredKeys: [] }),
  fc.record({ locale: fc.string(), schoolId: fc.string(), password: fc.string(), settings: fc.anything({ maxDepth: 2 }) }, { requiredKeys: [] }),
);
const pathValue = fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }).map(encodeURIComponent), fc.constant('%00'), fc.constant('..%2F..'));
const query = fc.dictionary(fc.constantFrom('page', 'pageSize', 'q', 'role', 'active', 'departmentId', 'from', 'to', 'archived', 'x'), fc.string({ maxLength: 30 }));

describe('fuzzing every route', () => {
  it('never answers 5xx', async () => {
    const routes = app.routeTable.filter((r) => r.url !== '/api/v1/auth/logout');
    expect(routes.length).toBeGreaterThan(20);
    const client = await signIn(app, admin.email);
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
          if (res.statusCode >= 500) throw new Error(`${route.method} ${url} -> ${res.statusCode}: ${res.body.slice(0, 300)}`);
          if (res.statusCode >= 400) expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        }),
        { numRuns: 25 },
      );
    }
  }, 240_000);

  it('answers malformed JSON with 400 and an oversize body with 413, as problem+json', async () => {
    const client = await signIn(app, admin.email);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': 'application/json' },
      payload: '{"name": "Anne", ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('invalid_json');
    const big = await app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(1_100_000), email: 'a@b.dk' }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('body_too_large');
    const xml = await app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(xml.statusCode).toBe(415);
  });
});
