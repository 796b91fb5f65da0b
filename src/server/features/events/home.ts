import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import type { SchoolActor } from '../../platform/actor';
import type { HomeContext, HomeItem } from '../../platform/feature';
import { can } from '../../platform/policy';
import { homeItemOf } from '../home/api';

/** A session starting within this many days is close. */
const EVENT_SOON_DAYS = 3;
const item = homeItemOf('events');

type Row = {
  sessionId: string;
  eventId: string;
  title: string;
  place: string | null;
  startsAt: string | Date;
  status: 'confirmed' | 'waiting';
  position: number | null;
};

/** Min side: my upcoming sessions of the network's events, confirmed or waiting (with my place in the list). */
export async function eventsHome(exec: Executor, actor: SchoolActor, { now }: HomeContext): Promise<HomeItem[]> {
  if (!can(actor, 'event:list')) return [];
  const rows = await rawQuery<Row>(exec, sql`
    select se.id "sessionId", e.id "eventId", e.title, se.place, se.starts_at "startsAt", s.status,
      case when s.status = 'waiting' then (select count(*)::int + 1 from network_event_signups o
        where o.session_id = s.session_id and o.status = 'waiting' and o.cancelled_at is null and (o.signed_up_at, o.id) < (s.signed_up_at, s.id)) end position
    from network_event_signups s
    join network_event_sessions se on se.id = s.session_id
    join network_events e on e.id = s.event_id
    where s.school_id = ${actor.school.id} and s.person_id = ${actor.person.id} and s.cancelled_at is null
      and se.cancelled_at is null and e.status = 'published' and e.network_id = ${actor.school.networkId}
      and se.ends_at > ${now.toISOString()}::timestamptz
    order by se.starts_at, e.title`);
  const soon = now.getTime() + EVENT_SOON_DAYS * 86_400_000;
  return rows.map((r) => {
    const startsAt = new Date(r.startsAt);
    const waiting = r.status === 'waiting';
    return item({
      id: `events.session:${r.sessionId}`,
      kind: waiting ? 'events.waiting' : 'events.session',
      title: r.title,
      detail: waiting ? String(r.position ?? '') : r.place,
      startsAt,
      path: `/arrangementer/${r.eventId}`,
      nav: null,
      urgency: !waiting && startsAt.getTime() <= soon ? 'soon' : 'info',
    });
  });
}
