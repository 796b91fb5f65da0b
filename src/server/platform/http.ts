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
    .header('content-disposition', contentDisposition(filename))
    .header('x-content-type-options', 'nosniff');
}

const SPELT_OUT: Record<string, string> = { æ: 'ae', Æ: 'AE', ø: 'oe', Ø: 'OE', å: 'aa', Å: 'AA' };

/**
 * `attachment` with the file's name (RFC 6266): an ASCII `filename` for old clients (Danish letters
 * spelt out, accents dropped, anything else non-ASCII and quotes as "_"), and, when that is not the
 * name itself, the exact name as UTF-8 in `filename*` (RFC 5987 percent-encoding).
 */
export function contentDisposition(filename: string): string {
  const ascii = filename
    .replace(/[æÆøØåÅ]/g, (c) => SPELT_OUT[c] ?? '_')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  const fallback = `attachment; filename="${ascii}"`;
  if (ascii === filename) return fallback;
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${fallback}; filename*=UTF-8''${encoded}`;
}

export type RouteInfo = { method: string; url: string; access: 'public' | 'session'; action: Action | undefined };
