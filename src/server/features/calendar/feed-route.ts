import { createHash } from 'node:crypto';
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { fileResponse } from '../../../shared/api/common';
import { calendarFeeds, calendarItems, departments, schools } from '../../db/schema/index';
import type { AppDeps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { translate } from '../../platform/messages';
import { route } from '../../platform/route';
import { ownOrigin } from '../../platform/security';
import { hashSecret } from '../../platform/tokens';
import { serializeCalendar } from './ical';
import { ZToken } from './schemas';

const FEED_CACHE_SIZE = 200;
type FeedCache = Map<string, { fingerprint: string; body: string }>;
/** Serialised feeds per app, school and department, least recently built first (bounded). */
const caches = new WeakMap<AppDeps, FeedCache>();
const cacheOf = (deps: AppDeps): FeedCache => {
  const known = caches.get(deps);
  if (known) return known;
  const fresh: FeedCache = new Map();
  caches.set(deps, fresh);
  return fresh;
};

/** The feed itself: public, found only by the hash of its unguessable token; a revoked or unknown token is 404. */
export const feedRoute = route({
  method: 'GET',
  url: '/ical/:token',
  summary: 'iCalendar feed of the årshjul (school or department)',
  tags: ['calendar'],
  access: 'public',
  action: null,
  params: ZToken,
  response: fileResponse('text/calendar; charset=utf-8'),
  handler: async ({ db, deps, req, reply, params }) => {
    const token = params.token.replace(/\.ics$/, '');
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
    const origin = ownOrigin(deps.config, req);
    // A feed is the school's, not one reader's: its texts are Danish, the school's language (STANDARDS.md, iCalendar)
    const name = feed.departmentName
      ? translate('da', 'calendar.feedNameDepartment', { school: feed.schoolName, department: feed.departmentName })
      : translate('da', 'calendar.feedName', { school: feed.schoolName });
    // Calendar clients poll: items are never deleted and every change bumps updated_at and sequence,
    // so count + max(updated_at) + sum(sequence) identifies the content and the serialised feed is reused.
    const [fp] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number), last: sql<string | null>`max(${calendarItems.updatedAt})::text`, seq: sql<string>`coalesce(sum(${calendarItems.sequence}), 0)::text` })
      .from(calendarItems)
      .where(and(...where));
    const cache = cacheOf(deps);
    const cacheKey = `${feed.schoolId}:${feed.departmentId ?? ''}`;
    const fingerprint = `${fp?.n}|${fp?.last}|${fp?.seq}|${name}|${origin}`;
    const etag = `"${createHash('sha256').update(fingerprint).digest('base64url').slice(0, 27)}"`;
    const headers = { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=300', 'x-content-type-options': 'nosniff', etag };
    if (req.headers['if-none-match'] === etag) return reply.code(304).headers(headers).send();
    const cached = cache.get(cacheKey);
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
        // the kind's Danish name ("Milepæl"), as on the årshjul's legend, not its key
        categories: [translate('da', `calendar.kinds.${r.kind}`)],
        url: r.link ? `${origin}${r.link}` : null,
        sequence: r.sequence,
        cancelled: r.status === 'cancelled',
        updatedAt: r.updatedAt,
      })),
    });
    cache.delete(cacheKey);
    cache.set(cacheKey, { fingerprint, body });
    if (cache.size > FEED_CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
    return reply.headers(headers).send(body);
  },
});
