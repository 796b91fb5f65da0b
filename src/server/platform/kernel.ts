import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from './deps';
import type { Executor } from '../db/client';
import { requireSchool, type Actor } from './actor';
import { audit, type AuditEntry } from './audit';
import type { Feature } from './feature';
import { actorOf, type App } from './http';
import { authorize, installRules, requiresResource, type Action } from './policy';
import { invalid } from './errors';
import { rawTextHasRefusedCharacter, refusedCharacterError, refusedCharacterPaths } from './text';
import type { Received, RouteDef } from './route';
import { installSockets, REALTIME } from './realtime';

/** Marks a Fastify route as built by the kernel; app.ts refuses any /api/v1 route without it. */
export const KERNEL = 'retning.kernel';

export class MissingAuditError extends Error {
  constructor(route: string) {
    super(`${route} wrote to the database without an audit event (declare audit: false if that is intended)`);
  }
}

function actorFor(def: RouteDef, req: FastifyRequest): Actor | null {
  if (def.access === 'public') return req.actor;
  const actor = actorOf(req);
  return def.access === 'account' ? actor : requireSchool(actor);
}

/**
 * A network coordinator has no school: a school's route is refused (by `actorFor`), and the attempt
 * is kept in the network's log (docs/network.md). Only on that refusal, so the usual request pays nothing.
 */
async function keepCoordinatorRefusal(def: RouteDef, req: FastifyRequest, deps: AppDeps): Promise<void> {
  const actor = req.actor;
  if (def.access === 'public' || def.access === 'account' || !actor || actor.school || !actor.network) return;
  await audit(deps.database.db, actor, {
    networkId: actor.network.id,
    action: 'network.school_data_refused',
    resourceType: 'route',
    summary: `${def.method} ${req.routeOptions.url ?? def.url}`,
  });
}

function responseSchemas(def: RouteDef): Record<number, z.ZodType> {
  const r = def.response;
  if (r instanceof z.ZodType) return { [def.status ?? 200]: r };
  if (r.kind === 'no_content') return { 204: z.null().describe('No content') };
  // A file: strings, buffers and streams are sent as they are; the schema only documents it.
  return { [def.status ?? 200]: z.string().describe(`A file (${r.contentType})`) };
}

type KernelInput = { req: FastifyRequest; actor: Actor | null; deps: AppDeps; db: Executor; params: unknown; query: unknown; body: unknown };

/** The route's `load`, then `authorize` with what it found. */
async function loadAuthorized(def: RouteDef, input: KernelInput): Promise<unknown> {
  const base = input as never;
  const resource = def.load ? await def.load(base) : undefined;
  if (def.action && input.actor) authorize(input.actor, def.action, (def.policyResource ? def.policyResource(resource, base) : resource) as never);
  return resource;
}

/**
 * Before the schemas: any string in the path, the query or the body (keys included) that holds a
 * NUL or a lone surrogate is a 422 naming the field, for every route at once (platform/text.ts).
 * A raw text body (CSV) is checked as text.
 */
function refuseBadText(def: RouteDef) {
  return async (req: FastifyRequest) => {
    const fields = [...refusedCharacterPaths(req.params, 'params'), ...refusedCharacterPaths(req.query, 'query')];
    if (req.body instanceof Uint8Array) {
      if (def.rawBody === 'csv' && rawTextHasRefusedCharacter(req.body)) fields.push('body');
    } else fields.push(...refusedCharacterPaths(req.body, 'body'));
    if (fields.length) throw invalid(fields.map(refusedCharacterError));
  };
}

