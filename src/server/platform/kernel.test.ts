import Fastify from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZId } from '../../shared/api/common';
import { auditEvents, departments } from '../db/schema/index';
import { buildPerson, buildSchool, type BuiltSchool } from '../test/factories';
import { testConfig, testDatabase } from '../test/database';
import { createMailer } from './mail';
import type { Actor } from './actor';
import { defineFeature } from './feature';
import { isAdmin } from './policy-helpers';
import type { App } from './http';
import { assertKernelRoute, installFeatures } from './kernel';
import { route } from './route';
import { responseSerializer } from './serializer';
import { toAppError } from './problem';

/**
 * The route kernel keeps the rules by construction: a route built by hand is refused at start, a
 * writing route that wrote no audit event fails and leaves nothing behind, and an answer that holds
 * a field its schema does not describe fails in tests instead of reaching the browser.
 */
const database = await testDatabase();
const db = database.db;
let school: BuiltSchool;
let actor: Actor;

// the org feature's own rule (the same function), because the policy knows one rule per action in the process
const orgRules = defineFeature({ name: 'org', routes: [], rules: { 'org:manage': isAdmin } });
const ZDept = z.object({ id: z.string(), name: z.string() });
const probe = defineFeature({
  name: 'probe',
  rules: {},
  routes: [
    route({
      method: 'POST',
      url: '/probe/audited',
      summary: 'writes and audits',
      action: 'org:manage',
      body: z.strictObject({ name: z.string() }),
      status: 201,
      response: ZDept,
      writes: true,
      handler: async ({ db: tx, actor: a, body, audit }) => {
        const [d] = await tx.insert(departments).values({ schoolId: a.school.id, name: body.name }).returning();
        if (!d) throw new Error('no row');
        await audit({ action: 'department.created', resourceType: 'department', resourceId: d.id });
        return { id: d.id, name: d.name };
      },
    }),
    route({
      method: 'POST',
      url: '/probe/unaudited',
      summary: 'writes and forgets the audit',
      action: 'org:manage',
      body: z.strictObject({ name: z.string() }),
      response: ZDept,
      writes: true,
      handler: async ({ db: tx, actor: a, body }) => {
        const [d] = await tx.insert(departments).values({ schoolId: a.school.id, name: body.name }).returning();
        if (!d) throw new Error('no row');
        return { id: d.id, name: d.name };
      },
    }),
    route({
      method: 'GET',
      url: '/probe/:id',
      summary: 'answers more than its schema says',
      action: 'org:manage',
      params: ZId,
      response: ZDept,
      load: async ({ params }) => ({ id: params.id }),
      handler: async ({ resource }) => ({ id: resource.id, name: 'x', secret: 'not described' }) as z.output<typeof ZDept>,
    }),
  ],
});

async function probeApp(extra?: (api: App) => void): Promise<App> {
  const app = Fastify() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer(true));
  app.decorate('deps', { config: testConfig(), database, mailer: createMailer(undefined, 'test@retning') });
  app.decorateRequest('actor', null);
  app.addHook('onRoute', assertKernelRoute);
  app.addHook('onRequest', async (req) => {
    req.actor = actor;
  });
  app.setErrorHandler((err, _req, reply) => {
    const known = toAppError(err as Error);
    return reply.code(known?.status ?? 500).send({ code: known?.code ?? 'internal', message: (err as Error).message });
  });
  await app.register(
    async (api) => {
      installFeatures(api as App, [probe, orgRules]);
      extra?.(api as App);
    },
    { prefix: '/api/v1' },
  );
  await app.ready();
  return app;
}

beforeAll(async () => {
  school = await buildSchool(db);
  const admin = await buildPerson(db, school, { roles: ['school_admin'] });
  actor = {
    accountId: admin.accountId ?? '',
    email: admin.email,
    locale: 'da',
    sessionId: 's',
    csrfToken: 'c',
    school: { id: school.id, name: school.name, networkId: school.networkId },
    person: { id: admin.id, name: admin.name, departmentId: null },
    roles: ['school_admin'],
    network: null,
  };
});
afterAll(() => database.close());

describe('route kernel', () => {
  it('refuses at start a route under /api/v1 that was not built through the kernel', async () => {
    await expect(probeApp((api) => api.get('/by-hand', async () => ({ ok: true })))).rejects.toThrow(/not built through the route kernel/);
  });

  it('runs a writing route in one transaction with its audit event', async () => {
    const app = await probeApp();
    const res = await app.inject({ method: 'POST', url: '/api/v1/probe/audited', payload: { name: 'Auditeret' } });
    expect(res.statusCode).toBe(201);
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.schoolId, school.id), eq(auditEvents.resourceId, res.json().id)));
    expect(event?.action).toBe('department.created');
    await app.close();
  });

  it('fails a writing route that wrote no audit event, and nothing it wrote is kept', async () => {
    const app = await probeApp();
    const res = await app.inject({ method: 'POST', url: '/api/v1/probe/unaudited', payload: { name: 'Uden revisionsspor' } });
    expect(res.statusCode).toBe(500);
    expect(res.json().message).toMatch(/without an audit event/);
    const rows = await db.select().from(departments).where(and(eq(departments.schoolId, school.id), eq(departments.name, 'Uden revisionsspor')));
    expect(rows).toEqual([]);
    await app.close();
  });

  it('denies by policy before the handler runs', async () => {
    const app = await probeApp();
    const saved = actor;
    actor = { ...actor, roles: ['teacher'] };
    const res = await app.inject({ method: 'POST', url: '/api/v1/probe/audited', payload: { name: 'Må ikke' } });
    actor = saved;
    expect(res.statusCode).toBe(403);
    expect(await db.select().from(departments).where(and(eq(departments.schoolId, school.id), eq(departments.name, 'Må ikke')))).toEqual([]);
    await app.close();
  });

  it('fails an answer that holds a field its response schema does not describe', async () => {
    const app = await probeApp();
    const res = await app.inject({ method: 'GET', url: '/api/v1/probe/00000000-0000-4000-8000-000000000009' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('not described');
    await app.close();
  });
});
