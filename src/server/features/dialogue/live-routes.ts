import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ZDialogueAnswerInput,
  ZDialogueAnswerSaved,
  ZDialogueCode,
  ZDialogueComment,
  ZDialogueCommentInput,
  ZDialogueJoined,
  ZDialogueJoinInput,
  ZLiveState,
} from '../../../shared/api/dialogue';
import type { Executor } from '../../db/client';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { busOf } from '../../platform/realtime-bus';
import { route } from '../../platform/route';
import { addComment, joinSession, participantFor, saveAnswers, type AnswerError } from './live-commands';
import { allowComment, allowVote, checkJoinMisses, COMMENT_INTERVAL_SECONDS, rateLimited, recordJoinMiss, VOTE_RATE } from './live-limits';
import { liveState } from './live-queries';

/*
 * Live participation without an account (docs/dialogue.md): public routes, also the polling
 * fallback of the web client when a WebSocket cannot be opened. The participant token travels in
 * the `X-Dialogue-Token` header, never in a cookie: a browser does not add it to a request another
 * site makes, so these routes need no CSRF token (the kernel still refuses a foreign Origin). Nothing
 * here names a person, so the writes are not audited (as the survey links' answer sheets).
 */

const tags = ['dialogue'];
export const TOKEN_HEADER = 'x-dialogue-token';
const ZCodeParams = z.strictObject({ code: ZDialogueCode });
const ZAnswerParams = z.strictObject({ code: ZDialogueCode, itemId: z.string().max(100) });

/** The participant the request's token names in the code's session; 401 without one. */
async function participantOf(db: Executor, req: FastifyRequest, code: string) {
  const token = req.headers[TOKEN_HEADER];
  const found = typeof token === 'string' && token.length <= 100 ? await participantFor(db, code, token) : null;
  if (!found) throw new AppError(401, 'dialogue_token_unknown');
  return found;
}

/** How a refused answer reaches an HTTP client. */
const ANSWER_STATUS: Record<AnswerError, number> = {
  dialogue_item_unknown: 404,
  dialogue_participant_unknown: 401,
  dialogue_session_not_open: 409,
  dialogue_item_locked: 409,
  dialogue_item_not_open: 409,
};
export const answerRefused = (error: AnswerError) => new AppError(ANSWER_STATUS[error], error);

const publishAfter = (deps: AppDeps, afterCommit: (fn: () => unknown) => void, sessionId: string, kind: string) =>
  afterCommit(() => busOf(deps).publish(`dialogue:${sessionId}`, kind));

export const liveRoutes = [
  route({
    method: 'POST',
    url: '/dialogue/join',
    summary: 'Join a live session by its code (a token from an earlier join gives the same participant again)',
    tags,
    access: 'public',
    action: null,
    body: ZDialogueJoinInput,
    status: 201,
    response: ZDialogueJoined,
    writes: true,
    audit: false,
    handler: async ({ db, deps, req, body, afterCommit }) => {
      checkJoinMisses(deps, req.ip);
      const joined = await joinSession(db, body).catch((e: unknown) => {
        if (e instanceof AppError && e.code === 'dialogue_code_unknown') recordJoinMiss(deps, req.ip);
        throw e;
      });
      publishAfter(deps, afterCommit, joined.sessionId, 'join');
      return { sessionId: joined.sessionId, code: joined.code, token: joined.token, nickname: joined.nickname };
    },
  }),
  route({
    method: 'GET',
    url: '/dialogue/live/:code/state',
    summary: "The live state as this participant sees it, with its own answers (header X-Dialogue-Token)",
    tags,
    access: 'public',
    action: null,
    params: ZCodeParams,
    response: ZLiveState,
    handler: async ({ db, req, params }) => {
      const { participant, session } = await participantOf(db, req, params.code);
      return liveState(db, session.id, 'participant', participant.id);
    },
  }),
  route({
    method: 'PUT',
    url: '/dialogue/live/:code/items/:itemId/answer',
    summary: "Set this participant's answer to an item (now and/or wanted, 0–100)",
    tags,
    access: 'public',
    action: null,
    params: ZAnswerParams,
    body: ZDialogueAnswerInput,
    response: ZDialogueAnswerSaved,
    writes: true,
    audit: false,
    handler: async ({ db, deps, req, params, body, afterCommit }) => {
      const { participant, session } = await participantOf(db, req, params.code);
      if (!allowVote(deps, participant.id)) throw rateLimited('dialogue_rate_limited', 1 / VOTE_RATE);
      const [r] = await saveAnswers(db, [{ schoolId: session.schoolId, sessionId: session.id, itemId: params.itemId, participantId: participant.id, ...body }]);
      if (!r || !r.ok) throw answerRefused(r?.ok === false ? r.error : 'dialogue_item_unknown');
      publishAfter(deps, afterCommit, session.id, 'answers');
      return { itemId: r.itemId, now: r.now, wanted: r.wanted };
    },
  }),
  route({
    method: 'POST',
    url: '/dialogue/live/:code/comments',
    summary: 'A comment on an item (pending until the facilitator approves it)',
    tags,
    access: 'public',
    action: null,
    params: ZCodeParams,
    body: ZDialogueCommentInput,
    status: 201,
    response: ZDialogueComment,
    writes: true,
    audit: false,
    handler: async ({ db, deps, req, params, body, afterCommit }) => {
      const { participant, session } = await participantOf(db, req, params.code);
      if (!allowComment(deps, participant.id)) throw rateLimited('dialogue_rate_limited', COMMENT_INTERVAL_SECONDS);
      const c = await addComment(db, { schoolId: session.schoolId, sessionId: session.id, participantId: participant.id, itemId: body.itemId, text: body.text });
      publishAfter(deps, afterCommit, session.id, 'comments');
      return { id: c.id, itemId: c.itemId, text: c.text, nickname: participant.nickname, status: 'pending' as const, createdAt: c.createdAt };
    },
  }),
];
