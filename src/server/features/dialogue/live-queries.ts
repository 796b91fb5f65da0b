import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { TDialogueView, ZDialogueComment, ZLiveState } from '../../../shared/api/dialogue';
import type { Executor } from '../../db/client';
import { dialogueAnswers, dialogueComments, dialogueParticipants, dialogueSessions, type DialoguePublished } from '../../db/schema/index';
import { dialogueSlider } from '../../platform/anonymity';
import { notFound } from '../../platform/errors';
import { isUuid } from '../../platform/loader';
import { liveValues } from './live-answers';
import { itemsOf, presentItem, type ItemRow } from './sessions-queries';

/*
 * The live state of a session as one view may see it (docs/dialogue.md, "Privacy"), read alike by
 * the HTTP routes (and their polling) and the WebSocket layer:
 * - facilitator: every distribution (from the threshold), every approved comment and the pending ones;
 * - screen: distributions the facilitator revealed, approved comments of items whose comments are shown;
 * - participant: as the screen, plus the participant's own answers.
 * An asynchronous session shows the same to every view: nothing while open with results after the
 * close, the published copy while open with live results, the answers once closed.
 */

export type LiveState = z.output<typeof ZLiveState>;
type Comment = z.output<typeof ZDialogueComment>;
type SessionRow = typeof dialogueSessions.$inferSelect;

/** Which values a view reads, and whether it may see an item's distribution. */
function source(s: SessionRow, view: TDialogueView): { values: 'live' | 'copy' | 'none'; shows: (i: ItemRow) => boolean } {
  if (s.mode === 'async') {
    if (s.status === 'closed') return { values: 'live', shows: () => true };
    if (s.status === 'open' && s.resultsMode === 'live') return { values: 'copy', shows: () => true };
    return { values: 'none', shows: () => false };
  }
  return { values: 'live', shows: view === 'facilitator' ? () => true : (i) => i.revealed };
}

/** The comments a view may see at all (the facilitator's include pending ones), filtered by the items' flags by the caller. */
async function commentsOf(exec: Executor, s: SessionRow, view: TDialogueView): Promise<Comment[]> {
  const statuses = view === 'facilitator' ? ['approved', 'pending'] : ['approved'];
  const rows = await exec
    .select({ c: dialogueComments, nickname: dialogueParticipants.nickname })
    .from(dialogueComments)
    .leftJoin(dialogueParticipants, and(eq(dialogueParticipants.schoolId, dialogueComments.schoolId), eq(dialogueParticipants.id, dialogueComments.participantId)))
    .where(and(eq(dialogueComments.schoolId, s.schoolId), eq(dialogueComments.sessionId, s.id), inArray(dialogueComments.status, statuses)))
    .orderBy(asc(dialogueComments.createdAt))
    .limit(2_000);
  return rows.map(({ c, nickname }) => ({ id: c.id, itemId: c.itemId, text: c.text, nickname: nickname ?? null, status: c.status as Comment['status'], createdAt: c.createdAt }));
}

async function ownOf(exec: Executor, s: SessionRow, participantId: string) {
  const [[p], answers] = await Promise.all([
    exec
      .select({ nickname: dialogueParticipants.nickname })
      .from(dialogueParticipants)
      .where(and(eq(dialogueParticipants.schoolId, s.schoolId), eq(dialogueParticipants.id, participantId), eq(dialogueParticipants.sessionId, s.id))),
    exec
      .select({ itemId: dialogueAnswers.itemId, now: dialogueAnswers.now, wanted: dialogueAnswers.wanted })
      .from(dialogueAnswers)
      .where(and(eq(dialogueAnswers.schoolId, s.schoolId), eq(dialogueAnswers.participantId, participantId))),
  ]);
  return { nickname: p?.nickname ?? null, answers };
}

/** The state of a session for one view; `participantId` (participant view) adds that participant's own answers. */
export async function liveState(exec: Executor, sessionId: string, view: TDialogueView, participantId?: string | null): Promise<LiveState> {
  if (!isUuid(sessionId)) throw notFound();
  const [s] = await exec.select().from(dialogueSessions).where(eq(dialogueSessions.id, sessionId)).limit(1);
  if (!s) throw notFound();
  const src = source(s, view);
  const [items, values, comments, [participants], own] = await Promise.all([
    itemsOf(exec, s.schoolId, s.id),
    src.values === 'live' ? liveValues(exec, s.schoolId, s.id) : Promise.resolve<DialoguePublished>(src.values === 'copy' ? (s.published ?? {}) : {}),
    commentsOf(exec, s, view),
    exec
      .select({ n: count() })
      .from(dialogueParticipants)
      .where(and(eq(dialogueParticipants.schoolId, s.schoolId), eq(dialogueParticipants.sessionId, s.id))),
    view === 'participant' && participantId && isUuid(participantId) ? ownOf(exec, s, participantId) : Promise.resolve(null),
  ]);
  // Comments are filtered by the items' flags, known only now.
  const shownComments = new Set(items.filter((i) => view === 'facilitator' || i.commentsShown).map((i) => i.id));
  const approved = comments.filter((c) => c.status === 'approved' && shownComments.has(c.itemId));
  const counts = src.values === 'none' ? await liveValues(exec, s.schoolId, s.id) : values;
  return {
    sessionId: s.id,
    version: s.version,
    view,
    title: s.title,
    mode: s.mode as LiveState['mode'],
    status: s.status as LiveState['status'],
    joinOpen: s.joinOpen,
    code: s.mode === 'live' && s.status === 'open' ? s.code : null,
    currentItemId: s.currentItemId,
    participantCount: participants?.n ?? 0,
    publishedAt: src.values === 'copy' ? s.publishedAt : null,
    items: items.map((i) => {
      const shows = src.shows(i);
      const v = values[i.id] ?? { now: [], wanted: [] };
      const n = counts[i.id] ?? { now: [], wanted: [] };
      const slider = (vals: number[], countOnly: number[]) => (shows ? dialogueSlider(vals) : { count: countOnly.length, shown: false });
      return {
        ...presentItem(i),
        now: slider(v.now, src.values === 'copy' ? v.now : n.now),
        wanted: slider(v.wanted, src.values === 'copy' ? v.wanted : n.wanted),
        comments: approved.filter((c) => c.itemId === i.id),
      };
    }),
    own: view === 'participant' ? (own ?? { nickname: null, answers: [] }) : null,
    pendingComments: view === 'facilitator' ? comments.filter((c) => c.status === 'pending') : [],
  };
}

/** The nickname shown on a participant's approved comments. */
export async function nicknameOf(exec: Executor, schoolId: string, participantId: string | null): Promise<string | null> {
  if (!participantId) return null;
  const [p] = await exec
    .select({ nickname: dialogueParticipants.nickname })
    .from(dialogueParticipants)
    .where(and(eq(dialogueParticipants.schoolId, schoolId), eq(dialogueParticipants.id, participantId)));
  return p?.nickname ?? null;
}
