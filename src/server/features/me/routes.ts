import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { NO_CONTENT, ZId } from '../../../shared/api/common';
import { ZMe, ZSchoolSwitched, ZSessionList } from '../../../shared/api/me';
import { ZNetworkSwitched, ZNetworkSwitchInput } from '../../../shared/api/network';
import { ZLocale } from '../../../shared/schemas';
import { accounts, networkRoles, people, schools, sessions } from '../../db/schema/index';
import { invalid, notFound } from '../../platform/errors';
import { isUuid } from '../../platform/loader';
import { route } from '../../platform/route';
import { accountChanged, sessionChanged } from '../../platform/session-events';
import { endSession } from '../../platform/sessions';
import { setWeeklyDigest } from '../home/api';
import { presentMe } from './presenter';

/*
 * My account: who I am, my language, the school this session works in, my sessions. None of it is
 * the school's business, so the writes here write no audit event; every app instance's session
 * cache hears of a change when its transaction commits (platform/session-events.ts).
 */

const getMe = route({
  method: 'GET',
  url: '/me',
  summary: 'The signed-in person, schools, roles and abilities',
  tags: ['me'],
  access: 'account',
  action: 'account:self',
  response: ZMe,
  handler: async ({ db, actor }) => ({ ...(await presentMe(db, actor)), csrfToken: actor.csrfToken }),
});

const patchMe = route({
  method: 'PATCH',
  url: '/me',
  summary: 'Remember the language, and whether the weekly digest of Min side comes by e-mail (for the school the session works in)',
  tags: ['me'],
  access: 'account',
  action: 'account:self',
  body: z.strictObject({ locale: ZLocale.optional(), weeklyDigest: z.boolean().optional() }),
  response: ZMe,
  writes: true,
  audit: false,
  handler: async ({ db, actor, body }) => {
    if (body.weeklyDigest !== undefined) {
      // the digest is a person's in a school: an account without one has none to turn on or off
      if (!actor.school || !actor.person) throw invalid([{ field: 'weeklyDigest', key: 'validation.no_school' }]);
      await setWeeklyDigest(db, actor.school.id, actor.person.id, body.weeklyDigest);
    }
    if (body.locale === undefined) return presentMe(db, actor);
    await db.update(accounts).set({ locale: body.locale }).where(eq(accounts.id, actor.accountId));
    await accountChanged(db, actor.accountId);
    return presentMe(db, { ...actor, locale: body.locale });
  },
});

const switchSchool = route({
  method: 'POST',
  url: '/me/school',
  summary: 'Switch the school this session works in',
  tags: ['me'],
  access: 'account',
  action: 'account:self',
  body: z.strictObject({ schoolId: z.uuid() }),
  response: ZSchoolSwitched,
  writes: true,
  audit: false,
  handler: async ({ db, actor, body }) => {
    // An archived school is closed to its people (docs/network.md): no switching into it.
    const [member] = await db
      .select({ id: people.id })
      .from(people)
      .innerJoin(schools, and(eq(schools.id, people.schoolId), isNull(schools.archivedAt)))
      .where(and(eq(people.accountId, actor.accountId), eq(people.schoolId, body.schoolId), eq(people.active, true)));
    if (!member) throw notFound();
    await db.update(sessions).set({ schoolId: body.schoolId }).where(eq(sessions.id, actor.sessionId));
    await sessionChanged(db, actor.sessionId);
    return { schoolId: body.schoolId };
  },
});

const switchNetwork = route({
  method: 'PUT',
  url: '/me/network',
  summary: 'Switch the network this session works in (a coordinator of several)',
  tags: ['me'],
  access: 'account',
  action: 'network:switch',
  body: ZNetworkSwitchInput,
  response: ZNetworkSwitched,
  writes: true,
  audit: false,
  handler: async ({ db, actor, body }) => {
    if (!isUuid(body.networkId)) throw notFound();
    const [role] = await db
      .select({ id: networkRoles.networkId })
      .from(networkRoles)
      .where(and(eq(networkRoles.accountId, actor.accountId), eq(networkRoles.networkId, body.networkId)))
      .limit(1);
    if (!role) throw notFound();
    await db.update(sessions).set({ networkId: body.networkId }).where(eq(sessions.id, actor.sessionId));
    await sessionChanged(db, actor.sessionId);
    return { networkId: body.networkId };
  },
});

const listSessions = route({
  method: 'GET',
  url: '/me/sessions',
  summary: 'My open sessions',
  tags: ['me'],
  access: 'account',
  action: 'account:self',
  response: ZSessionList,
  handler: async ({ db, actor, deps }) => {
    const rows = await db
      .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, ip: sessions.ip, userAgent: sessions.userAgent })
      .from(sessions)
      .where(and(eq(sessions.accountId, actor.accountId), isNull(sessions.endedAt), gt(sessions.expiresAt, new Date())))
      .orderBy(desc(sessions.lastSeenAt));
    const idleCutoff = Date.now() - deps.config.sessionIdleMs;
    return rows.filter((r) => r.lastSeenAt.getTime() > idleCutoff).map((r) => ({ ...r, current: r.id === actor.sessionId }));
  },
});

const endMySession = route({
  method: 'DELETE',
  url: '/me/sessions/:id',
  summary: 'End one of my sessions',
  tags: ['me'],
  access: 'account',
  action: 'account:self',
  params: ZId,
  response: NO_CONTENT,
  writes: true,
  audit: false,
  handler: async ({ db, actor, params }) => {
    if (!isUuid(params.id)) throw notFound();
    const [own] = await db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.id, params.id), eq(sessions.accountId, actor.accountId)));
    if (!own) throw notFound();
    await endSession(db, own.id);
  },
});

export const meRoutes = [getMe, patchMe, switchSchool, switchNetwork, listSessions, endMySession];