/** The one handler every API route runs through. */
function kernelHandler(def: RouteDef, deps: AppDeps) {
  const name = `${def.method} ${def.url}`;
  const mustAudit = def.writes === true && def.audit !== false && deps.config.env !== 'production';
  return async (req: FastifyRequest, reply: FastifyReply) => {
    let actor: Actor | null;
    try {
      actor = actorFor(def, req);
    } catch (e) {
      await keepCoordinatorRefusal(def, req, deps);
      throw e;
    }
    const after: (() => unknown)[] = [];
    const run = async (db: Executor, received?: Received) => {
      const input = { req, actor, deps, db, params: req.params, query: req.query, body: req.body };
      const resource = await loadAuthorized(def, input);
      let audits = 0;
      const result = await def.handler({
        ...(input as typeof input & { params: never; query: never; body: never }),
        reply,
        resource,
        received,
        audit: async (entry: AuditEntry) => {
          audits++;
          if (actor) await audit(db, actor, entry);
        },
        afterCommit: (fn) => void after.push(fn),
      });
      if (mustAudit && audits === 0) throw new MissingAuditError(name);
      return result;
    };
    const db = deps.database.db;
    // A large body (an upload) is read once the actor may send it and before the transaction (route.ts, `receive`).
    const outside = { req, actor, deps, db, params: req.params, query: req.query, body: req.body };
    const received = def.receive ? await def.receive({ ...outside, resource: await loadAuthorized(def, outside) } as never) : undefined;
    const settle = async () => {
      const out = def.writes ? await db.transaction((tx) => run(tx, received)) : await run(db, received);
      for (const fn of after) await fn();
      return out;
    };
    const result = await (received ? settle().finally(() => received.discard()) : settle());
    const r = def.response;
    if (!(r instanceof z.ZodType) && r.kind === 'no_content') return reply.code(204).send();
    if (!(r instanceof z.ZodType)) return result;
    reply.code(def.status ?? 200);
    return result;
  };
}

function toFastify(def: RouteDef, feature: string, deps: AppDeps): RouteOptions {
  if (def.access !== 'public' && !def.action) throw new Error(`${def.method} ${def.url}: a route that needs a session must name its policy action`);
  if (def.access === 'public' && def.action) throw new Error(`${def.method} ${def.url}: a public route has no signed-in actor to authorize`);
  const file = !(def.response instanceof z.ZodType) && def.response.kind === 'file' ? def.response : null;
  return {
    method: def.method,
    url: def.url,
    config: { access: def.access === 'public' ? 'public' : 'session', action: def.action ?? undefined, [KERNEL]: true },
    schema: {
      tags: def.tags ?? [feature],
      summary: def.summary,
      ...(def.params ? { params: def.params } : {}),
      ...(def.query ? { querystring: def.query } : {}),
      ...(def.body ? { body: def.body } : {}),
      ...(def.rawBody === 'csv' ? { consumes: ['text/csv'] } : def.rawBody === 'multipart' ? { consumes: ['multipart/form-data'] } : {}),
      ...(file ? { produces: [file.contentType] } : {}),
      response: responseSchemas(def),
    } as RouteOptions['schema'],
    preValidation: refuseBadText(def),
    handler: kernelHandler(def, deps),
  };
}

/** Installs every feature: its rules into the policy module, its routes through the kernel. */
export function installFeatures(app: App, features: readonly Feature[]): void {
  installPolicies(features);
  for (const feature of features) {
    for (const def of feature.routes) app.route(toFastify(def, feature.name, app.deps));
    installSockets(app, feature.sockets ?? [], KERNEL);
  }
}

/** The rules alone (policy tests and tools that need no HTTP app). */
export function installPolicies(features: readonly Feature[]): void {
  for (const feature of features) {
    installRules(feature.rules);
    requiresResource(...((feature.resourceActions ?? []) as Action[]));
  }
}

/** app.ts's guard: every /api/v1 route comes from the kernel, and every WebSocket there from its socket steps. */
export function assertKernelRoute(route: { url: string; method: string | string[]; config?: unknown; websocket?: boolean }): void {
  if (!route.url.startsWith('/api/v1')) return;
  const config = route.config as Record<string, unknown> | undefined;
  if (config?.[KERNEL] !== true) {
    throw new Error(`${String(route.method)} ${route.url} is not built through the route kernel (platform/route.ts)`);
  }
  if ((route.websocket === true) !== (config[REALTIME] === true)) {
    throw new Error(`${String(route.method)} ${route.url}: a WebSocket route is declared with socketRoute() (platform/realtime.ts), an HTTP route with route()`);
  }
}
