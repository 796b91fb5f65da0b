import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHOOL_ROLES, type SchoolRole } from '../shared/roles';
import { sessions } from './db/schema/index';
import type { Actor } from './platform/actor';
import { can, type Action } from './platform/policy';
import { testApp } from './test/app';
import { sessionFor, signIn, type TestClient } from './test/client';
import { buildCoordinator, buildPerson, buildSchool, type BuiltPerson } from './test/factories';
import type { MatrixCtx as Ctx, MatrixFixture as Fixture, MatrixWorld } from './test/matrix';
import { featureMatrices } from './test/matrix-features';
import { readRights } from './test/rights';
import { installedActions } from './platform/policy';

/**
 * Every API route × every role × own school / other school, generated from the app's route
 * table: a new route without a fixture here fails this test, so no route can be forgotten.
 * Allowed requests must succeed; forbidden ones must get 403; another school's resources 404.
 */
const { app, database, config } = await testApp();
const db = database.db;

const personResource = (p: BuiltPerson) => ({ kind: 'person' as const, id: p.id, departmentId: p.departmentId, accountId: p.accountId });

let n = 0;
const csv = () => `Navn;E-mail;Afdeling\nNy Person ${++n};ny-${n}-${Date.now()}@test.example;Bygge og Anlæg\n`;
const sessionIdOf = async (c: TestClient) => (await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.csrfToken, c.csrfToken)))[0]?.id ?? '';

/** The intended rights (docs/RIGHTS.md): ✓ must succeed, – must be 403, ◐ follows the policy for the fixture's resource. */
const RIGHTS = readRights();

const FIXTURES: Record<string, Fixture> = {
  'POST /api/v1/auth/logout': { own: () => ({ url: '/api/v1/auth/logout' }) },
  'GET /api/v1/me': { own: () => ({ url: '/api/v1/me' }) },
  'PATCH /api/v1/me': { own: () => ({ url: '/api/v1/me', body: { locale: 'da' } }) },
  'POST /api/v1/me/school': {
    own: (c) => ({ url: '/api/v1/me/school', body: { schoolId: c.a.id }, membersOnly: true }),
    other: (c) => ({ url: '/api/v1/me/school', body: { schoolId: c.b.id } }),
  },
  'GET /api/v1/me/sessions': { own: () => ({ url: '/api/v1/me/sessions' }) },
  'DELETE /api/v1/me/sessions/:id': {
    own: async (c) => {
      const second = await signIn(app, c.email);
      return { url: `/api/v1/me/sessions/${await sessionIdOf(second)}` };
    },
    other: () => ({ url: `/api/v1/me/sessions/${otherSessionId}` }),
  },
  'GET /api/v1/school': { own: () => ({ url: '/api/v1/school' }) },
  'PATCH /api/v1/school': { own: (c) => ({ url: '/api/v1/school', body: { name: c.a.name } }) },
  'GET /api/v1/overview': { own: () => ({ url: '/api/v1/overview' }) },
  'GET /api/v1/school/export': { own: () => ({ url: '/api/v1/school/export' }) },
  ...Object.fromEntries(
    (['departments', 'programmes', 'teams'] as const).flatMap((kind) => [
      [`GET /api/v1/${kind}`, { own: () => ({ url: `/api/v1/${kind}` }) }],
      [`POST /api/v1/${kind}`, { own: () => ({ url: `/api/v1/${kind}`, body: { name: `Ny ${kind} ${++n}` } }) }],
      [
        `PATCH /api/v1/${kind}/:id`,
        {
          own: () => ({ url: `/api/v1/${kind}/${units.a[kind]}`, body: { name: `Omdøbt ${kind} ${++n}` } }),
          other: () => ({ url: `/api/v1/${kind}/${units.b[kind]}`, body: { name: `Omdøbt ${kind} ${++n}` } }),
        },
      ],
    ]),
  ),
  'GET /api/v1/people': { own: () => ({ url: '/api/v1/people' }) },
  'POST /api/v1/people': { own: () => ({ url: '/api/v1/people', body: { name: 'Ny', email: `ny-${++n}@test.example` } }) },
  'GET /api/v1/people/:id': {
    own: (c) => ({ url: `/api/v1/people/${c.targetA.id}`, resource: personResource(c.targetA) }),
    other: (c) => ({ url: `/api/v1/people/${c.targetB.id}` }),
  },
  'PATCH /api/v1/people/:id': {
    own: (c) => ({ url: `/api/v1/people/${c.targetA.id}`, body: { jobTitle: `Faglærer ${++n}` }, resource: personResource(c.targetA) }),
    other: (c) => ({ url: `/api/v1/people/${c.targetB.id}`, body: { jobTitle: 'Hacket' } }),
  },
  'PUT /api/v1/people/:id/roles': {
    own: (c) => ({ url: `/api/v1/people/${c.targetA.id}/roles`, body: { roles: ['teacher'] }, resource: personResource(c.targetA) }),
    other: (c) => ({ url: `/api/v1/people/${c.targetB.id}/roles`, body: { roles: ['school_admin'] } }),
  },
  'PUT /api/v1/people/:id/teams': {
    own: (c) => ({ url: `/api/v1/people/${c.targetA.id}/teams`, body: { teamIds: [units.a.teams] }, resource: personResource(c.targetA) }),
    other: (c) => ({ url: `/api/v1/people/${c.targetB.id}/teams`, body: { teamIds: [] } }),
  },
  'POST /api/v1/people/:id/invitation': {
    own: (c) => ({ url: `/api/v1/people/${c.targetA.id}/invitation`, resource: personResource(c.targetA) }),
    other: (c) => ({ url: `/api/v1/people/${c.targetB.id}/invitation` }),
  },
  'POST /api/v1/people/:id/password-reset': {
    own: (c) => ({ url: `/api/v1/people/${c.targetA.id}/password-reset`, resource: personResource(c.targetA) }),
    other: (c) => ({ url: `/api/v1/people/${c.targetB.id}/password-reset` }),
  },
  'POST /api/v1/people/import/preview': { own: () => ({ url: '/api/v1/people/import/preview', body: csv() }) },
  'POST /api/v1/people/import': { own: () => ({ url: '/api/v1/people/import', body: csv() }) },
  'GET /api/v1/audit': { own: () => ({ url: '/api/v1/audit' }) },
  'GET /api/v1/network': { own: () => ({ url: '/api/v1/network' }) },
};

