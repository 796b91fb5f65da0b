import { and, asc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { NO_CONTENT, ZId } from '../../../shared/api/common';
import { ZCalendar, ZCalendarItem, ZFeedCreated, ZFeedList } from '../../../shared/api/calendar';
import type { Executor } from '../../db/client';
import { calendarFeeds, calendarItems, departments, schools } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import { invalid, notFound } from '../../platform/errors';
import { loadScoped } from '../../platform/loader';
import { abilitiesOn } from '../../platform/policy';
import { route } from '../../platform/route';
import { ownOrigin } from '../../platform/security';
import { todayInCopenhagen } from '../../platform/time';
import { newSecret } from '../../platform/tokens';
import { feedScope } from '../strategy/api';
import { addItem, changeItem, checkDepartment } from './commands';
import { presentItem } from './presenter';
import { ZCalendarQuery, ZFeedInput, ZItemInput, ZItemPatch } from './schemas';
import { schoolYearOf, schoolYearStarting } from './school-year';

const tags = ['calendar'];
const scoped = (departmentId: string | null) => ({ kind: 'department_scoped' as const, departmentId });

async function itemById(db: Executor, actor: SchoolActor, id: string) {
  const [row] = await db.select().from(calendarItems).where(and(eq(calendarItems.schoolId, actor.school.id), eq(calendarItems.id, id)));
  if (!row) throw notFound();
  return presentItem(row);
}

export const calendarRoutes = [
  route({
    method: 'GET',
    url: '/calendar',
    summary: 'The årshjul: dated items of every module in a school year (schoolYear: the year it starts; default: the current one) or a period',
    tags,
    action: 'calendar:read',
    query: ZCalendarQuery,
    response: ZCalendar,
    handler: async ({ db, actor, query }) => {
      if (query.schoolYear !== undefined && (query.from !== undefined || query.to !== undefined)) {
        throw invalid([{ field: 'schoolYear', key: 'calendar.validation.year_or_period' }]);
      }
      const [school] = await db.select({ settings: schools.settings }).from(schools).where(eq(schools.id, actor.school.id));
      const startMonth = school?.settings.schoolYearStartMonth ?? 8;
      const year = query.schoolYear !== undefined ? schoolYearStarting(startMonth, query.schoolYear) : schoolYearOf(startMonth, query.from ?? todayInCopenhagen());
      const from = query.from ?? year.start;
      const to = query.to ?? year.end;
      if (to < from) throw invalid([{ field: 'to', key: 'strategy.validation.end_before_start' }]);
      const where = [eq(calendarItems.schoolId, actor.school.id), lte(calendarItems.startsOn, to), gte(calendarItems.endsOn, from), eq(calendarItems.status, 'confirmed')];
      if (query.departmentId) where.push(or(eq(calendarItems.departmentId, query.departmentId), isNull(calendarItems.departmentId)) ?? sql`true`);
      if (query.sigtelinje) where.push(sql`${query.sigtelinje} = any(${calendarItems.sigtelinjer})`);
      const rows = await db.select().from(calendarItems).where(and(...where)).orderBy(asc(calendarItems.startsOn), asc(calendarItems.title));
      return { from, to, schoolYear: year.startYear, schoolYearStartMonth: startMonth, abilities: abilitiesOn(actor, ['calendar:manage']), items: rows.map(presentItem) };
    },
  }),
  route({
    method: 'POST',
    url: '/calendar/items',
    summary: 'Add a dated item to the årshjul',
    tags,
    action: 'calendar:manage',
    body: ZItemInput,
    status: 201,
    response: ZCalendarItem,
    writes: true,
    load: async ({ body }) => scoped(body.departmentId ?? null),
    handler: async (ctx) => itemById(ctx.db, ctx.actor, await addItem(ctx, ctx.body)),
  }),
  route({
    method: 'PATCH',
    url: '/calendar/items/:id',
    summary: 'Edit or cancel an item added in the årshjul',
    tags,
    action: 'calendar:manage',
    params: ZId,
    body: ZItemPatch,
    response: ZCalendarItem,
    writes: true,
    load: ({ db, actor, params }) => loadScoped(db, actor, calendarItems, params.id),
    policyResource: (item) => scoped(item.departmentId),
    handler: async (ctx) => {
      await changeItem(ctx, ctx.resource, ctx.body);
      return itemById(ctx.db, ctx.actor, ctx.resource.id);
    },
  }),

  // ------------------------------------------------------------ iCalendar subscriptions
  route({
    method: 'GET',
    url: '/calendar/feeds',
    summary: 'My calendar subscriptions (top management: all of the school)',
    tags,
    action: 'calendar:subscribe',
    response: ZFeedList,
    handler: async ({ db, actor }) => {
      const scope = feedScope(actor);
      const where = [eq(calendarFeeds.schoolId, actor.school.id), isNull(calendarFeeds.revokedAt)];
      if (scope !== 'all') where.push(eq(calendarFeeds.createdBy, scope.createdBy));
      return db
        .select({
          id: calendarFeeds.id,
          departmentId: calendarFeeds.departmentId,
          departmentName: departments.name,
          createdAt: calendarFeeds.createdAt,
          mine: sql<boolean>`${calendarFeeds.createdBy} = ${actor.accountId}`,
        })
        .from(calendarFeeds)
        .leftJoin(departments, and(eq(departments.schoolId, calendarFeeds.schoolId), eq(departments.id, calendarFeeds.departmentId)))
        .where(and(...where))
        .orderBy(asc(calendarFeeds.createdAt));
    },
  }),
  route({
    method: 'POST',
    url: '/calendar/feeds',
    summary: 'Create a subscription URL (the token is shown once)',
    tags,
    action: 'calendar:subscribe',
    body: ZFeedInput,
    status: 201,
    response: ZFeedCreated,
    writes: true,
    handler: async ({ db, actor, body, audit, deps, req }) => {
      const departmentId = body.departmentId ?? null;
      await checkDepartment(db, actor, departmentId);
      const { token, hash } = newSecret();
      const [feed] = await db.insert(calendarFeeds).values({ schoolId: actor.school.id, tokenHash: hash, departmentId, createdBy: actor.accountId }).returning();
      if (!feed) throw new Error('insert returned nothing');
      await audit({ action: 'calendar_feed.created', resourceType: 'calendar_feed', resourceId: feed.id, changes: { departmentId } });
      return { id: feed.id, departmentId, url: `${ownOrigin(deps.config, req)}/api/v1/ical/${token}.ics` };
    },
  }),
  route({
    method: 'DELETE',
    url: '/calendar/feeds/:id',
    summary: 'Revoke a subscription URL',
    tags,
    action: 'calendar:subscribe',
    params: ZId,
    response: NO_CONTENT,
    writes: true,
    load: ({ db, actor, params }) => loadScoped(db, actor, calendarFeeds, params.id),
    policyResource: (feed) => ({ kind: 'calendar_feed' as const, createdBy: feed.createdBy }),
    handler: async ({ db, actor, resource: feed, audit }) => {
      await db
        .update(calendarFeeds)
        .set({ revokedAt: feed.revokedAt ?? new Date() })
        .where(and(eq(calendarFeeds.schoolId, actor.school.id), eq(calendarFeeds.id, feed.id)));
      await audit({ action: 'calendar_feed.revoked', resourceType: 'calendar_feed', resourceId: feed.id });
    },
  }),
];
