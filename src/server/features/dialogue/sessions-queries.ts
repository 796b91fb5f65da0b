import { and, asc, count, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TDialogueItem, TDialogueSession, TDialogueSessionListItem, ZDialogueSession } from '../../../shared/api/dialogue';
import type { Executor } from '../../db/client';
import { dialogueItems, dialogueParticipants, dialogueSessions, personTeams } from '../../db/schema/index';
import type { Actor, SchoolActor } from '../../platform/actor';
import { loadScoped } from '../../platform/loader';
import { abilitiesOn } from '../../platform/policy';
import { facilitateScope, type DialogueSessionResource } from './policy';

/* Reads of sessions: the school-scoped load with its policy resource, the list and the detail. */

export type SessionRow = typeof dialogueSessions.$inferSelect;
export type ItemRow = typeof dialogueItems.$inferSelect;
export type LoadedSession = { session: SessionRow; resource: DialogueSessionResource };

const SESSION_ACTIONS = [
  'dialogueSession:read',
  'dialogueSession:facilitate',
  'dialogueSession:answer',
  'dialogueSession:results',
  'dialogueSession:decide',
  'dialogueSession:create',
] as const;

/** Whether an asynchronous session's audience holds the actor (any of its roles, departments or teams), given the actor's teams. */
export function audienceHolds(actor: Actor, session: SessionRow, teamIds: readonly string[]): boolean {
  const aud = session.audience;
  if (session.mode !== 'async' || !aud || !actor.person || !actor.school) return false;
  if (aud.roles.some((r) => actor.roles.includes(r as (typeof actor.roles)[number]))) return true;
  if (actor.person.departmentId && aud.departmentIds.includes(actor.person.departmentId)) return true;
  return aud.teamIds.some((t) => teamIds.includes(t));
}

/** The teams the actor is on. */
export async function teamsOf(exec: Executor, actor: Actor): Promise<string[]> {
  if (!actor.person || !actor.school) return [];
  const rows = await exec
    .select({ teamId: personTeams.teamId })
    .from(personTeams)
    .where(and(eq(personTeams.schoolId, actor.school.id), eq(personTeams.personId, actor.person.id)));
  return rows.map((r) => r.teamId);
}

/** Whether the actor is among those an asynchronous session asks; reads the actor's teams only when the audience names teams. */
export async function isAudienceMember(exec: Executor, actor: Actor, session: SessionRow): Promise<boolean> {
  if (audienceHolds(actor, session, [])) return true;
  return (session.audience?.teamIds.length ?? 0) > 0 && audienceHolds(actor, session, await teamsOf(exec, actor));
}

export const resourceOf = async (exec: Executor, actor: Actor, session: SessionRow): Promise<DialogueSessionResource> => ({
  kind: 'dialogueSession',
  departmentId: session.departmentId,
  createdBy: session.createdBy,
  audienceMember: await isAudienceMember(exec, actor, session),
});

/** A session of the actor's school (404 alike for missing and foreign) with its policy resource. */
export async function loadSession(exec: Executor, actor: Actor, id: string): Promise<LoadedSession> {
  const session = await loadScoped(exec, actor, dialogueSessions, id);
  return { session, resource: await resourceOf(exec, actor, session) };
}

export const itemsOf = (exec: Executor, schoolId: string, sessionId: string) =>
  exec
    .select()
    .from(dialogueItems)
    .where(and(eq(dialogueItems.schoolId, schoolId), eq(dialogueItems.sessionId, sessionId)))
    .orderBy(asc(dialogueItems.position));

export const presentItem = (i: ItemRow): TDialogueItem => ({
  id: i.id,
  pairKey: i.pairKey,
  left: { da: i.leftDa, en: i.leftEn },
  right: { da: i.rightDa, en: i.rightEn },
  boundary: i.boundary as TDialogueItem['boundary'],
  position: i.position,
  state: i.state as TDialogueItem['state'],
  revealed: i.revealed,
  commentsShown: i.commentsShown,
});

type Counts = { items: number; participants: number };

