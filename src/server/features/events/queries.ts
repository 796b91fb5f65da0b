import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import { networkEventMaterials, networkEventProjects, networkEvents, networkEventSessions, networks, schools } from '../../db/schema/index';
import type { Actor } from '../../platform/actor';
import { notFound } from '../../platform/errors';
import { isUuid } from '../../platform/loader';
import { can } from '../../platform/policy';
import { eventNetworkOf, type EventResource } from './policy';

/*
 * Reads of events. Every event is loaded through the actor's network (`eventNetworkOf`): another
 * network's event, session or material answers 404 alike with a missing one.
 */

export type EventRow = typeof networkEvents.$inferSelect;
export type SessionRow = typeof networkEventSessions.$inferSelect;
export type MaterialRow = typeof networkEventMaterials.$inferSelect;
export type ProjectRow = typeof networkEventProjects.$inferSelect;
export type LoadedEvent = { event: EventRow; resource: EventResource };
export type LoadedSession = LoadedEvent & { session: SessionRow };

export const eventResource = (event: EventRow, session?: SessionRow, now = new Date()): EventResource => ({
  kind: 'event',
  eventKind: event.kind,
  networkId: event.networkId,
  organiserSchoolId: event.organiserSchoolId,
  status: event.status,
  ...(session ? { sessionOpen: session.cancelledAt === null && session.startsAt > now } : {}),
});

export async function loadEvent(exec: Executor, actor: Actor, id: string): Promise<LoadedEvent> {
  const networkId = eventNetworkOf(actor);
  if (!networkId || !isUuid(id)) throw notFound();
  const [event] = await exec.select().from(networkEvents).where(and(eq(networkEvents.id, id), eq(networkEvents.networkId, networkId)));
  if (!event) throw notFound();
  return { event, resource: eventResource(event) };
}

export async function loadSession(exec: Executor, actor: Actor, id: string): Promise<LoadedSession> {
  const networkId = eventNetworkOf(actor);
  if (!networkId || !isUuid(id)) throw notFound();
  const [row] = await exec
    .select({ session: networkEventSessions, event: networkEvents })
    .from(networkEventSessions)
    .innerJoin(networkEvents, eq(networkEvents.id, networkEventSessions.eventId))
    .where(and(eq(networkEventSessions.id, id), eq(networkEvents.networkId, networkId)));
  if (!row) throw notFound();
  return { ...row, resource: eventResource(row.event, row.session) };
}

export async function loadMaterial(exec: Executor, actor: Actor, id: string): Promise<LoadedEvent & { material: MaterialRow }> {
  const networkId = eventNetworkOf(actor);
  if (!networkId || !isUuid(id)) throw notFound();
  const [row] = await exec
    .select({ material: networkEventMaterials, event: networkEvents })
    .from(networkEventMaterials)
    .innerJoin(networkEvents, eq(networkEvents.id, networkEventMaterials.eventId))
    .where(and(eq(networkEventMaterials.id, id), eq(networkEvents.networkId, networkId)));
  if (!row) throw notFound();
  return { ...row, resource: eventResource(row.event) };
}

/** A session's seats: confirmed and waiting sign-ups that are not cancelled. */
export type SessionCounts = { sessionId: string; confirmed: number; waiting: number };
/** One of my sign-ups, with my place in the waiting list (1 = next). */
export type MySignupRow = { sessionId: string; status: 'confirmed' | 'waiting'; signedUpAt: Date; position: number | null };

const idList = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

export async function sessionCounts(exec: Executor, sessionIds: readonly string[]): Promise<SessionCounts[]> {
  if (sessionIds.length === 0) return [];
  return rawQuery<SessionCounts>(exec, sql`
    select session_id "sessionId", count(*) filter (where status = 'confirmed')::int confirmed, count(*) filter (where status = 'waiting')::int waiting
    from network_event_signups where cancelled_at is null and session_id in (${idList(sessionIds)}) group by session_id`);
}

