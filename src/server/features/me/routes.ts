import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { accounts, people, sessions } from '../../db/schema/index';
import { ZLocale } from '../../../shared/schemas';
import { authorize } from '../../platform/policy';
import { actorOf, type App } from '../../platform/http';
import { endSession } from '../../platform/sessions';
import { isUuid } from '../../platform/loader';
import { notFound } from '../../platform/errors';
import { presentMe } from './presenter';
import { accountChanged, sessionChanged } from '../../platform/session-cache';

export function meRoutes(app: App): void {
  const { database, config } = app.deps;
  const db = database.db;

  app.get('/me', { config: { action: 'account:self' }, schema: { tags: ['me'], summary: 'The signed-in person, schools, roles and abilities' } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'account:self');
    return { ...(await presentMe(db, actor)), csrfToken: actor.csrfToken };
  });

  app.patch(
    '/me',
    { config: { action: 'account:self' }, schema: { tags: ['me'], summary: 'Remember the language', body: z.strictObject({ locale: ZLocale }) } },
    async (req) => {
      const actor = actorOf(req);
      authorize(actor, 'account:self');
      await db.update(accounts).set({ locale: req.body.locale }).where(eq(accounts.id, actor.accountId));
      accountChanged(actor.accountId);
      return presentMe(db, { ...actor, locale: req.body.locale });
    },
  );

  app.post(
    '/me/school',
    { config: { action: 'account:self' }, schema: { tags: ['me'], summary: 'Switch the school this session works in', body: z.strictObject({ schoolId: z.uuid() }) } },
    async (req) => {
      const actor = actorOf(req);
      authorize(actor, 'account:self');
      const [member] = await db
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.accountId, actor.accountId), eq(people.schoolId, req.body.schoolId), eq(people.active, true)));
      if (!member) throw notFound();
      await db.update(sessions).set({ schoolId: req.body.schoolId }).where(eq(sessions.id, actor.sessionId));
      sessionChanged(actor.sessionId);
      return { schoolId: req.body.schoolId };
    },
  );

  app.get('/me/sessions', { config: { action: 'account:self' }, schema: { tags: ['me'], summary: 'My open sessions' } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'account:self');
    const rows = await db
      .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, ip: sessions.ip, userAgent: sessions.userAgent })
      .from(sessions)
      .where(and(eq(sessions.accountId, actor.accountId), isNull(sessions.endedAt), gt(sessions.expiresAt, new Date())))
      .orderBy(desc(sessions.lastSeenAt));
    const idleCutoff = Date.now() - config.sessionIdleMs;
    return rows.filter((r) => r.lastSeenAt.getTime() > idleCutoff).map((r) => ({ ...r, current: r.id === actor.sessionId }));
  });

  app.delete(
    '/me/sessions/:id',
    { config: { action: 'account:self' }, schema: { tags: ['me'], summary: 'End one of my sessions', params: z.strictObject({ id: z.string() }) } },
    async (req, reply) => {
      const actor = actorOf(req);
      authorize(actor, 'account:self');
      if (!isUuid(req.params.id)) throw notFound();
      const [own] = await db
        .select({ id: sessions.id })
        .from(sessions)
        .where(and(eq(sessions.id, req.params.id), eq(sessions.accountId, actor.accountId)));
      if (!own) throw notFound();
      await endSession(db, own.id);
      return reply.code(204).send();
    },
  );
}
