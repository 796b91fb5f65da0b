import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { calendarFeeds, calendarItems, departments, schools } from '../../db/schema/index';
import { ZIsoDate, ZName } from '../../../shared/schemas';
import { requireSchool } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { conflict, invalid, notFound } from '../../platform/errors';
import { actorOf, type App } from '../../platform/http';
import { loadScoped } from '../../platform/loader';
import { authorize, can } from '../../platform/policy';
import { ownOrigin } from '../../platform/security';
import { hashSecret, newSecret } from '../../platform/tokens';
import { serializeCalendar } from './ical';
import { cancelCalendarItem, upsertCalendarItem } from './items';

const tags = ['calendar'];
const ZId = z.strictObject({ id: z.string().max(100) });
const ZCalendarQuery = z.strictObject({
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  departmentId: z.uuid().optional(),
  sigtelinje: z.string().max(60).optional(),
});
const ZItemInput = z.strictObject({
  title: ZName,
  description: z.string().trim().max(2000).nullable().optional(),
  startsOn: ZIsoDate,
  endsOn: ZIsoDate.optional(),
  departmentId: z.uuid().nullable().optional(),
  sigtelinjer: z.array(z.string().max(60)).max(10).default([]),
});
const ZItemPatch = z.strictObject({
  title: ZName.optional(),
  description: z.string().trim().max(2000).nullable().optional(),
  startsOn: ZIsoDate.optional(),
  endsOn: ZIsoDate.optional(),
  cancelled: z.literal(true).optional(),
});
const ZFeedInput = z.strictObject({ departmentId: z.uuid().nullable().optional() });
const ZToken = z.strictObject({ token: z.string().max(200) });

const MANUAL = 'calendar';
const FEED_CACHE_SIZE = 200;

/** The school year containing a date, from the school's first month (August by default). */
export function schoolYear(startMonth: number, on: string): { start: string; end: string } {
  const [y, m] = on.split('-').map(Number) as [number, number];
  const startYear = m >= startMonth ? y : y - 1;
  const start = `${startYear}-${String(startMonth).padStart(2, '0')}-01`;
  const endDate = new Date(Date.UTC(startYear + 1, startMonth - 1, 0));
  return { start, end: endDate.toISOString().slice(0, 10) };
}

const presentItem = (r: typeof calendarItems.$inferSelect) => ({
  id: r.id,
  source: r.source,
  kind: r.kind,
  title: r.title,
  description: r.description,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  departmentId: r.departmentId,
  sigtelinjer: r.sigtelinjer,
  link: r.link,
  status: r.status,
  sequence: r.sequence,
});

