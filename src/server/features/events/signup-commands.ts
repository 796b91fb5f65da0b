import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZProjectInput, ZSignupInput } from '../../../shared/api/events';
import type { Executor } from '../../db/client';
import { networkEventProjects, networkEventSessions, networkEventSignups } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import { AppError, conflict, invalid, notFound } from '../../platform/errors';
import { syncSessionCalendar } from './calendar-sync';
import { recipientsOf, whenOf, type EventMail } from './notify';
import type { EventRow, SessionRow } from './queries';

/*
 * Sign-ups (docs/network.md, "Sign-up"). Every change to a session's sign-ups first locks the
 * session's row (`select … for update`, PGlite and PostgreSQL alike), so concurrent sign-ups count
 * the seats one after another and never pass the capacity; the waiting list is first come, first
 * served by `signed_up_at`, stamped with the clock under that lock.
 */

/** The session row, locked for the rest of the transaction. */
export async function lockSession(tx: Executor, sessionId: string): Promise<SessionRow> {
  const [row] = await tx.select().from(networkEventSessions).where(eq(networkEventSessions.id, sessionId)).for('update');
  if (!row) throw notFound();
  return row;
}

/** Confirmed, not cancelled sign-ups of the session. */
export const confirmedCount = async (tx: Executor, sessionId: string) => {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(networkEventSignups)
    .where(and(eq(networkEventSignups.sessionId, sessionId), eq(networkEventSignups.status, 'confirmed'), isNull(networkEventSignups.cancelledAt)));
  return row?.n ?? 0;
};

/**
 * Gives free seats to the waiting list in order (the session must be locked). Returns the mail to
 * those promoted.
 */
export async function promoteWaiting(tx: Executor, session: SessionRow, event: EventRow): Promise<EventMail[]> {
  const free = session.capacity - (await confirmedCount(tx, session.id));
  if (free <= 0 || session.cancelledAt !== null || event.status !== 'published') return [];
  const next = await tx
    .select({ id: networkEventSignups.id })
    .from(networkEventSignups)
    .where(and(eq(networkEventSignups.sessionId, session.id), eq(networkEventSignups.status, 'waiting'), isNull(networkEventSignups.cancelledAt)))
    .orderBy(asc(networkEventSignups.signedUpAt), asc(networkEventSignups.id))
    .limit(free);
  if (next.length === 0) return [];
  const ids = next.map((n) => n.id);
  for (const id of ids) {
    await tx.update(networkEventSignups).set({ status: 'confirmed', promotedAt: sql`clock_timestamp()` }).where(eq(networkEventSignups.id, id));
  }
  await syncSessionCalendar(tx, session.id);
  const to = await recipientsOf(tx, ids);
  return [{ key: 'mail.eventPromoted', to, vars: { event: event.title, when: whenOf(session.startsAt), link: `/arrangementer/${event.id}` } }];
}

export type SignupOutcome = { id: string; status: 'confirmed' | 'waiting'; signedUpAt: Date; position: number | null };

export async function signUp(
  tx: Executor,
  actor: SchoolActor,
  event: EventRow,
  sessionId: string,
  input: z.output<typeof ZSignupInput>,
): Promise<SignupOutcome> {
  const problem = input.problem ?? '';
  if (event.kind === 'learning_factory' && problem === '') {
    const [existing] = await tx
      .select({ problem: networkEventProjects.problem })
      .from(networkEventProjects)
      .where(
        and(eq(networkEventProjects.eventId, event.id), eq(networkEventProjects.schoolId, actor.school.id), eq(networkEventProjects.personId, actor.person.id)),
      );
    if (!existing?.problem) throw invalid([{ field: 'problem', key: 'validation.required' }]);
  }
  const session = await lockSession(tx, sessionId);
  const [already] = await tx
    .select({ id: networkEventSignups.id })
    .from(networkEventSignups)
    .where(
      and(
        eq(networkEventSignups.sessionId, sessionId),
        eq(networkEventSignups.schoolId, actor.school.id),
        eq(networkEventSignups.personId, actor.person.id),
        isNull(networkEventSignups.cancelledAt),
      ),
    );
  if (already) throw conflict('event_already_signed_up');
  const status = (await confirmedCount(tx, sessionId)) < session.capacity ? 'confirmed' : 'waiting';
  const [row] = await tx
    .insert(networkEventSignups)
    .values({ sessionId, eventId: event.id, schoolId: actor.school.id, personId: actor.person.id, status, signedUpAt: sql`clock_timestamp()` })
    .returning();
  if (!row) throw new Error('sign-up insert returned nothing');
  if (event.kind === 'learning_factory' && problem !== '') {
    await tx
      .insert(networkEventProjects)
      .values({ eventId: event.id, schoolId: actor.school.id, personId: actor.person.id, problem })
      .onConflictDoUpdate({
        target: [networkEventProjects.eventId, networkEventProjects.schoolId, networkEventProjects.personId],
        set: { problem, updatedAt: sql`now()` },
      });
  }
  if (status === 'confirmed') await syncSessionCalendar(tx, sessionId);
  const [pos] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(networkEventSignups)
    .where(and(eq(networkEventSignups.sessionId, sessionId), eq(networkEventSignups.status, 'waiting'), isNull(networkEventSignups.cancelledAt)));
  return { id: row.id, status, signedUpAt: row.signedUpAt, position: status === 'waiting' ? (pos?.n ?? 1) : null };
}

/** Cancels my sign-up; a confirmed seat goes to the first on the waiting list. */
export async function cancelSignup(tx: Executor, actor: SchoolActor, event: EventRow, sessionId: string): Promise<{ id: string; mails: EventMail[] }> {
  const session = await lockSession(tx, sessionId);
  const [row] = await tx
    .update(networkEventSignups)
    .set({ cancelledAt: sql`clock_timestamp()` })
    .where(
      and(
        eq(networkEventSignups.sessionId, sessionId),
        eq(networkEventSignups.schoolId, actor.school.id),
        eq(networkEventSignups.personId, actor.person.id),
        isNull(networkEventSignups.cancelledAt),
      ),
    )
    .returning();
  if (!row) throw new AppError(404, 'not_found');
  await syncSessionCalendar(tx, sessionId);
  const mails = row.status === 'confirmed' ? await promoteWaiting(tx, session, event) : [];
  return { id: row.id, mails };
}

/** My Learning Factory project: only once I have signed up for one of the event's sessions. */
export async function saveProject(tx: Executor, actor: SchoolActor, event: EventRow, input: z.output<typeof ZProjectInput>) {
  const [signed] = await tx
    .select({ id: networkEventSignups.id })
    .from(networkEventSignups)
    .where(
      and(
        eq(networkEventSignups.eventId, event.id),
        eq(networkEventSignups.schoolId, actor.school.id),
        eq(networkEventSignups.personId, actor.person.id),
        isNull(networkEventSignups.cancelledAt),
      ),
    )
    .limit(1);
  if (!signed) throw conflict('event_not_signed_up');
  const values = { problem: input.problem, product: input.product, productUrl: input.productUrl };
  const [row] = await tx
    .insert(networkEventProjects)
    .values({ eventId: event.id, schoolId: actor.school.id, personId: actor.person.id, ...values })
    .onConflictDoUpdate({
      target: [networkEventProjects.eventId, networkEventProjects.schoolId, networkEventProjects.personId],
      set: { ...values, updatedAt: sql`now()` },
    })
    .returning();
  if (!row) throw new Error('project upsert returned nothing');
  return row;
}
