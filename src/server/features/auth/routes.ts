import { z } from 'zod';
import { ZLoginResult, ZLogoutResult, ZResetRequested, ZTokenInfo } from '../../../shared/api/auth';
import { NO_CONTENT } from '../../../shared/api/common';
import { ZLogin, ZSetPassword } from '../../../shared/schemas';
import { route } from '../../platform/route';
import { ownOrigin } from '../../platform/security';
import { SESSION_COOKIE, endSession, resolveSession } from '../../platform/sessions';
import { presentMe } from '../me/api';
import { endSessionUrl } from '../sign-in/api';
import { describeToken, redeemToken } from './account-tokens';
import { login } from './login';
import { sendResetLink } from './reset';

const ZToken = z.strictObject({ token: z.string().min(20).max(100) });

/*
 * Sign-in and one-time links. Sessions are not the school's business: nothing here writes an
 * audit event. Sign-in, redeeming a link and the self-service reset keep their own writes out of
 * the kernel's transaction (writes: false), each for the reason given with the route.
 */

/** A failed attempt must stay recorded when the route answers 401 (the rate limit counts it), so no surrounding transaction. */
const signIn = route({
  method: 'POST',
  url: '/auth/login',
  summary: 'Sign in; sets the session cookie and returns the CSRF token',
  tags: ['auth'],
  access: 'public',
  action: null,
  body: ZLogin,
  response: ZLoginResult,
  handler: async ({ db, deps, req, reply, body }) => {
    const { config } = deps;
    const session = await login(db, config, { ...body, ip: req.ip, userAgent: req.headers['user-agent'] });
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: req.protocol === 'https',
      maxAge: Math.floor(config.sessionAbsoluteMs / 1000),
    });
    const actor = await resolveSession(db, config, session.token);
    if (!actor) throw new Error('fresh session did not resolve');
    return { csrfToken: session.csrfToken, me: await presentMe(db, actor) };
  },
});

const signOut = route({
  method: 'POST',
  url: '/auth/logout',
  summary: "Sign out and end the session; answers the identity provider's sign-out link when the session came through one",
  tags: ['auth'],
  access: 'account',
  action: 'account:self',
  response: ZLogoutResult,
  writes: true,
  audit: false,
  handler: async ({ db, deps, req, actor, reply }) => {
    const provider = await endSessionUrl(db, deps.config, actor.sessionId, ownOrigin(deps.config, req));
    await endSession(db, actor.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { endSessionUrl: provider?.url ?? null, providerLabel: provider?.label ?? null };
  },
});

const describeLink = route({
  method: 'GET',
  url: '/auth/tokens/:token',
  summary: 'Describe an invitation or reset link',
  tags: ['auth'],
  access: 'public',
  action: null,
  params: ZToken,
  response: ZTokenInfo,
  handler: ({ db, params }) => describeToken(db, params.token),
});

/** The password is hashed (argon2id, slow on purpose) before the link's own short transaction, not inside one. */
const redeemLink = route({
  method: 'POST',
  url: '/auth/tokens/:token',
  summary: 'Set a password with an invitation or reset link (works once)',
  tags: ['auth'],
  access: 'public',
  action: null,
  params: ZToken,
  body: ZSetPassword,
  response: NO_CONTENT,
  handler: ({ db, params, body }) => redeemToken(db, params.token, body.password),
});

/** Answers first and looks the address up afterwards, so that neither the time taken nor a failing mail server tells a known address from an unknown one. */
const requestReset = route({
  method: 'POST',
  url: '/auth/password-reset',
  summary: 'Request a reset link by e-mail; always 202 so accounts cannot be discovered',
  tags: ['auth'],
  access: 'public',
  action: null,
  body: z.strictObject({ email: z.string().trim().min(1).max(254) }),
  status: 202,
  response: ZResetRequested,
  handler: async ({ db, deps, req, body }) => {
    const { mailer } = deps;
    if (mailer.enabled) {
      const send = sendResetLink(db, mailer, { email: body.email.toLowerCase(), origin: ownOrigin(deps.config, req) });
      void send.catch((err: unknown) => req.log.error({ err }, 'password reset mail failed'));
    }
    return { emailEnabled: mailer.enabled };
  },
});

export const authRoutes = [signIn, signOut, describeLink, redeemLink, requestReset];