/** The waiting list is first come, first served: the order of `signed_up_at` (taken under the session's lock), then the id. */
export async function mySignups(exec: Executor, actor: Actor, sessionIds: readonly string[]): Promise<MySignupRow[]> {
  if (sessionIds.length === 0 || !actor.school || !actor.person) return [];
  const rows = await rawQuery<{ sessionId: string; status: 'confirmed' | 'waiting'; signedUpAt: string | Date; position: number | null }>(exec, sql`
    select s.session_id "sessionId", s.status, s.signed_up_at "signedUpAt",
      case when s.status = 'waiting' then (select count(*)::int + 1 from network_event_signups o
        where o.session_id = s.session_id and o.status = 'waiting' and o.cancelled_at is null
          and (o.signed_up_at, o.id) < (s.signed_up_at, s.id)) end position
    from network_event_signups s
    where s.cancelled_at is null and s.school_id = ${actor.school.id} and s.person_id = ${actor.person.id} and s.session_id in (${idList(sessionIds)})`);
  return rows.map((r) => ({ ...r, signedUpAt: new Date(r.signedUpAt) }));
}

/**
 * The events the actor may see in their network: published and cancelled ones, and the drafts they
 * organise. `ids` narrows to some events.
 */
export async function visibleEvents(exec: Executor, actor: Actor, ids?: readonly string[]): Promise<(EventRow & { organiserName: string | null })[]> {
  const networkId = eventNetworkOf(actor);
  if (!networkId) return [];
  const drafts: SQL[] = [];
  if (actor.network?.id === networkId && actor.network.roles.includes('network_coordinator')) drafts.push(isNull(networkEvents.organiserSchoolId));
  if (actor.school && can(actor, 'event:create')) drafts.push(eq(networkEvents.organiserSchoolId, actor.school.id));
  const visible = or(sql`${networkEvents.status} <> 'draft'`, ...drafts);
  const rows = await exec
    // a network's own event is organised by the network: its name, where a school's event has the school's
    .select({ event: networkEvents, organiserName: sql<string | null>`coalesce(${schools.name}, ${networks.name})` })
    .from(networkEvents)
    .innerJoin(networks, eq(networks.id, networkEvents.networkId))
    .leftJoin(schools, eq(schools.id, networkEvents.organiserSchoolId))
    .where(and(eq(networkEvents.networkId, networkId), visible, ids ? inArray(networkEvents.id, [...ids]) : undefined));
  return rows.map((r) => ({ ...r.event, organiserName: r.organiserName }));
}

export const sessionsOf = (exec: Executor, eventIds: readonly string[]) =>
  eventIds.length === 0
    ? Promise.resolve([] as SessionRow[])
    : exec.select().from(networkEventSessions).where(inArray(networkEventSessions.eventId, [...eventIds])).orderBy(asc(networkEventSessions.startsAt));

export const materialsOf = (exec: Executor, eventId: string) =>
  exec
    .select()
    .from(networkEventMaterials)
    .where(eq(networkEventMaterials.eventId, eventId))
    .orderBy(asc(networkEventMaterials.phase), asc(networkEventMaterials.createdAt));

export async function myProject(exec: Executor, actor: Actor, eventId: string): Promise<ProjectRow | null> {
  if (!actor.school || !actor.person) return null;
  const [row] = await exec
    .select()
    .from(networkEventProjects)
    .where(
      and(eq(networkEventProjects.eventId, eventId), eq(networkEventProjects.schoolId, actor.school.id), eq(networkEventProjects.personId, actor.person.id)),
    );
  return row ?? null;
}

/** A school leader's own staff signed up for the event (nothing of other schools). */
export async function staffSignups(exec: Executor, actor: Actor, eventId: string) {
  if (!actor.school || !can(actor, 'event:staffSignups')) return [];
  return rawQuery<{ personId: string; name: string; sessionId: string; status: 'confirmed' | 'waiting' }>(exec, sql`
    select s.person_id "personId", p.name, s.session_id "sessionId", s.status from network_event_signups s
    join people p on p.school_id = s.school_id and p.id = s.person_id
    where s.event_id = ${eventId} and s.school_id = ${actor.school.id} and s.cancelled_at is null order by p.name, s.signed_up_at`);
}
