import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { TItemResult } from '../../../shared/api/dialogue-results';
import type { Executor } from '../../db/client';
import { dialogueAnswers, dialogueBoundaries, dialogueComments, dialogueItems, dialogueParticipants, type dialogueSessions } from '../../db/schema/index';
import { dialogueSlider } from '../../platform/anonymity';
import { conflict } from '../../platform/errors';
import { BUILTIN_BOUNDARIES } from './reference-data';
import { shiftOf } from './results-compute';

/* The results of a closed session (docs/dialogue.md, "After the session"), read in three queries. */

export type DialogueSessionRow = typeof dialogueSessions.$inferSelect;

/** Results are read after the close: an open session's figures are the live views' (stepped, revealed). */
export function assertClosed(session: DialogueSessionRow) {
  if (session.status !== 'closed') throw conflict('dialogue_not_closed');
}

/** Each item of the session in order, with its sliders shaped by the anonymity module, and the participant count. */
export async function sessionResults(exec: Executor, session: DialogueSessionRow) {
  const [items, answers, [participants], boundaries, comments] = await Promise.all([
    exec.select().from(dialogueItems).where(and(eq(dialogueItems.schoolId, session.schoolId), eq(dialogueItems.sessionId, session.id))).orderBy(asc(dialogueItems.position)),
    exec
      .select({
        itemId: dialogueAnswers.itemId,
        now: sql<number[] | null>`array_agg(${dialogueAnswers.now} order by ${dialogueAnswers.now}) filter (where ${dialogueAnswers.now} is not null)`,
        wanted: sql<number[] | null>`array_agg(${dialogueAnswers.wanted} order by ${dialogueAnswers.wanted}) filter (where ${dialogueAnswers.wanted} is not null)`,
      })
      .from(dialogueAnswers)
      .where(and(eq(dialogueAnswers.schoolId, session.schoolId), eq(dialogueAnswers.sessionId, session.id)))
      .groupBy(dialogueAnswers.itemId),
    exec.select({ n: count() }).from(dialogueParticipants).where(and(eq(dialogueParticipants.schoolId, session.schoolId), eq(dialogueParticipants.sessionId, session.id))),
    boundaryNames(exec, session.schoolId),
    exec
      .select({ itemId: dialogueComments.itemId, text: dialogueComments.text, nickname: dialogueParticipants.nickname })
      .from(dialogueComments)
      .leftJoin(dialogueParticipants, and(eq(dialogueParticipants.schoolId, dialogueComments.schoolId), eq(dialogueParticipants.id, dialogueComments.participantId)))
      .where(and(eq(dialogueComments.schoolId, session.schoolId), eq(dialogueComments.sessionId, session.id), eq(dialogueComments.status, 'approved')))
      .orderBy(asc(dialogueComments.createdAt)),
  ]);
  const byItem = new Map(answers.map((a) => [a.itemId, a]));
  const results: TItemResult[] = items.map((i) => {
    const a = byItem.get(i.id);
    const now = dialogueSlider((a?.now ?? []).map(Number));
    const wanted = dialogueSlider((a?.wanted ?? []).map(Number));
    return {
      itemId: i.id,
      pairKey: i.pairKey,
      left: { da: i.leftDa, en: i.leftEn },
      right: { da: i.rightDa, en: i.rightEn },
      boundary: i.boundary,
      now,
      wanted,
      shift: shiftOf(now, wanted),
      comments: comments.filter((c) => c.itemId === i.id).map((c) => ({ text: c.text, nickname: c.nickname })),
    };
  });
  return {
    session: { id: session.id, title: session.title, mode: session.mode === 'async' ? ('async' as const) : ('live' as const), closedAt: session.closedAt, participants: participants?.n ?? 0 },
    items: results,
    boundaries,
  };
}

/** The boundary types' names as the school words them (its row overrides the built-in text). */
export async function boundaryNames(exec: Executor, schoolId: string) {
  const rows = await exec.select({ key: dialogueBoundaries.key, da: dialogueBoundaries.nameDa, en: dialogueBoundaries.nameEn }).from(dialogueBoundaries).where(eq(dialogueBoundaries.schoolId, schoolId));
  return BUILTIN_BOUNDARIES.map((b) => {
    const own = rows.find((r) => r.key === b.key);
    return { key: b.key, name: own ? { da: own.da, en: own.en || b.name.en } : b.name };
  });
}
