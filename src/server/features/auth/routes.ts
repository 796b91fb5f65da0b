import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { accounts, people, schools } from '../../db/schema/index';
import { ZLogin, ZSetPassword } from '../../../shared/schemas';
import { SESSION_COOKIE, endSession } from '../../platform/sessions';
import { actorOf, type App } from '../../platform/http';
import { authorize } from '../../platform/policy';
import { ownOrigin } from '../../platform/security';
import { describeToken, deliverLink, issueToken, linkFor, redeemToken } from './account-tokens';
import { login } from './login';
import { presentMe } from '../me/api';
import { resolveSession } from '../../platform/sessions';

const ZToken = z.strictObject({ token: z.string().min(20).max(100) });

export function authRoutes(app: App): void {
  const { config, database, mailer } = app.deps;
  const db = database.db;

  app.post(
    '/auth/login',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'Sign in; sets the session cookie and returns the CSRF token', body: ZLogin } },
    async (req, reply) => {
      const session = await login(db, config, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] });
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
  );

  app.post('/auth/logout', { config: { action: 'account:self' }, schema: { tags: ['auth'], summary: 'Sign out and end the session' } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'account:self');
    await endSession(db, actor.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get(
    '/auth/tokens/:token',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'Describe an invitation or reset link', params: ZToken } },
    async (req) => describeToken(db, req.params.token),
  );

  app.post(
    '/auth/tokens/:token',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'Set a password with an invitation or reset link (works once)', params: ZToken, body: ZSetPassword } },
    async (req, reply) => {
      await redeemToken(db, config, req.params.token, req.body.password);
      return reply.code(204).send();
    },
  );

  app.post(
    '/auth/password-reset',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: 'Request a reset link by e-mail; always 202 so accounts cannot be discovered', body: z.strictObject({ email: z.string().trim().min(1).max(254) }) },
    },
    async (req, reply) => {
      const email = req.body.email.toLowerCase();
      // Looked up and sent after answering, so that neither the time taken nor a failing mail
      // server tells a known address from an unknown one.
      const send = async () => {
        const [row] = await db
          .select({ accountId: accounts.id, locale: accounts.locale, schoolId: schools.id, schoolName: schools.name })
          .from(accounts)
          .innerJoin(people, and(eq(people.accountId, accounts.id), eq(people.active, true)))
          .innerJoin(schools, eq(schools.id, people.schoolId))
          .where(and(sql`lower(${accounts.email}) = ${email}`, isNull(accounts.disabledAt)))
          .limit(1);
        if (row) {
          const token = await issueToken(db, { kind: 'reset', accountId: row.accountId, schoolId: row.schoolId, createdBy: null });
          await deliverLink(mailer, {
            kind: 'reset',
            to: email,
            locale: row.locale === 'en' ? 'en' : 'da',
            link: linkFor(ownOrigin(config, req), 'reset', token),
            schoolName: row.schoolName,
          });
        }
      };
      if (mailer.enabled) void send().catch((err: unknown) => req.log.error({ err }, 'password reset mail failed'));
      return reply.code(202).send({ emailEnabled: mailer.enabled });
    },
  );
}
