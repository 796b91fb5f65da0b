import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import { copenhagenDay } from '../../platform/time';
import { cancelCalendarItem, upsertCalendarItem } from '../calendar/api';

/**
 * The årshjul (docs/network.md, "Årshjul"): a session with at least one confirmed participant from
 * a school is one item in that school's årshjul, without names; it goes when the last of them
 * cancels or the session or its event is cancelled.
 */
export const CALENDAR_SOURCE = 'network_event';
export const CALENDAR_KIND = 'network_event';

type SchoolState = {
  schoolId: string;
  confirmed: number;
  title: string;
  startsAt: string | Date;
  endsAt: string | Date;
  place: string | null;
  eventId: string;
  live: boolean;
};

/** Brings every school's item for the session in line with its confirmed sign-ups (call after each change, in the same transaction). */
export async function syncSessionCalendar(tx: Executor, sessionId: string): Promise<void> {
  const states = await rawQuery<SchoolState>(tx, sql`
    select su.school_id "schoolId", count(*) filter (where su.status = 'confirmed' and su.cancelled_at is null)::int confirmed,
      e.title, s.starts_at "startsAt", s.ends_at "endsAt", s.place, e.id "eventId",
      (s.cancelled_at is null and e.status = 'published') live
    from network_event_signups su
    join network_event_sessions s on s.id = su.session_id
    join network_events e on e.id = s.event_id
    where su.session_id = ${sessionId}
    group by su.school_id, e.id, s.id`);
  for (const st of states) {
    if (st.confirmed === 0 || !st.live) {
      await cancelCalendarItem(tx, st.schoolId, CALENDAR_SOURCE, sessionId);
      continue;
    }
    await upsertCalendarItem(tx, st.schoolId, {
      source: CALENDAR_SOURCE,
      sourceRef: sessionId,
      kind: CALENDAR_KIND,
      title: st.title,
      description: st.place,
      startsOn: copenhagenDay(new Date(st.startsAt)),
      endsOn: copenhagenDay(new Date(st.endsAt)),
      link: `/arrangementer/${st.eventId}`,
    });
  }
}

/** Every session of the event (its title, status or a session changed). */
export async function syncEventCalendar(tx: Executor, eventId: string): Promise<void> {
  const rows = await rawQuery<{ id: string }>(tx, sql`select id from network_event_sessions where event_id = ${eventId}`);
  for (const r of rows) await syncSessionCalendar(tx, r.id);
}