function presentListItem(actor: Actor, s: SessionRow, resource: DialogueSessionResource, counts: Counts) {
  return {
    id: s.id,
    title: s.title,
    mode: s.mode as TDialogueSessionListItem['mode'],
    status: s.status as TDialogueSessionListItem['status'],
    departmentId: s.departmentId,
    code: s.status === 'open' ? s.code : null,
    itemCount: counts.items,
    participantCount: counts.participants,
    opensOn: s.opensOn,
    closesOn: s.closesOn,
    createdAt: s.createdAt,
    openedAt: s.openedAt,
    closedAt: s.closedAt,
    abilities: abilitiesOn(actor, SESSION_ACTIONS, resource),
  };
}

async function countsOf(exec: Executor, schoolId: string, ids: string[]): Promise<Map<string, Counts>> {
  const map = new Map<string, Counts>(ids.map((id) => [id, { items: 0, participants: 0 }]));
  if (ids.length === 0) return map;
  const [items, participants] = await Promise.all([
    exec
      .select({ id: dialogueItems.sessionId, n: count() })
      .from(dialogueItems)
      .where(and(eq(dialogueItems.schoolId, schoolId), inArray(dialogueItems.sessionId, ids)))
      .groupBy(dialogueItems.sessionId),
    exec
      .select({ id: dialogueParticipants.sessionId, n: count() })
      .from(dialogueParticipants)
      .where(and(eq(dialogueParticipants.schoolId, schoolId), inArray(dialogueParticipants.sessionId, ids)))
      .groupBy(dialogueParticipants.sessionId),
  ]);
  for (const r of items) (map.get(r.id) as Counts).items = r.n;
  for (const r of participants) (map.get(r.id) as Counts).participants = r.n;
  return map;
}

/** The sessions the actor facilitates, and the open or closed asynchronous sessions that ask the actor. */
export async function listSessions(exec: Executor, actor: SchoolActor) {
  const scope = facilitateScope(actor);
  const schoolId = actor.school.id;
  const facilitated =
    scope === 'all'
      ? sql`true`
      : scope === null
        ? sql`false`
        : (or(eq(dialogueSessions.createdBy, scope.createdBy), scope.departmentId ? eq(dialogueSessions.departmentId, scope.departmentId) : sql`false`) ?? sql`false`);
  const rows = await exec
    .select()
    .from(dialogueSessions)
    .where(and(eq(dialogueSessions.schoolId, schoolId), or(facilitated, and(eq(dialogueSessions.mode, 'async'), inArray(dialogueSessions.status, ['open', 'closed'])))))
    .orderBy(desc(dialogueSessions.createdAt))
    .limit(500);
  const withResources = await Promise.all(rows.map(async (s) => ({ s, r: await resourceOf(exec, actor, s) })));
  const visible = withResources.filter(({ r }) => abilitiesOn(actor, ['dialogueSession:read'], r).length > 0);
  const counts = await countsOf(
    exec,
    schoolId,
    visible.map(({ s }) => s.id),
  );
  return visible.map(({ s, r }) => presentListItem(actor, s, r, counts.get(s.id) as Counts));
}

/** One session with its items, as its facilitator (or a member of its audience) reads it. */
export async function sessionDetail(exec: Executor, actor: Actor, loaded: LoadedSession): Promise<z.output<typeof ZDialogueSession>> {
  const { session: s, resource } = loaded;
  const [items, counts] = await Promise.all([itemsOf(exec, s.schoolId, s.id), countsOf(exec, s.schoolId, [s.id])]);
  const base = presentListItem(actor, s, resource, counts.get(s.id) as Counts);
  return {
    ...base,
    joinOpen: s.joinOpen,
    joinPath: s.mode === 'live' && s.status === 'open' && s.code ? `/d/${s.code}` : null,
    currentItemId: s.currentItemId,
    audience: s.audience ?? null,
    resultsMode: s.resultsMode as TDialogueSession['resultsMode'],
    items: items.map(presentItem),
  };
}
