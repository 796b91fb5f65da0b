import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZEventInput, ZEventPatch, ZMaterialInput, ZSessionInput, ZSessionPatch } from '../../../shared/api/events';
import type { Executor } from '../../db/client';
import { networkEventMaterials, networkEvents, networkEventSessions } from '../../db/schema/index';
import type { Actor } from '../../platform/actor';
import type { AuditEntry } from '../../platform/audit';
import { conflict, forbidden, invalid, type FieldError } from '../../platform/errors';
import { syncEventCalendar, syncSessionCalendar } from './calendar-sync';
import { activeSignupIds, recipientsOf, whenOf, type EventMail } from './notify';
import { eventNetworkOf } from './policy';
import type { EventRow, SessionRow } from './queries';
import { confirmedCount, lockSession, promoteWaiting } from './signup-commands';

/*
 * The organiser's writes (docs/network.md, "Events"): an event goes draft → published →
 * cancelled; its sessions, materials. Each write is audited in the network's log and, for a
 * school's event, in that school's log too.
 */

type Audit = (entry: AuditEntry) => Promise<void>;

/** The event's change in the network's log, and in the organising school's log for a school's event. */
export async function auditEvent(audit: Audit, event: EventRow, entry: Omit<AuditEntry, 'networkId' | 'schoolId'>): Promise<void> {
  await audit({ ...entry, networkId: event.networkId });
  if (event.organiserSchoolId) await audit({ ...entry, schoolId: event.organiserSchoolId });
}

const notCancelled = (event: EventRow) => {
  if (event.status === 'cancelled') throw conflict('event_cancelled');
};

export async function createEvent(tx: Executor, actor: Actor, input: z.output<typeof ZEventInput>): Promise<EventRow> {
  const networkId = eventNetworkOf(actor);
  if (!networkId) throw forbidden();
  // a coordinator's events belong to the network; a school leader's to the school
  const byNetwork = actor.network?.id === networkId && actor.network.roles.includes('network_coordinator');
  const [row] = await tx
    .insert(networkEvents)
    .values({
      networkId,
      kind: input.kind,
      title: input.title,
      description: input.description,
      organiserSchoolId: byNetwork ? null : (actor.school?.id ?? null),
      createdBy: actor.accountId,
    })
    .returning();
  if (!row) throw new Error('event insert returned nothing');
  return row;
}

export async function patchEvent(tx: Executor, event: EventRow, patch: z.output<typeof ZEventPatch>): Promise<EventRow> {
  notCancelled(event);
  const [row] = await tx
    .update(networkEvents)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(networkEvents.id, event.id))
    .returning();
  if (!row) throw new Error('event update returned nothing');
  if (patch.title !== undefined) await syncEventCalendar(tx, event.id);
  return row;
}

export async function publishEvent(tx: Executor, event: EventRow): Promise<EventRow> {
  if (event.status !== 'draft') throw conflict(event.status === 'cancelled' ? 'event_cancelled' : 'already_published');
  const [row] = await tx.update(networkEvents).set({ status: 'published', updatedAt: sql`now()` }).where(eq(networkEvents.id, event.id)).returning();
  if (!row) throw new Error('event update returned nothing');
  return row;
}

/** Cancels the event: its årshjul items go, and those signed up for any session are told. */
export async function cancelEvent(tx: Executor, event: EventRow): Promise<{ event: EventRow; mails: EventMail[] }> {
  notCancelled(event);
  const [row] = await tx.update(networkEvents).set({ status: 'cancelled', updatedAt: sql`now()` }).where(eq(networkEvents.id, event.id)).returning();
  if (!row) throw new Error('event update returned nothing');
  await syncEventCalendar(tx, event.id);
  const to = await recipientsOf(tx, await activeSignupIds(tx, { eventId: event.id }));
  return { event: row, mails: [{ key: 'mail.eventCancelled', to, vars: { event: event.title, link: `/arrangementer/${event.id}` } }] };
}

/* ---------------------------------------------------------------- sessions */

type SessionFields = { startsAt: Date; endsAt: Date; onlineUrl: string | null; place: string | null };

