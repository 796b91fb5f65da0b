import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { networkEventProjects, networkEvents, networkEventSessions, networkEventSignups } from '../../db/schema/index';
import type { PersonalDataHooks } from '../../platform/feature';
import { syncSessionCalendar } from './calendar-sync';
import { lockSession, promoteWaiting } from './signup-commands';

/*
 * A person's part of the events (docs/network.md, "Personal data"; docs/PRIVACY.md): their
 * sign-ups and Learning Factory projects. Erasure deletes the projects and cancels the sign-ups
 * for sessions still to come (their seats go to the waiting list); the sign-up rows stay, tied
 * only to the anonymised person record, so the events' counts hold.
 */

export async function exportEvents(exec: Executor, schoolId: string, personId: string): Promise<Record<string, Record<string, unknown>[]>> {
  const [signups, projects] = await Promise.all([
    exec
      .select({
        event: networkEvents.title,
        kind: networkEvents.kind,
        startsAt: networkEventSessions.startsAt,
        place: networkEventSessions.place,
        status: networkEventSignups.status,
        signedUpAt: networkEventSignups.signedUpAt,
        cancelledAt: networkEventSignups.cancelledAt,
      })
      .from(networkEventSignups)
      .innerJoin(networkEventSessions, eq(networkEventSessions.id, networkEventSignups.sessionId))
      .innerJoin(networkEvents, eq(networkEvents.id, networkEventSignups.eventId))
      .where(and(eq(networkEventSignups.schoolId, schoolId), eq(networkEventSignups.personId, personId)))
      .orderBy(asc(networkEventSessions.startsAt)),
    exec
      .select({
        event: networkEvents.title,
        problem: networkEventProjects.problem,
        product: networkEventProjects.product,
        productUrl: networkEventProjects.productUrl,
        updatedAt: networkEventProjects.updatedAt,
      })
      .from(networkEventProjects)
      .innerJoin(networkEvents, eq(networkEvents.id, networkEventProjects.eventId))
      .where(and(eq(networkEventProjects.schoolId, schoolId), eq(networkEventProjects.personId, personId))),
  ]);
  return { eventSignups: signups, eventProjects: projects };
}

export async function eraseEvents(tx: Executor, schoolId: string, personId: string): Promise<Record<string, number>> {
  const projects = await tx
    .delete(networkEventProjects)
    .where(and(eq(networkEventProjects.schoolId, schoolId), eq(networkEventProjects.personId, personId)))
    .returning({ eventId: networkEventProjects.eventId });
  const upcoming = await tx
    .select({ id: networkEventSignups.id, sessionId: networkEventSignups.sessionId, status: networkEventSignups.status, event: networkEvents })
    .from(networkEventSignups)
    .innerJoin(networkEventSessions, eq(networkEventSessions.id, networkEventSignups.sessionId))
    .innerJoin(networkEvents, eq(networkEvents.id, networkEventSignups.eventId))
    .where(
      and(
        eq(networkEventSignups.schoolId, schoolId),
        eq(networkEventSignups.personId, personId),
        isNull(networkEventSignups.cancelledAt),
        sql`${networkEventSessions.endsAt} > now()`,
      ),
    );
  for (const s of upcoming) {
    const session = await lockSession(tx, s.sessionId);
    await tx.update(networkEventSignups).set({ cancelledAt: sql`clock_timestamp()` }).where(eq(networkEventSignups.id, s.id));
    await syncSessionCalendar(tx, s.sessionId);
    // the seat goes on; those promoted see it on their page (the erasure sends no e-mail)
    if (s.status === 'confirmed') await promoteWaiting(tx, session, s.event);
  }
  return { eventProjects: projects.length, eventSignupsCancelled: upcoming.length };
}

export const eventsPersonalData: PersonalDataHooks = {
  export: exportEvents,
  erase: async (tx, schoolId, personId) => ({ deleted: await eraseEvents(tx, schoolId, personId) }),
};
