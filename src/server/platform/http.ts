import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from './actor';
import type { Locale } from './messages';
import { unauthenticated } from './errors';
import type { Action } from './policy';

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** 'public' routes need no session; every other route does (deny by default). */
    access?: 'public' | 'session';
    /** The policy action the route authorizes; the authorization matrix test reads it. */
    action?: Action;
    /** Set by the route kernel on every route it builds. */
    'retning.kernel'?: true;
  }
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
  }
}

/** The signed-in actor; the auth hook has already refused anonymous requests to session routes. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}

/** A download that the browser saves instead of rendering. */
export function attachment(reply: FastifyReply, filename: string, contentType: string): FastifyReply {
  return reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('x-content-type-options', 'nosniff');
}

export type RouteInfo = { method: string; url: string; access: 'public' | 'session'; action: Action | undefined };