let otherSessionId = '';
const units = { a: {} as Record<string, string>, b: {} as Record<string, string> };
let ctxBase: Omit<Ctx, 'client' | 'self' | 'email'>;
let world: MatrixWorld;
const actors = new Map<string, BuiltPerson | { email: string }>();

beforeAll(async () => {
  const a = await buildSchool(db, { departments: ['Bygge og Anlæg', 'Handel og Kontor'] });
  const b = await buildSchool(db, { departments: ['Bygge og Anlæg'] });
  const deptA = a.departments[0]?.id ?? '';
  const deptB = b.departments[0]?.id ?? '';
  for (const role of SCHOOL_ROLES) actors.set(role, await buildPerson(db, a, { roles: [role], departmentId: deptA }));
  actors.set('coordinator', await buildCoordinator(db, a.networkId));
  const targetA = await buildPerson(db, a, { roles: ['teacher'], departmentId: deptA });
  const targetB = await buildPerson(db, b, { roles: ['teacher'], departmentId: deptB });
  const adminB = await buildPerson(db, b, { roles: ['school_admin'] });
  otherSessionId = await sessionIdOf(await signIn(app, adminB.email));
  for (const [side, school] of [['a', a], ['b', b]] as const) {
    for (const kind of ['departments', 'programmes', 'teams'] as const) {
      const admin = side === 'a' ? (actors.get('school_admin') as BuiltPerson) : adminB;
      const c = await signIn(app, admin.email);
      const res = await c.post(`/api/v1/${kind}`, { name: `Enhed ${kind} ${school.name}` });
      units[side][kind] = res.json().id;
    }
  }
  const adminA = actors.get('school_admin') as BuiltPerson;
  world = { app, db, a, b, adminA, adminB, deptA, deptB };
  ctxBase = { ...world, targetA, targetB };
  for (const feature of featureMatrices) Object.assign(FIXTURES, await feature(world));
});

/** The actor as the policy sees it, to compute the expected outcome. */
const policyActor = (role: string, self: BuiltPerson | null): Actor => ({
  accountId: 'x',
  email: 'x',
  locale: 'da',
  sessionId: 's',
  csrfToken: 'c',
  school: role === 'coordinator' ? null : { id: ctxBase.a.id, name: '', networkId: ctxBase.a.networkId },
  person: role === 'coordinator' || !self ? null : { id: self.id, name: self.name, departmentId: self.departmentId },
  roles: role === 'coordinator' ? [] : [role as SchoolRole],
  network: role === 'coordinator' ? { id: ctxBase.a.networkId, roles: ['network_coordinator'] } : null,
});

