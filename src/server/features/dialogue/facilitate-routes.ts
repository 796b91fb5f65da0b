import QRCode from 'qrcode';
import { z } from 'zod';
import { fileResponse, ZId } from '../../../shared/api/common';
import {
  ZDialogueComment,
  ZDialogueControlInput,
  ZDialogueModerateInput,
  ZDialogueMyAnswersInput,
  ZDialogueMyAnswersSaved,
  ZLiveState,
} from '../../../shared/api/dialogue';
import { conflict } from '../../platform/errors';
import { busOf } from '../../platform/realtime-bus';
import { route } from '../../platform/route';
import { ownOrigin } from '../../platform/security';
import { findPersonParticipant, personParticipant, saveAnswers } from './live-answers';
import { controlSession, moderateComment } from './live-commands';
import { liveState, nicknameOf } from './live-queries';
import { answerRefused } from './live-routes';
import { loadSession } from './sessions-queries';

/*
 * The facilitator's live view and control, the big screen's state, the join QR code, and a
 * signed-in member's answers to an asynchronous session. Every change publishes
 * `dialogue:<sessionId>` on the realtime bus after its commit, so WebSocket viewers refresh.
 */

const tags = ['dialogue'];
const loadById = ({ db, actor, params }: { db: Parameters<typeof loadSession>[0]; actor: Parameters<typeof loadSession>[1]; params: { id: string } }) =>
  loadSession(db, actor, params.id);
const ZCommentParams = z.strictObject({ id: z.string().max(100), commentId: z.string().max(100) });

export const facilitateRoutes = [
  route({
    method: 'GET',
    url: '/dialogue/sessions/:id/live',
    summary: "The facilitator's live state: every distribution from the threshold, pending comments",
    tags,
    action: 'dialogueSession:facilitate',
    params: ZId,
    response: ZLiveState,
    load: loadById,
    policyResource: (l) => l.resource,
    handler: async ({ db, resource }) => liveState(db, resource.session.id, 'facilitator'),
  }),
  route({
    method: 'GET',
    url: '/dialogue/sessions/:id/screen',
    summary: "The big screen's state: revealed distributions and shown approved comments only",
    tags,
    action: 'dialogueSession:facilitate',
    params: ZId,
    response: ZLiveState,
    load: loadById,
    policyResource: (l) => l.resource,
    handler: async ({ db, resource }) => liveState(db, resource.session.id, 'screen'),
  }),
  route({
    method: 'POST',
    url: '/dialogue/sessions/:id/control',
    summary: 'Control an open session: joining, the current item, reveal, lock, comments, close',
    tags,
    action: 'dialogueSession:facilitate',
    params: ZId,
    body: ZDialogueControlInput,
    response: ZLiveState,
    writes: true,
    load: loadById,
    policyResource: (l) => l.resource,
    handler: async ({ db, deps, actor, body, resource, audit, afterCommit }) => {
      await controlSession(db, actor, resource.session.id, body, audit);
      afterCommit(() => busOf(deps).publish(`dialogue:${resource.session.id}`, 'control'));
      return liveState(db, resource.session.id, 'facilitator');
    },
  }),
  route({
    method: 'POST',
    url: '/dialogue/sessions/:id/comments/:commentId/moderate',
    summary: 'Approve or hide a comment',
    tags,
    action: 'dialogueSession:facilitate',
    params: ZCommentParams,
    body: ZDialogueModerateInput,
    response: ZDialogueComment,
    writes: true,
    load: loadById,
    policyResource: (l) => l.resource,
    handler: async ({ db, deps, actor, params, body, resource, audit, afterCommit }) => {
      const c = await moderateComment(db, actor, resource.session.id, params.commentId, body.status, audit);
      afterCommit(() => busOf(deps).publish(`dialogue:${resource.session.id}`, 'comments'));
      return { id: c.id, itemId: c.itemId, text: c.text, nickname: await nicknameOf(db, c.schoolId, c.participantId), status: body.status, createdAt: c.createdAt };
    },
  }),
  route({
    method: 'GET',
    url: '/dialogue/sessions/:id/qr.svg',
    summary: "The join link's QR code (SVG) of an open live session",
    tags,
    action: 'dialogueSession:facilitate',
    params: ZId,
    response: fileResponse('image/svg+xml'),
    load: loadById,
    policyResource: (l) => l.resource,
    handler: async ({ deps, req, reply, resource: { session } }) => {
      if (session.mode !== 'live' || session.status !== 'open' || !session.code) throw conflict('dialogue_session_not_open');
      const svg = await QRCode.toString(`${ownOrigin(deps.config, req)}/d/${session.code}`, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
      return reply.header('content-type', 'image/svg+xml').header('cache-control', 'no-store').send(svg);
    },
  }),
  route({
    method: 'GET',
    url: '/dialogue/sessions/:id/my-answers',
    summary: "An asynchronous session as a member of its audience answers it: items, own answers, results as the session shows them",
    tags,
    action: 'dialogueSession:answer',
    params: ZId,
    response: ZLiveState,
    load: loadById,
    policyResource: (l) => l.resource,
    handler: async ({ db, actor, resource: { session } }) => {
      const participantId = await findPersonParticipant(db, session.schoolId, session.id, actor.person.id);
      return liveState(db, session.id, 'participant', participantId);
    },
  }),
  route({
    method: 'PUT',
    url: '/dialogue/sessions/:id/my-answers',
    summary: "Save a member's answers to an asynchronous session (all or none)",
    tags,
    action: 'dialogueSession:answer',
    params: ZId,
    body: ZDialogueMyAnswersInput,
    response: ZDialogueMyAnswersSaved,
    writes: true,
    load: loadById,
    policyResource: (l) => l.resource,
    handler: async ({ db, deps, actor, body, resource: { session }, audit, afterCommit }) => {
      if (session.mode !== 'async') throw conflict('dialogue_session_not_open');
      const participantId = await personParticipant(db, session.schoolId, session.id, actor.person.id);
      const results = await saveAnswers(
        db,
        body.answers.map((a) => ({ schoolId: session.schoolId, sessionId: session.id, participantId, ...a })),
      );
      const refused = results.find((r) => !r.ok);
      if (refused && !refused.ok) throw answerRefused(refused.error);
      // By day only: the log must not time one member's answer beside the published copy (docs/ANONYMITY.md).
      await audit({ action: 'dialogue.answered', resourceType: 'dialogue_session', resourceId: session.id, summary: session.title, precision: 'day' });
      afterCommit(() => busOf(deps).publish(`dialogue:${session.id}`, 'answers'));
      return { answers: results.flatMap((r) => (r.ok ? [{ itemId: r.itemId, now: r.now, wanted: r.wanted }] : [])) };
    },
  }),
];
