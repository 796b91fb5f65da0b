import type { FastifyReply, FastifyRequest } from 'fastify';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { fileResponse } from '../../../shared/api/common';
import { ZPublicProviders, ZSignInCallback, ZSignInStart } from '../../../shared/api/sign-in';
import type { Config } from '../../config';
import { schools, signInProviders } from '../../db/schema/index';
import { route } from '../../platform/route';
import { ownOrigin } from '../../platform/security';
import { SESSION_COOKIE } from '../../platform/sessions';
import { finishSignIn, type Finished } from './flow-finish';
import { providerForSignIn, redirectUri, startSignIn } from './flow-start';

/*
 * The public half of sign-in with a school's identity provider (docs/sign-in.md, "The flow"):
 * the buttons, the redirect to the provider and its callback. The last two are browser
 * navigations and answer with redirects, never JSON; a failure goes to the web's Danish page.
 */

const ZProviderParam = z.strictObject({ providerId: z.string().max(100) });
const REDIRECT = fileResponse('text/html');

const failurePath = (f: Extract<Finished, { ok: false }>) =>
  f.reason === 'unknown_identity' && f.schoolName !== null
    ? `/log-ind/ukendt?skole=${encodeURIComponent(f.schoolName)}`
    : `/log-ind/fejl?grund=${encodeURIComponent(f.reason)}`;

function setSessionCookie(reply: FastifyReply, req: FastifyRequest, config: Config, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    maxAge: Math.floor(config.sessionAbsoluteMs / 1000),
  });
}

const listProviders = route({
  method: 'GET',
  url: '/auth/providers',
  summary: "The schools' active identity providers, one sign-in button each",
  tags: ['auth'],
  access: 'public',
  action: null,
  response: ZPublicProviders,
  handler: async ({ db }) => {
    const rows = await db
      .select({ id: signInProviders.id, kind: signInProviders.kind, label: signInProviders.label, schoolId: schools.id, schoolName: schools.name })
      .from(signInProviders)
      .innerJoin(schools, eq(schools.id, signInProviders.schoolId))
      .where(and(eq(signInProviders.active, true), isNull(schools.archivedAt)))
      .orderBy(asc(schools.name), asc(signInProviders.label));
    return { providers: rows };
  },
});

/** Stores the flow outside any transaction: the provider's discovery may take up to its timeout. */
const start = route({
  method: 'GET',
  url: '/auth/oidc/:providerId/start',
  summary: "Start a sign-in: redirects to the provider's authorization endpoint",
  tags: ['auth'],
  access: 'public',
  action: null,
  params: ZProviderParam,
  query: ZSignInStart,
  response: REDIRECT,
  handler: async ({ db, deps, req, reply, params, query }) => {
    const provider = await providerForSignIn(db, params.providerId);
    const started = await startSignIn(db, deps.config, provider, { origin: ownOrigin(deps.config, req), invitation: query.invitation, next: query.next });
    if (started.ok) return reply.redirect(started.url, 302);
    return reply.redirect(failurePath({ ok: false, reason: started.reason, schoolName: provider.schoolName }), 302);
  },
});

/** The redirect URI registered at every provider. Failures are audited even though the sign-in is refused, so no surrounding transaction. */
const callback = route({
  method: 'GET',
  url: '/auth/oidc/callback',
  summary: 'The provider returns here: validates the answer, links the identity, sets the session cookie and redirects',
  tags: ['auth'],
  access: 'public',
  action: null,
  query: ZSignInCallback,
  response: REDIRECT,
  handler: async ({ db, deps, req, reply, query }) => {
    const search = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
    const currentUrl = new URL(`${redirectUri(ownOrigin(deps.config, req))}${search}`);
    const done = await finishSignIn(db, deps.config, {
      state: query.state,
      error: query.error,
      currentUrl,
      ip: req.ip,
      userAgent: req.headers['user-agent'],
    });
    if (!done.ok) {
      req.log.info({ reason: done.reason }, 'sign-in through a provider refused');
      return reply.redirect(failurePath(done), 302);
    }
    setSessionCookie(reply, req, deps.config, done.session.token);
    return reply.redirect(done.next ?? '/', 302);
  },
});

export const publicSignInRoutes = [listProviders, start, callback];