/** An online link or a place, and the end after the start (each error names its field). */
function checkSession(s: SessionFields) {
  const errors: FieldError[] = [];
  if (!s.onlineUrl && !s.place) errors.push({ field: 'place', key: 'validation.event_place_required' });
  if (s.endsAt <= s.startsAt) errors.push({ field: 'endsAt', key: 'validation.ends_before_start' });
  if (errors.length > 0) throw invalid(errors);
}

export async function addSession(tx: Executor, event: EventRow, input: z.output<typeof ZSessionInput>): Promise<SessionRow> {
  notCancelled(event);
  const fields = { startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt), onlineUrl: input.onlineUrl, place: input.place || null };
  checkSession(fields);
  const [row] = await tx
    .insert(networkEventSessions)
    .values({ eventId: event.id, ...fields, capacity: input.capacity })
    .returning();
  if (!row) throw new Error('session insert returned nothing');
  return row;
}

/** Changes a session under its lock: capacity below the confirmed count is refused; above it promotes from the waiting list. */
export async function patchSession(tx: Executor, event: EventRow, sessionId: string, patch: z.output<typeof ZSessionPatch>) {
  notCancelled(event);
  const current = await lockSession(tx, sessionId);
  if (current.cancelledAt) throw conflict('event_session_cancelled');
  const fields: SessionFields = {
    startsAt: patch.startsAt !== undefined ? new Date(patch.startsAt) : current.startsAt,
    endsAt: patch.endsAt !== undefined ? new Date(patch.endsAt) : current.endsAt,
    onlineUrl: patch.onlineUrl !== undefined ? patch.onlineUrl : current.onlineUrl,
    place: patch.place !== undefined ? patch.place || null : current.place,
  };
  checkSession(fields);
  const capacity = patch.capacity ?? current.capacity;
  if (capacity < current.capacity) {
    const confirmed = await confirmedCount(tx, sessionId);
    if (capacity < confirmed) {
      throw conflict('event_capacity_below_confirmed', [{ field: 'capacity', key: 'validation.event_capacity_below_confirmed', vars: { confirmed } }]);
    }
  }
  const [session] = await tx
    .update(networkEventSessions)
    .set({ ...fields, capacity })
    .where(eq(networkEventSessions.id, sessionId))
    .returning();
  if (!session) throw new Error('session update returned nothing');
  const mails = capacity > current.capacity ? await promoteWaiting(tx, session, event) : [];
  await syncSessionCalendar(tx, sessionId);
  return { before: current, session, mails };
}

/** Cancels one session: its årshjul items go, and those signed up are told. */
export async function cancelSession(tx: Executor, event: EventRow, sessionId: string): Promise<{ session: SessionRow; mails: EventMail[] }> {
  notCancelled(event);
  const current = await lockSession(tx, sessionId);
  if (current.cancelledAt) throw conflict('event_session_cancelled');
  const [session] = await tx.update(networkEventSessions).set({ cancelledAt: sql`now()` }).where(eq(networkEventSessions.id, sessionId)).returning();
  if (!session) throw new Error('session update returned nothing');
  await syncSessionCalendar(tx, sessionId);
  const to = await recipientsOf(tx, await activeSignupIds(tx, { sessionId }));
  const vars = { event: event.title, when: whenOf(session.startsAt), link: `/arrangementer/${event.id}` };
  return { session, mails: [{ key: 'mail.eventSessionCancelled', to, vars }] };
}

/* ---------------------------------------------------------------- materials */

export async function addMaterial(tx: Executor, actor: Actor, event: EventRow, input: z.output<typeof ZMaterialInput>) {
  notCancelled(event);
  const [row] = await tx
    .insert(networkEventMaterials)
    .values({ eventId: event.id, phase: input.phase, title: input.title, url: input.url, description: input.description, addedBy: actor.accountId })
    .returning();
  if (!row) throw new Error('material insert returned nothing');
  return row;
}

export const removeMaterial = (tx: Executor, materialId: string) => tx.delete(networkEventMaterials).where(eq(networkEventMaterials.id, materialId));
