import { and, count, desc, eq, gt, ne, sql } from 'drizzle-orm';
import type { TDialogueControlInput } from '../../../shared/api/dialogue';
import type { Executor } from '../../db/client';
import { dialogueComments, dialogueItems, dialogueParticipants, dialogueSessions } from '../../db/schema/index';
import type { Actor } from '../../platform/actor';
import { audit, type AuditEntry } from '../../platform/audit';
import { AppError, conflict, invalid, notFound } from '../../platform/errors';
import { isUuid, loadScoped } from '../../platform/loader';
import { newSecret, hashSecret } from '../../platform/tokens';
import { JOIN_FLOOD_LIMIT, JOIN_FLOOD_WINDOW_SECONDS, rateLimited } from './live-limits';

/*
 * The live commands, called alike by the HTTP routes and the WebSocket layer: join, add a comment,
 * the facilitator's control and moderation. Answers are saved by live-answers.ts (re-exported
 * here). Callers publish `dialogue:<sessionId>` on the realtime bus after their commit.
 */
export { saveAnswers, type AnswerError, type AnswerResult, type AnswerRow } from './live-answers';

type SessionRow = typeof dialogueSessions.$inferSelect;
type ParticipantRow = typeof dialogueParticipants.$inferSelect;
export type Joined = { sessionId: string; schoolId: string; participantId: string; token: string; code: string; nickname: string | null };
/** Writes an audit event: the route's (counted by the kernel) or, by default, straight into the transaction. */
export type AuditWriter = (entry: AuditEntry) => Promise<void>;

const bump = () => ({ version: sql`${dialogueSessions.version} + 1`, updatedAt: new Date() });

/** The live session a code names: the open one; 410 when the code only names closed sessions, 404 when none. */
export async function sessionByCode(exec: Executor, code: string): Promise<SessionRow> {
  const rows = await exec
    .select()
    .from(dialogueSessions)
    .where(and(eq(dialogueSessions.code, code), eq(dialogueSessions.mode, 'live'), ne(dialogueSessions.status, 'draft')))
    .orderBy(sql`${dialogueSessions.status} = 'open' desc`, desc(dialogueSessions.closedAt))
    .limit(1);
  const s = rows[0];
  if (!s) throw new AppError(404, 'dialogue_code_unknown');
  if (s.status !== 'open') throw new AppError(410, 'dialogue_session_closed');
  return s;
}

/**
 * Joins a live session by its code. A token from an earlier join of this browser gives the same
 * participant again (also when joining has since been closed); otherwise a new participant, while
 * joining is open and the session is under JOIN_FLOOD_LIMIT joins in the last minute.
 */
export async function joinSession(exec: Executor, input: { code: string; nickname?: string | undefined; token?: string | undefined }): Promise<Joined> {
  const s = await sessionByCode(exec, input.code);
  if (input.token) {
    const [p] = await exec
      .select()
      .from(dialogueParticipants)
      .where(and(eq(dialogueParticipants.tokenHash, hashSecret(input.token)), eq(dialogueParticipants.sessionId, s.id)));
    if (p) return { sessionId: s.id, schoolId: s.schoolId, participantId: p.id, token: input.token, code: input.code, nickname: p.nickname };
  }
  if (!s.joinOpen) throw conflict('dialogue_join_closed');
  const [recent] = await exec
    .select({ n: count() })
    .from(dialogueParticipants)
    .where(
      and(
        eq(dialogueParticipants.schoolId, s.schoolId),
        eq(dialogueParticipants.sessionId, s.id),
        gt(dialogueParticipants.createdAt, sql`now() - make_interval(secs => ${JOIN_FLOOD_WINDOW_SECONDS})`),
      ),
    );
  if ((recent?.n ?? 0) >= JOIN_FLOOD_LIMIT) throw rateLimited('dialogue_join_flood', JOIN_FLOOD_WINDOW_SECONDS);
  const { token, hash } = newSecret();
  const nickname = input.nickname?.trim() || null;
  const [p] = await exec.insert(dialogueParticipants).values({ schoolId: s.schoolId, sessionId: s.id, tokenHash: hash, nickname }).returning({ id: dialogueParticipants.id });
  if (!p) throw new Error('insert returned no row');
  await exec.update(dialogueSessions).set(bump()).where(and(eq(dialogueSessions.schoolId, s.schoolId), eq(dialogueSessions.id, s.id)));
  return { sessionId: s.id, schoolId: s.schoolId, participantId: p.id, token, code: input.code, nickname };
}

/** The participant a token names in the session a code names (open or closed), or null. */
export async function participantFor(exec: Executor, code: string, token: string): Promise<{ participant: ParticipantRow; session: SessionRow } | null> {
  if (!token) return null;
  const [row] = await exec
    .select({ participant: dialogueParticipants, session: dialogueSessions })
    .from(dialogueParticipants)
    .innerJoin(dialogueSessions, and(eq(dialogueSessions.schoolId, dialogueParticipants.schoolId), eq(dialogueSessions.id, dialogueParticipants.sessionId)))
    .where(and(eq(dialogueParticipants.tokenHash, hashSecret(token)), eq(dialogueSessions.code, code)));
  return row ?? null;
}

