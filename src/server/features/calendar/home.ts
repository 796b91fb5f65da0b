import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { calendarItems } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import type { HomeContext, HomeItem } from '../../platform/feature';
import { can } from '../../platform/policy';
import { addDays } from '../home/api';

/** At most this many of the week's årshjul items on the home page; the rest are one click away. */
export const CALENDAR_ITEMS_MAX = 6;
const CALENDAR_PATH = '/strategi/aarshjul';

/** The Sunday that ends the (Monday-first, Danish) week of a day. */
export const endOfWeek = (day: string): string => {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, weekday === 0 ? 0 : 7 - weekday);
};

/**
 * The årshjul's part of "Min side", for staff (calendar:read): what happens from today to Sunday
 * for the whole school or the person's department. An item links where its module put it (a path in
 * the app, which staff may open), otherwise to the årshjul.
 */
export async function calendarHome(exec: Executor, actor: SchoolActor, { today }: HomeContext): Promise<HomeItem[]> {
  if (!can(actor, 'calendar:read')) return [];
  const department = actor.person.departmentId;
  const rows = await exec
    .select({ id: calendarItems.id, title: calendarItems.title, startsOn: calendarItems.startsOn, link: calendarItems.link })
    .from(calendarItems)
    .where(
      and(
        eq(calendarItems.schoolId, actor.school.id),
        eq(calendarItems.status, 'confirmed'),
        lte(calendarItems.startsOn, endOfWeek(today)),
        gte(calendarItems.endsOn, today),
        department ? or(isNull(calendarItems.departmentId), eq(calendarItems.departmentId, department)) : isNull(calendarItems.departmentId),
      ),
    )
    .orderBy(asc(calendarItems.startsOn), asc(calendarItems.title))
    .limit(CALENDAR_ITEMS_MAX);
  return rows.map((r) => ({
    id: `calendar.item:${r.id}`,
    module: 'calendar',
    kind: 'calendar.item',
    title: r.title,
    detail: null,
    progress: null,
    dueOn: r.startsOn,
    startsAt: null,
    count: null,
    path: r.link?.startsWith('/') && !r.link.startsWith('//') ? r.link : CALENDAR_PATH,
    nav: null,
    urgency: 'info',
  }));
}
