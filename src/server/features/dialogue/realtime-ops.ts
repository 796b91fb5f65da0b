import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { ZLiveState, type TDialogueControlInput, type TDialogueView, type TLiveState } from '../../../shared/api/dialogue';
import { dialogueSessions, type DialoguePublished } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { liveValues, saveAnswers, type AnswerError } from './live-answers';
import { addComment, controlSession, participantFor, sessionByCode } from './live-commands';
import { liveState } from './live-queries';

/*
 * What the sockets need from the dialogue's commands and queries, the same ones the HTTP routes use
 * (live-answers.ts, live-commands.ts): a socket is one more way to send the same commands.
 */

export type SessionRef = { id: string; schoolId: string; mode: 'live' | 'async' };
export type LiveParticipant = { id: string; nickname: string | null };
export type AnswerInput = { participantId: string; itemId: string; now?: number; wanted?: number };

export type LiveOps = {
  /** The open live session with this code (404 unknown, 410 closed). */
  sessionByCode(code: string): Promise<SessionRef & { code: string }>;
  /** The participant of this session that holds the token, or null. */
  participantFor(session: SessionRef & { code: string }, token: string): Promise<LiveParticipant | null>;
  /** The state one view sees; a participant's own answers only when `participant` is given. */
  state(session: SessionRef, view: TDialogueView, participant: LiveParticipant | null): Promise<TLiveState>;
  /** A session's live values and version (what answers change). */
  answers(session: SessionRef): Promise<{ values: DialoguePublished; version: number }>;
  /** Saves a batch in one transaction; per answer, null when saved or the refusal, and the session's version after it. */
  saveAnswers(session: SessionRef, answers: AnswerInput[]): Promise<{ results: (AppError | null)[]; version: number }>;
  addComment(session: SessionRef, participant: LiveParticipant, input: { itemId: string; text: string }): Promise<void>;
  /** The facilitator's control, audited as over HTTP. */
  control(actor: SchoolActor, session: SessionRef, input: TDialogueControlInput): Promise<void>;
};

/** Why an answer was refused, with the status the HTTP route gives it. */
const refusal = (code: AnswerError) => new AppError(code === 'dialogue_item_unknown' || code === 'dialogue_participant_unknown' ? 404 : 409, code);

export function liveOps(deps: AppDeps): LiveOps {
  const db = deps.database.db;
  return {
    async sessionByCode(code) {
      const s = await sessionByCode(db, code);
      return { id: s.id, schoolId: s.schoolId, mode: 'live', code };
    },
    async participantFor(session, token) {
      const found = await participantFor(db, session.code, token);
      if (!found || found.session.id !== session.id) return null;
      return { id: found.participant.id, nickname: found.participant.nickname };
    },
    // Encoded through the contract's schema once per push: the socket sends what GET …/state answers.
    state: async (session, view, participant) => z.encode(ZLiveState, await liveState(db, session.id, view, participant?.id ?? null)),
    async answers(session) {
      // The version first: values read after it hold at least every answer up to it.
      const [row] = await db
        .select({ version: dialogueSessions.version })
        .from(dialogueSessions)
        .where(and(eq(dialogueSessions.schoolId, session.schoolId), eq(dialogueSessions.id, session.id)));
      return { values: await liveValues(db, session.schoolId, session.id), version: row?.version ?? 0 };
    },
    async saveAnswers(session, answers) {
      return db.transaction(async (tx) => {
        const results = await saveAnswers(tx, answers.map((a) => ({ ...a, schoolId: session.schoolId, sessionId: session.id })));
        // The version this batch made: every state from it on holds these answers (the ack says so).
        const [row] = await tx
          .select({ version: dialogueSessions.version })
          .from(dialogueSessions)
          .where(and(eq(dialogueSessions.schoolId, session.schoolId), eq(dialogueSessions.id, session.id)));
        return { results: results.map((r) => (r.ok ? null : refusal(r.error))), version: row?.version ?? 0 };
      });
    },
    async addComment(session, participant, input) {
      await db.transaction((tx) => addComment(tx, { schoolId: session.schoolId, sessionId: session.id, participantId: participant.id, ...input }));
    },
    async control(actor, session, input) {
      await db.transaction((tx) => controlSession(tx, actor, session.id, input));
    },
  };
}
