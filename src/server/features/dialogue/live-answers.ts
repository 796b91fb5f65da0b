import { and, count, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { dialogueAnswers, dialogueParticipants, dialoguePendingChanges, dialogueSessions, type DialoguePublished } from '../../db/schema/index';
import { dialogueCopyMoves } from '../../platform/anonymity';
import { isUuid } from '../../platform/loader';

/*
 * The hot path: answers of many participants saved in one statement (docs/dialogue.md). Each row is
 * checked in the same statement (the item exists, belongs to the session and is answerable; the
 * participant belongs to the session), written as an upsert (an answer is changed, not added),
 * and the session's version is moved once. Asynchronous sessions with live results also record
 * who changed, and publish a new copy once enough have (platform/anonymity.ts).
 */

export type AnswerRow = { schoolId: string; sessionId: string; itemId: string; participantId: string; now?: number | undefined; wanted?: number | undefined };
export type AnswerError =
  | 'dialogue_item_unknown'
  | 'dialogue_participant_unknown'
  | 'dialogue_session_not_open'
  | 'dialogue_item_locked'
  | 'dialogue_item_not_open';
export type AnswerResult = { ok: true; itemId: string; now: number | null; wanted: number | null } | { ok: false; itemId: string; error: AnswerError };

type Checked = {
  idx: number;
  reason: AnswerError | null;
  school_id: string;
  session_id: string;
  copy: boolean;
  now: number | null;
  wanted: number | null;
};

const keyOf = (r: AnswerRow) => `${r.schoolId}|${r.itemId}|${r.participantId}`;

/**
 * Saves a batch of answers; returns, per row in the order given, the values now stored or why the
 * row was refused. Rows for the same participant and item are merged first (the later wins per
 * slider), since one statement cannot change a row twice.
 */
export async function saveAnswers(exec: Executor, rows: AnswerRow[]): Promise<AnswerResult[]> {
  const merged = new Map<string, AnswerRow>();
  for (const r of rows) {
    if (![r.schoolId, r.sessionId, r.itemId, r.participantId].every(isUuid)) continue;
    const prev = merged.get(keyOf(r));
    merged.set(keyOf(r), { ...r, now: r.now ?? prev?.now, wanted: r.wanted ?? prev?.wanted });
  }
  const input = [...merged.values()].map((r, idx) => ({
    idx,
    school_id: r.schoolId,
    session_id: r.sessionId,
    item_id: r.itemId,
    participant_id: r.participantId,
    now: r.now ?? null,
    wanted: r.wanted ?? null,
  }));
  const checked = input.length ? await upsert(exec, input) : [];
  const byKey = new Map<string, Checked>();
  for (const c of checked) {
    const i = input[c.idx];
    if (i) byKey.set(`${i.school_id}|${i.item_id}|${i.participant_id}`, c);
  }
  const copies = new Map<string, string>();
  for (const c of checked) if (c.reason === null && c.copy) copies.set(c.session_id, c.school_id);
  for (const [sessionId, schoolId] of copies) await publishIfDue(exec, schoolId, sessionId);
  return rows.map((r) => {
    const c = byKey.get(keyOf(r));
    if (!c) return { ok: false, itemId: r.itemId, error: 'dialogue_item_unknown' };
    if (c.reason !== null) return { ok: false, itemId: r.itemId, error: c.reason };
    return { ok: true, itemId: r.itemId, now: c.now, wanted: c.wanted };
  });
}

async function upsert(exec: Executor, input: object[]): Promise<Checked[]> {
  const res = await exec.execute(sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
        as t(idx int, school_id uuid, session_id uuid, item_id uuid, participant_id uuid, now smallint, wanted smallint)
    ),
    checked as (
      select i.*, (s.mode = 'async' and s.results_mode = 'live') as copy,
        case
          when it.id is null then 'dialogue_item_unknown'
          when p.id is null then 'dialogue_participant_unknown'
          when s.status <> 'open' then 'dialogue_session_not_open'
          when s.mode = 'async' and not ((now() at time zone 'Europe/Copenhagen')::date between s.opens_on and s.closes_on) then 'dialogue_session_not_open'
          when it.state = 'locked' then 'dialogue_item_locked'
          when s.mode = 'live' and it.state <> 'open' then 'dialogue_item_not_open'
        end as reason
      from input i
      left join dialogue_items it on it.school_id = i.school_id and it.id = i.item_id and it.session_id = i.session_id
      left join dialogue_sessions s on s.school_id = i.school_id and s.id = i.session_id
      left join dialogue_participants p on p.school_id = i.school_id and p.id = i.participant_id and p.session_id = i.session_id
    ),
    up as (
      insert into dialogue_answers as a (school_id, item_id, participant_id, session_id, now, wanted, updated_at)
      select school_id, item_id, participant_id, session_id, now, wanted, now() from checked where reason is null
      on conflict (school_id, item_id, participant_id) do update
        set now = coalesce(excluded.now, a.now), wanted = coalesce(excluded.wanted, a.wanted), updated_at = excluded.updated_at
      returning a.item_id, a.participant_id, a.now, a.wanted
    ),
    pending as (
      insert into dialogue_pending_changes (school_id, session_id, participant_id)
      select distinct school_id, session_id, participant_id from checked where reason is null and copy
      on conflict do nothing
    ),
    bumped as (
      update dialogue_sessions s set version = s.version + 1
      from (select distinct school_id, session_id from checked where reason is null) c
      where s.school_id = c.school_id and s.id = c.session_id
    )
    select c.idx, c.reason, c.school_id, c.session_id, coalesce(c.copy, false) as copy, u.now, u.wanted
    from checked c left join up u on u.item_id = c.item_id and u.participant_id = c.participant_id
  `);
  return (res as unknown as { rows: Checked[] }).rows.map((r) => ({ ...r, idx: Number(r.idx), now: r.now === null ? null : Number(r.now), wanted: r.wanted === null ? null : Number(r.wanted) }));
}

/** The live values of every item of a session: sorted per slider, without participant or time. */
export async function liveValues(exec: Executor, schoolId: string, sessionId: string): Promise<DialoguePublished> {
  const rows = await exec
    .select({
      itemId: dialogueAnswers.itemId,
      now: sql<number[] | null>`array_agg(${dialogueAnswers.now} order by ${dialogueAnswers.now}) filter (where ${dialogueAnswers.now} is not null)`,
      wanted: sql<number[] | null>`array_agg(${dialogueAnswers.wanted} order by ${dialogueAnswers.wanted}) filter (where ${dialogueAnswers.wanted} is not null)`,
    })
    .from(dialogueAnswers)
    .where(and(eq(dialogueAnswers.schoolId, schoolId), eq(dialogueAnswers.sessionId, sessionId)))
    .groupBy(dialogueAnswers.itemId);
  return Object.fromEntries(rows.map((r) => [r.itemId, { now: (r.now ?? []).map(Number), wanted: (r.wanted ?? []).map(Number) }]));
}

/** Replaces an asynchronous session's published copy once enough participants changed since the last one. */
export async function publishIfDue(exec: Executor, schoolId: string, sessionId: string): Promise<boolean> {
  const where = and(eq(dialoguePendingChanges.schoolId, schoolId), eq(dialoguePendingChanges.sessionId, sessionId));
  const [row] = await exec.select({ n: count() }).from(dialoguePendingChanges).where(where);
  if (!dialogueCopyMoves(row?.n ?? 0)) return false;
  const published = await liveValues(exec, schoolId, sessionId);
  await exec
    .update(dialogueSessions)
    .set({ published, publishedAt: new Date(), version: sql`${dialogueSessions.version} + 1` })
    .where(and(eq(dialogueSessions.schoolId, schoolId), eq(dialogueSessions.id, sessionId)));
  await exec.delete(dialoguePendingChanges).where(where);
  return true;
}

/** The signed-in member's participant in an asynchronous session, made on the first answer (one per person). */
export async function personParticipant(exec: Executor, schoolId: string, sessionId: string, personId: string): Promise<string> {
  const made = await exec.insert(dialogueParticipants).values({ schoolId, sessionId, personId }).onConflictDoNothing().returning({ id: dialogueParticipants.id });
  if (made[0]) return made[0].id;
  const found = await findPersonParticipant(exec, schoolId, sessionId, personId);
  if (!found) throw new Error('participant neither made nor found');
  return found;
}

/** The member's participant in an asynchronous session, or null before the first answer. */
export async function findPersonParticipant(exec: Executor, schoolId: string, sessionId: string, personId: string): Promise<string | null> {
  const [p] = await exec
    .select({ id: dialogueParticipants.id })
    .from(dialogueParticipants)
    .where(and(eq(dialogueParticipants.schoolId, schoolId), eq(dialogueParticipants.sessionId, sessionId), eq(dialogueParticipants.personId, personId)));
  return p?.id ?? null;
}