describe('authorization matrix', () => {
  it('has a fixture and a policy action for every session route', () => {
    const session = app.routeTable.filter((r) => r.access === 'session');
    expect(session.length).toBeGreaterThan(20);
    for (const r of session) {
      expect(FIXTURES[`${r.method} ${r.url}`], `fixture for ${r.method} ${r.url}`).toBeDefined();
      expect(r.action, `action for ${r.method} ${r.url}`).toBeDefined();
    }
  });

  it('the rights table in docs/RIGHTS.md names exactly the server\'s actions', () => {
    expect([...RIGHTS.keys()].sort()).toEqual([...installedActions()].sort());
  });

  it('public routes are exactly the sign-in, link, reset, unsubscribe and live dialogue routes', () => {
    expect(app.routeTable.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      'GET /api/v1/auth/tokens/:token',
      'GET /api/v1/auth/providers',
      'GET /api/v1/auth/oidc/:providerId/start',
      'GET /api/v1/auth/oidc/callback',
      'GET /api/v1/ical/:token',
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/password-reset',
      'POST /api/v1/auth/tokens/:token',
      'POST /api/v1/home/unsubscribe/:token',
      'GET /api/v1/surveys/public/:token',
      'POST /api/v1/surveys/public/:token/submit',
      'PUT /api/v1/surveys/public/:token/draft',
      'POST /api/v1/dialogue/join',
      'GET /api/v1/dialogue/live/:code/state',
      'PUT /api/v1/dialogue/live/:code/items/:itemId/answer',
      'POST /api/v1/dialogue/live/:code/comments',
    ].sort());
  });

  it('every session route refuses anonymous requests with 401', async () => {
    for (const r of app.routeTable.filter((x) => x.access === 'session')) {
      const res = await app.inject({ method: r.method as 'GET', url: r.url.replace(':id', ctxBase.targetA.id) });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  for (const role of [...SCHOOL_ROLES, 'coordinator']) {
    it(`${role}: own school follows the rights table; other school's resources are 404`, async () => {
      const self = actors.get(role) as BuiltPerson;
      const failures: string[] = [];
      for (const r of app.routeTable.filter((x) => x.access === 'session')) {
        const key = `${r.method} ${r.url}`;
        const fixture = FIXTURES[key];
        if (!fixture || !r.action) continue;
        const client = await sessionFor(app, db, config, self.email);
        const ctx: Ctx = { ...ctxBase, client, self: 'id' in self ? self : null, email: self.email };
        const own = await fixture.own(ctx);
        const right = RIGHTS.get(r.action)?.[role];
        const allowed = right === '✓' ? true : right === '–' ? false : can(policyActor(role, ctx.self), r.action as Action, own.resource);
        const res = await client.request(r.method as 'GET', own.url, own.body);
        const notMember = own.membersOnly === true && ctx.self === null;
        const ok = notMember ? res.statusCode === 404 : allowed ? res.statusCode >= 200 && res.statusCode < 300 : res.statusCode === 403;
        if (!ok) failures.push(`${key} own (${right}): expected ${allowed ? '2xx' : '403'}, got ${res.statusCode} ${res.body.slice(0, 120)}`);
        if (fixture.other) {
          const again = await sessionFor(app, db, config, self.email);
          const other = await fixture.other(ctx);
          const res2 = await again.request(r.method as 'GET', other.url, other.body);
          const want = [404];
          if (!want.includes(res2.statusCode) && !(role === 'coordinator' && res2.statusCode === 403)) {
            failures.push(`${key} other school: expected 404, got ${res2.statusCode}`);
          }
        }
      }
      expect(failures).toEqual([]);
    }, 180_000); // ~140 routes × 2 schools, each with a fresh session
  }

  it("another school's person is unchanged after every cross-school attempt", async () => {
    const res = await (await signIn(app, (actors.get('school_admin') as BuiltPerson).email)).get(`/api/v1/people/${ctxBase.targetB.id}`);
    expect(res.statusCode).toBe(404);
    const { people, personRoles } = await import('./db/schema/index');
    const [p] = await db.select().from(people).where(eq(people.id, ctxBase.targetB.id));
    expect(p?.jobTitle).toBeNull();
    const roles = await db.select().from(personRoles).where(eq(personRoles.personId, ctxBase.targetB.id));
    expect(roles.map((r) => r.role)).toEqual(['teacher']);
  });
});