export function calendarRoutes(app: App): void {
  const db = app.deps.database.db;
  /** Serialised feeds per school/department, least recently built first (bounded). */
  const feedCache = new Map<string, { fingerprint: string; body: string }>();
  const { config } = app.deps;

  app.get('/calendar', { config: { action: 'calendar:read' }, schema: { tags, summary: 'The årshjul: dated items of every module in a period (default: the current school year)', querystring: ZCalendarQuery } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'calendar:read');
    const [school] = await db.select({ settings: schools.settings }).from(schools).where(eq(schools.id, actor.school.id));
    const startMonth = school?.settings.schoolYearStartMonth ?? 8;
    const year = schoolYear(startMonth, req.query.from ?? new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date()));
    const from = req.query.from ?? year.start;
    const to = req.query.to ?? year.end;
    if (to < from) throw invalid([{ field: 'to', key: 'strategy.validation.end_before_start' }]);
    const where = [eq(calendarItems.schoolId, actor.school.id), lte(calendarItems.startsOn, to), gte(calendarItems.endsOn, from), eq(calendarItems.status, 'confirmed')];
    if (req.query.departmentId) where.push(or(eq(calendarItems.departmentId, req.query.departmentId), isNull(calendarItems.departmentId)) ?? sql`true`);
    if (req.query.sigtelinje) where.push(sql`${req.query.sigtelinje} = any(${calendarItems.sigtelinjer})`);
    const rows = await db.select().from(calendarItems).where(and(...where)).orderBy(asc(calendarItems.startsOn), asc(calendarItems.title));
    return { from, to, schoolYearStartMonth: startMonth, canManage: can(actor, 'calendar:manage'), items: rows.map(presentItem) };
  });

  app.post('/calendar/items', { config: { action: 'calendar:manage' }, schema: { tags, summary: 'Add a dated item to the årshjul', body: ZItemInput } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'calendar:manage', { kind: 'department_scoped', departmentId: req.body.departmentId ?? null });
    const endsOn = req.body.endsOn ?? req.body.startsOn;
    if (endsOn < req.body.startsOn) throw invalid([{ field: 'endsOn', key: 'strategy.validation.end_before_start' }]);
    if (req.body.departmentId) await loadScoped(db, actor, departments, req.body.departmentId).catch(() => {
      throw invalid([{ field: 'departmentId', key: 'validation.unknown_department' }]);
    });
    const id = await db.transaction(async (tx) => {
      const item = await upsertCalendarItem(tx, actor.school.id, { source: MANUAL, sourceRef: randomUUID(), kind: 'event', ...req.body, endsOn });
      await audit(tx, actor, { action: 'calendar_item.created', resourceType: 'calendar_item', resourceId: item.id, summary: req.body.title, changes: { ...req.body } });
      return item.id;
    });
    const [row] = await db.select().from(calendarItems).where(and(eq(calendarItems.schoolId, actor.school.id), eq(calendarItems.id, id)));
    if (!row) throw notFound();
    return reply.code(201).send(presentItem(row));
  });

  app.patch('/calendar/items/:id', { config: { action: 'calendar:manage' }, schema: { tags, summary: 'Edit or cancel an item added in the årshjul', params: ZId, body: ZItemPatch } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const item = await loadScoped(db, actor, calendarItems, req.params.id);
    authorize(actor, 'calendar:manage', { kind: 'department_scoped', departmentId: item.departmentId });
    if (item.source !== MANUAL) throw conflict('calendar_item_managed');
    await db.transaction(async (tx) => {
      if (req.body.cancelled) await cancelCalendarItem(tx, actor.school.id, item.source, item.sourceRef);
      else {
        const startsOn = req.body.startsOn ?? item.startsOn;
        const endsOn = req.body.endsOn ?? (req.body.startsOn && item.endsOn < req.body.startsOn ? req.body.startsOn : item.endsOn);
        if (endsOn < startsOn) throw invalid([{ field: 'endsOn', key: 'strategy.validation.end_before_start' }]);
        await upsertCalendarItem(tx, actor.school.id, {
          source: item.source,
          sourceRef: item.sourceRef,
          kind: item.kind,
          title: req.body.title ?? item.title,
          description: req.body.description !== undefined ? req.body.description : item.description,
          startsOn,
          endsOn,
          departmentId: item.departmentId,
          sigtelinjer: item.sigtelinjer,
        });
      }
      await audit(tx, actor, { action: req.body.cancelled ? 'calendar_item.cancelled' : 'calendar_item.updated', resourceType: 'calendar_item', resourceId: item.id, summary: item.title, changes: { ...req.body } });
    });
    const [row] = await db.select().from(calendarItems).where(and(eq(calendarItems.schoolId, actor.school.id), eq(calendarItems.id, item.id)));
    if (!row) throw notFound();
    return presentItem(row);
  });

  // ------------------------------------------------------------ iCalendar subscriptions
  app.get('/calendar/feeds', { config: { action: 'calendar:subscribe' }, schema: { tags, summary: 'My calendar subscriptions (top management: all of the school)' } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'calendar:subscribe');
    const where = [eq(calendarFeeds.schoolId, actor.school.id), isNull(calendarFeeds.revokedAt)];
    if (!actor.roles.includes('top_management')) where.push(eq(calendarFeeds.createdBy, actor.accountId));
    const rows = await db
      .select({ id: calendarFeeds.id, departmentId: calendarFeeds.departmentId, departmentName: departments.name, createdAt: calendarFeeds.createdAt, mine: sql<boolean>`${calendarFeeds.createdBy} = ${actor.accountId}` })
      .from(calendarFeeds)
      .leftJoin(departments, and(eq(departments.schoolId, calendarFeeds.schoolId), eq(departments.id, calendarFeeds.departmentId)))
      .where(and(...where))
      .orderBy(asc(calendarFeeds.createdAt));
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  });

  app.post('/calendar/feeds', { config: { action: 'calendar:subscribe' }, schema: { tags, summary: 'Create a subscription URL (the token is shown once)', body: ZFeedInput } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'calendar:subscribe');
    const departmentId = req.body.departmentId ?? null;
    if (departmentId) await loadScoped(db, actor, departments, departmentId).catch(() => {
      throw invalid([{ field: 'departmentId', key: 'validation.unknown_department' }]);
    });
    const { token, hash } = newSecret();
    const row = await db.transaction(async (tx) => {
      const [feed] = await tx.insert(calendarFeeds).values({ schoolId: actor.school.id, tokenHash: hash, departmentId, createdBy: actor.accountId }).returning();
      if (!feed) throw new Error('insert returned nothing');
      await audit(tx, actor, { action: 'calendar_feed.created', resourceType: 'calendar_feed', resourceId: feed.id, changes: { departmentId } });
      return feed;
    });
    return reply.code(201).send({ id: row.id, departmentId, url: `${ownOrigin(config, req)}/api/v1/ical/${token}.ics` });
  });

  app.delete('/calendar/feeds/:id', { config: { action: 'calendar:subscribe' }, schema: { tags, summary: 'Revoke a subscription URL', params: ZId } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    const feed = await loadScoped(db, actor, calendarFeeds, req.params.id);
    authorize(actor, 'calendar:subscribe', { kind: 'calendar_feed', createdBy: feed.createdBy });
    await db.transaction(async (tx) => {
      await tx.update(calendarFeeds).set({ revokedAt: feed.revokedAt ?? new Date() }).where(and(eq(calendarFeeds.schoolId, actor.school.id), eq(calendarFeeds.id, feed.id)));
      await audit(tx, actor, { action: 'calendar_feed.revoked', resourceType: 'calendar_feed', resourceId: feed.id });
    });
    return reply.code(204).send();
  });

  /** The feed itself: public, found only by the hash of its unguessable token; a revoked or unknown token is 404. */
  app.get('/ical/:token', { config: { access: 'public' }, schema: { tags, summary: 'iCalendar feed of the årshjul (school or department)', params: ZToken } }, async (req, reply) => {
    const token = req.params.token.replace(/\.ics$/, '');
    if (token.length < 20) throw notFound();
    const [feed] = await db
      .select({ schoolId: calendarFeeds.schoolId, departmentId: calendarFeeds.departmentId, schoolName: schools.name, departmentName: departments.name })
      .from(calendarFeeds)
      .innerJoin(schools, eq(schools.id, calendarFeeds.schoolId))
      .leftJoin(departments, and(eq(departments.schoolId, calendarFeeds.schoolId), eq(departments.id, calendarFeeds.departmentId)))
      .where(and(eq(calendarFeeds.tokenHash, hashSecret(token)), isNull(calendarFeeds.revokedAt)));
    if (!feed) throw notFound();
    const where = [eq(calendarItems.schoolId, feed.schoolId)];
    if (feed.departmentId) where.push(or(eq(calendarItems.departmentId, feed.departmentId), isNull(calendarItems.departmentId)) ?? sql`true`);
    const origin = ownOrigin(config, req);
    const name = `Årshjul – ${feed.schoolName}${feed.departmentName ? ` – ${feed.departmentName}` : ''}`;
    // Calendar clients poll: items are never deleted and every change bumps updated_at and sequence,
    // so count + max(updated_at) + sum(sequence) identifies the content and the serialised feed is reused.
    const [fp] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number), last: sql<string | null>`max(${calendarItems.updatedAt})::text`, seq: sql<string>`coalesce(sum(${calendarItems.sequence}), 0)::text` })
      .from(calendarItems)
      .where(and(...where));
    const cacheKey = `${feed.schoolId}:${feed.departmentId ?? ''}`;
    const fingerprint = `${fp?.n}|${fp?.last}|${fp?.seq}|${name}|${origin}`;
    const etag = `"${createHash('sha256').update(fingerprint).digest('base64url').slice(0, 27)}"`;
    const headers = { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=300', 'x-content-type-options': 'nosniff', etag };
    if (req.headers['if-none-match'] === etag) return reply.code(304).headers(headers).send();
    const cached = feedCache.get(cacheKey);
    if (cached && cached.fingerprint === fingerprint) return reply.headers(headers).send(cached.body);
    const rows = await db.select().from(calendarItems).where(and(...where)).orderBy(asc(calendarItems.startsOn));
    const body = serializeCalendar({
      name,
      events: rows.map((r) => ({
        uid: `${r.id}@retning`,
        startsOn: r.startsOn,
        endsOn: r.endsOn,
        summary: r.title,
        description: r.description,
        categories: [r.kind],
        url: r.link ? `${origin}${r.link}` : null,
        sequence: r.sequence,
        cancelled: r.status === 'cancelled',
        updatedAt: r.updatedAt,
      })),
    });
    feedCache.delete(cacheKey);
    feedCache.set(cacheKey, { fingerprint, body });
    if (feedCache.size > FEED_CACHE_SIZE) feedCache.delete(feedCache.keys().next().value ?? '');
    return reply.headers(headers).send(body);
  });
}
