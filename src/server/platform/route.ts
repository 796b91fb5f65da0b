import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AppDeps } from './deps';
import type { Executor } from '../db/client';
import type { FileResponse, NO_CONTENT } from '../../shared/api/common';
import type { Actor, SchoolActor } from './actor';
import type { AuditEntry } from './audit';
import type { Action, ResourceOf } from './policy';

/**
 * One route, declared once: what it accepts, what it answers, how it finds its resource, which
 * policy action guards it, whether it writes. The kernel (`platform/kernel.ts`) does the rest in
 * the same order for every route: session → school → validated input → scoped load → authorize →
 * transaction → handler → audit check → response validated against its schema.
 */
export type Access =
  /** No session needed (sign-in, one-time links, token feeds). */
  | 'public'
  /** A signed-in account, with or without a school (my account, the network coordinator). */
  | 'account'
  /** A signed-in member of a school (the default). */
  | 'school';

type Schema = z.ZodType;
type Input<S> = S extends Schema ? z.output<S> : undefined;
type ActorFor<Acc extends Access> = Acc extends 'school' ? SchoolActor : Acc extends 'account' ? Actor : Actor | null;
export type ResponseSpec = Schema | typeof NO_CONTENT | FileResponse;
/** What the handler returns: the schema's server-side value, nothing for 204, the reply for a file it sent itself. */
export type HandlerResult<R> = R extends Schema ? z.output<R> : R extends FileResponse ? FastifyReply : void;

export type LoadContext<Acc extends Access, P, Q, B> = {
  req: FastifyRequest;
  actor: ActorFor<Acc>;
  deps: AppDeps;
  db: Executor;
  params: Input<P>;
  query: Input<Q>;
  body: Input<B>;
};

/** A request body kept outside memory (an upload in a temporary file): the kernel discards it when the request has ended. */
export type Received = { discard(): Promise<unknown> };

export type RouteContext<Acc extends Access, P, Q, B, Res, Rcv = undefined> = LoadContext<Acc, P, Q, B> & {
  reply: FastifyReply;
  /** The resource `load` returned (already school-scoped and authorized). */
  resource: Res;
  /** What `receive` read before the transaction (undefined without `receive`). */
  received: Rcv;
  /** Writes an audit event in the route's transaction (ARCHITECTURE rule 6). */
  audit(entry: AuditEntry): Promise<void>;
  /** Runs after the transaction has committed (e-mails, files); never for a failed request. */
  afterCommit(fn: () => unknown): void;
};

export type RouteSpec<Acc extends Access, P, Q, B, R extends ResponseSpec, A extends Action, Res, Rcv = undefined> = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path under /api/v1. */
  url: string;
  summary: string;
  tags?: string[];
  access?: Acc;
  /** The policy action; only a public route may go without. */
  action: Acc extends 'public' ? A | null : A;
  params?: P;
  query?: Q;
  body?: B;
  /** The success status (200 unless said). */
  status?: 200 | 201 | 202 | 204;
  response: R;
  /** Finds the resource inside the actor's school (404 alike for missing and foreign). */
  load?: (c: LoadContext<Acc, P, Q, B>) => Promise<Res>;
  /** The policy resource of what `load` found, when the loaded value is not itself the resource. */
  policyResource?: (res: Res, c: LoadContext<Acc, P, Q, B>) => ResourceOf<A> | undefined;
  /** The handler runs in one transaction and must write an audit event (`audit: false` only for writes that are not the school's business, e.g. a session). */
  writes?: boolean;
  audit?: false;
  /**
   * The answer holds aggregates of people's answers, shaped by `platform/anonymity.ts`
   * (docs/ANONYMITY.md); `src/server/aggregate-routes.test.ts` requests every such route.
   */
  aggregate?: true;
  /** The body is a raw buffer (CSV) or multipart: no JSON schema for it. */
  rawBody?: 'csv' | 'multipart';
  /**
   * Reads a body too large to hold in memory (an upload) once `load` and `authorize` have passed
   * and before the transaction opens, so that no transaction waits on the network; the kernel then
   * loads and authorizes again inside the transaction and hands the result to the handler as
   * `received`. Its `discard()` runs when the request has ended, failed or not (a handler keeps a
   * file by moving it in `afterCommit`).
   */
  receive?: (c: LoadContext<Acc, P, Q, B> & { resource: Res }) => Promise<Rcv>;
  handler: (c: RouteContext<Acc, P, Q, B, Res, Rcv>) => Promise<HandlerResult<R>>;
};

/** A route as the kernel keeps it, its types erased. */
export type RouteDef = RouteSpec<Access, unknown, unknown, unknown, ResponseSpec, Action, unknown, Received | undefined> & { readonly __kernel: true };

/** Declares a route. The types follow from the schemas; nothing is registered until the kernel installs the feature. */
export function route<
  A extends Action,
  R extends ResponseSpec,
  Acc extends Access = 'school',
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  Res = never,
  Rcv extends Received | undefined = undefined,
>(spec: RouteSpec<Acc, P, Q, B, R, A, Res, Rcv>): RouteDef {
  return { ...spec, __kernel: true } as unknown as RouteDef;
}
