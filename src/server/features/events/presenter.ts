import type { z } from 'zod';
import type { ZEventDetail, ZEventListItem, ZEventMaterial, ZEventProject, ZEventSession } from '../../../shared/api/events';
import type { Executor } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { abilitiesOn } from '../../platform/policy';
import { eventResourceActions } from './policy';
import {
  eventResource,
  materialsOf,
  myProject,
  mySignups,
  sessionCounts,
  sessionsOf,
  staffSignups,
  visibleEvents,
  type EventRow,
  type MaterialRow,
  type ProjectRow,
  type SessionRow,
} from './queries';

type ListItem = z.output<typeof ZEventListItem>;
type Session = z.output<typeof ZEventSession>;

export const showMaterial = (m: MaterialRow): z.output<typeof ZEventMaterial> => ({
  id: m.id,
  phase: m.phase,
  title: m.title,
  url: m.url,
  description: m.description,
  createdAt: m.createdAt,
});

export const showProject = (p: ProjectRow): z.output<typeof ZEventProject> => ({
  problem: p.problem,
  product: p.product,
  productUrl: p.productUrl,
  updatedAt: p.updatedAt,
});

/** Events with their sessions, seats left and my sign-ups, read with a few queries for all of them. */
export async function showEvents(exec: Executor, actor: Actor, events: (EventRow & { organiserName: string | null })[], now = new Date()): Promise<ListItem[]> {
  const sessions = await sessionsOf(
    exec,
    events.map((e) => e.id),
  );
  const ids = sessions.map((s) => s.id);
  const [counts, mine] = await Promise.all([sessionCounts(exec, ids), mySignups(exec, actor, ids)]);
  const countOf = new Map(counts.map((c) => [c.sessionId, c]));
  const mineOf = new Map(mine.map((m) => [m.sessionId, m]));
  const showSession = (e: EventRow, s: SessionRow): Session => {
    const c = countOf.get(s.id);
    const confirmed = c?.confirmed ?? 0;
    const m = mineOf.get(s.id);
    const cancelled = s.cancelledAt !== null || e.status === 'cancelled';
    return {
      id: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      onlineUrl: s.onlineUrl,
      place: s.place,
      capacity: s.capacity,
      confirmed,
      waiting: c?.waiting ?? 0,
      seatsLeft: Math.max(0, s.capacity - confirmed),
      cancelled,
      open: e.status === 'published' && !cancelled && s.startsAt > now,
      mySignup: m ? { status: m.status, position: m.position, signedUpAt: m.signedUpAt } : null,
    };
  };
  return events.map((e) => {
    const own = sessions.filter((s) => s.eventId === e.id).map((s) => showSession(e, s));
    const next = own.find((s) => !s.cancelled && s.endsAt > now);
    return {
      id: e.id,
      kind: e.kind,
      title: e.title,
      description: e.description,
      status: e.status,
      organiser: { kind: e.organiserSchoolId ? 'school' : 'network', name: e.organiserName ?? '', schoolId: e.organiserSchoolId },
      sessions: own,
      nextStartsAt: next?.startsAt ?? null,
    };
  });
}

export async function showEventDetail(exec: Executor, actor: Actor, eventId: string): Promise<z.output<typeof ZEventDetail>> {
  const [event] = await visibleEvents(exec, actor, [eventId]);
  if (!event) throw new Error(`event ${eventId} not visible after its load`);
  const [[item], materials, project, staff] = await Promise.all([
    showEvents(exec, actor, [event]),
    materialsOf(exec, eventId),
    myProject(exec, actor, eventId),
    staffSignups(exec, actor, eventId),
  ]);
  if (!item) throw new Error('event presenter returned nothing');
  const resource = eventResource(event);
  const abilities = abilitiesOn(actor, ['event:read', ...eventResourceActions], resource).filter(
    // signing up is decided per session (`open`); the ability says the actor may in principle
    (a) => a !== 'event:signup' || item.sessions.some((s) => s.open),
  );
  return {
    ...item,
    materials: materials.map(showMaterial),
    myProject: event.kind === 'learning_factory' && project ? showProject(project) : null,
    staffSignups: staff,
    abilities,
  };
}