/** A participant's comment on an item of an open session: pending until the facilitator approves or hides it. */
export async function addComment(exec: Executor, input: { schoolId: string; sessionId: string; participantId: string; itemId: string; text: string }) {
  const [item] = isUuid(input.itemId)
    ? await exec
        .select({ id: dialogueItems.id, status: dialogueSessions.status })
        .from(dialogueItems)
        .innerJoin(dialogueSessions, and(eq(dialogueSessions.schoolId, dialogueItems.schoolId), eq(dialogueSessions.id, dialogueItems.sessionId)))
        .where(and(eq(dialogueItems.schoolId, input.schoolId), eq(dialogueItems.id, input.itemId), eq(dialogueItems.sessionId, input.sessionId)))
    : [];
  if (!item) throw invalid([{ field: 'itemId', key: 'validation.dialogue_item_unknown' }]);
  if (item.status !== 'open') throw conflict('dialogue_session_not_open');
  const [c] = await exec
    .insert(dialogueComments)
    .values({ schoolId: input.schoolId, sessionId: input.sessionId, itemId: input.itemId, participantId: input.participantId, text: input.text })
    .returning();
  if (!c) throw new Error('insert returned no row');
  await exec.update(dialogueSessions).set(bump()).where(and(eq(dialogueSessions.schoolId, input.schoolId), eq(dialogueSessions.id, input.sessionId)));
  return c;
}

const ITEM_OPS = new Set(['goto', 'reveal', 'hide', 'lock', 'unlock', 'showComments', 'hideComments']);
/** What an asynchronous session's facilitator may do: every item is open for its whole period. */
const ASYNC_OPS = new Set(['lock', 'unlock', 'close']);

/**
 * The facilitator's control of an open session (audited). `goto` makes an item the current one and
 * opens it (a locked item stays locked); the item that was open goes back to pending, so in live
 * mode only the current item takes answers.
 */
export async function controlSession(
  tx: Executor,
  actor: Actor,
  sessionId: string,
  input: TDialogueControlInput,
  write: AuditWriter = (e) => audit(tx, actor, e),
): Promise<SessionRow> {
  const s = await loadScoped(tx, actor, dialogueSessions, sessionId);
  if (s.status !== 'open') throw conflict('dialogue_session_not_open');
  if (s.mode === 'async' && !ASYNC_OPS.has(input.op)) throw conflict('dialogue_op_live_only', [{ field: 'op', key: 'validation.dialogue_op_live_only' }]);
  const sessionWhere = and(eq(dialogueSessions.schoolId, s.schoolId), eq(dialogueSessions.id, s.id));
  let item: typeof dialogueItems.$inferSelect | undefined;
  if (ITEM_OPS.has(input.op)) {
    if (!input.itemId || !isUuid(input.itemId)) throw invalid([{ field: 'itemId', key: 'validation.dialogue_item_unknown' }]);
    [item] = await tx
      .select()
      .from(dialogueItems)
      .where(and(eq(dialogueItems.schoolId, s.schoolId), eq(dialogueItems.sessionId, s.id), eq(dialogueItems.id, input.itemId)));
    if (!item) throw invalid([{ field: 'itemId', key: 'validation.dialogue_item_unknown' }]);
  }
  const itemWhere = item ? and(eq(dialogueItems.schoolId, s.schoolId), eq(dialogueItems.id, item.id)) : undefined;
  const setItem = (values: Partial<typeof dialogueItems.$inferInsert>) => tx.update(dialogueItems).set(values).where(itemWhere);
  switch (input.op) {
    case 'openJoin':
    case 'closeJoin':
      await tx.update(dialogueSessions).set({ joinOpen: input.op === 'openJoin' }).where(sessionWhere);
      break;
    case 'goto':
      await tx
        .update(dialogueItems)
        .set({ state: 'pending' })
        .where(and(eq(dialogueItems.schoolId, s.schoolId), eq(dialogueItems.sessionId, s.id), eq(dialogueItems.state, 'open')));
      if (item?.state !== 'locked') await setItem({ state: 'open' });
      await tx.update(dialogueSessions).set({ currentItemId: item?.id ?? null }).where(sessionWhere);
      break;
    case 'reveal':
    case 'hide':
      await setItem({ revealed: input.op === 'reveal' });
      break;
    case 'lock':
      await setItem({ state: 'locked' });
      break;
    case 'unlock':
      await setItem({ state: s.mode === 'async' || s.currentItemId === item?.id ? 'open' : 'pending' });
      break;
    case 'showComments':
    case 'hideComments':
      await setItem({ commentsShown: input.op === 'showComments' });
      break;
    case 'close':
      await tx.update(dialogueSessions).set({ status: 'closed', joinOpen: false, closedAt: new Date() }).where(sessionWhere);
      break;
  }
  const [after] = await tx.update(dialogueSessions).set(bump()).where(sessionWhere).returning();
  await write({
    action: input.op === 'close' ? 'dialogue.session_closed' : 'dialogue.session_controlled',
    resourceType: 'dialogue_session',
    resourceId: s.id,
    summary: s.title,
    changes: { op: input.op, ...(item ? { item: `${item.leftDa} – ${item.rightDa}` } : {}) },
  });
  return after ?? s;
}

/** Approves or hides a comment of the session (audited; the comment's text is not copied to the log). */
export async function moderateComment(
  tx: Executor,
  actor: Actor,
  sessionId: string,
  commentId: string,
  status: 'approved' | 'hidden',
  write: AuditWriter = (e) => audit(tx, actor, e),
) {
  const s = await loadScoped(tx, actor, dialogueSessions, sessionId);
  if (!isUuid(commentId)) throw notFound();
  const [c] = await tx
    .update(dialogueComments)
    .set({ status })
    .where(and(eq(dialogueComments.schoolId, s.schoolId), eq(dialogueComments.sessionId, s.id), eq(dialogueComments.id, commentId)))
    .returning();
  if (!c) throw notFound();
  await tx.update(dialogueSessions).set(bump()).where(and(eq(dialogueSessions.schoolId, s.schoolId), eq(dialogueSessions.id, s.id)));
  await write({ action: 'dialogue.comment_moderated', resourceType: 'dialogue_session', resourceId: s.id, summary: s.title, changes: { status } });
  return c;
}
