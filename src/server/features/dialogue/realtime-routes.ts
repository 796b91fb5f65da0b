import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { ZDialogueCode } from '../../../shared/api/dialogue';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { closeSocket, socketRoute } from '../../platform/realtime';
import { sendError, SessionHub, type Viewer } from './realtime-hub';
import { liveOps, type LiveOps, type SessionRef } from './realtime-ops';
import { CLOSE, envelopeOf, seqOf, ZAnswerMessage, ZCommentMessage, ZControlMessage, ZHello } from './realtime-protocol';
import { loadSession } from './sessions-queries';
import { allowComment, allowVote } from './live-limits';

/*
 * The dialogue's two WebSocket routes (docs/dialogue.md, "As built: realtime"): participants by the
 * session's code and their token (sent in `hello`), the facilitator and the big screen by the session
 * cookie (`dialogueSession:facilitate`). Both meet in the session's hub on this instance.
 */

/** A socket that is refused this many more messages after being told it floods is closed. */
export const FLOOD_CLOSE_AFTER = 50;

type Hubs = { ops: LiveOps; hubs: Map<string, SessionHub> };
const registries = new WeakMap<AppDeps, Hubs>();

function registryOf(deps: AppDeps): Hubs {
  let r = registries.get(deps);
  if (!r) registries.set(deps, (r = { ops: liveOps(deps), hubs: new Map() }));
  return r;
}

function hubFor(deps: AppDeps, req: FastifyRequest, session: SessionRef): SessionHub {
  const r = registryOf(deps);
  let hub = r.hubs.get(session.id);
  if (!hub) {
    const made = new SessionHub(
      session,
      deps,
      r.ops,
      () => {
        if (r.hubs.get(session.id) === made) r.hubs.delete(session.id);
      },
      (err) => req.log.error({ err }, 'dialogue live state failed'),
    );
    r.hubs.set(session.id, (hub = made));
  }
  return hub;
}

/** Reads the socket's messages once its viewer is known; `hello` first for participants. */
function serve(socket: WebSocket, deps: AppDeps, hub: SessionHub, viewer: Viewer): void {
  let refused = 0;
  const flood = (seq: number) => {
    sendError(socket, new AppError(429, 'dialogue_rate_limited'), seq);
    if (++refused > FLOOD_CLOSE_AFTER) socket.close(CLOSE.flood);
  };
  socket.on('message', (data, isBinary) => {
    const env = isBinary ? null : envelopeOf(data);
    if (!env) return void socket.close(CLOSE.badMessage);
    // Already known: a repeated hello changes nothing.
    if (env.type === 'hello') return;
    const seq = seqOf(env.raw);
    const fail = (err: unknown) => sendError(socket, err, seq);
    if (env.type === 'answer') {
      const msg = ZAnswerMessage.safeParse(env.raw);
      if (!msg.success) return fail(new AppError(422, 'validation_failed'));
      if (!viewer.participant) return fail(new AppError(403, 'forbidden'));
      if (!allowVote(deps, viewer.participant.id)) return flood(msg.data.seq);
      return hub.answer(viewer, msg.data);
    }
    if (env.type === 'comment') {
      const msg = ZCommentMessage.safeParse(env.raw);
      if (!msg.success) return fail(new AppError(422, 'validation_failed'));
      if (viewer.participant && !allowComment(deps, viewer.participant.id)) return flood(msg.data.seq);
      return void hub.comment(viewer, msg.data).catch(fail);
    }
    const msg = ZControlMessage.safeParse(env.raw);
    if (!msg.success) return fail(new AppError(422, 'validation_failed'));
    void hub.control(viewer, msg.data).catch(fail);
  });
}

/** Participants: the code in the path; the token arrives in the first message. */
export const participantSocket = socketRoute({
  url: '/dialogue/live/:code/socket',
  summary: 'A participant’s live connection to a session (WebSocket)',
  access: 'public',
  action: null,
  params: z.strictObject({ code: ZDialogueCode }),
  // A closed session's code (410 over HTTP) closes the socket as an unknown one: there is nothing more to take part in.
  load: ({ deps, params }) =>
    registryOf(deps)
      .ops.sessionByCode(params.code)
      .catch((err: unknown) => {
        throw err instanceof AppError && err.status === 410 ? new AppError(404, err.code) : err;
      }),
  connect: ({ socket, deps, resource: session, req }) => {
    socket.once('message', (data, isBinary) => {
      const env = isBinary ? null : envelopeOf(data);
      const hello = env?.type === 'hello' ? ZHello.safeParse(env.raw) : null;
      if (!hello?.success) return void socket.close(CLOSE.badMessage);
      const token = hello.data.token;
      if (!token) return void socket.close(CLOSE.unauthorized);
      socket.pause();
      const ops = registryOf(deps).ops;
      void (async () => {
        const participant = await ops.participantFor(session, token);
        if (!participant) return closeSocket(socket, CLOSE.unauthorized);
        const state = await ops.state(session, 'participant', participant);
        if (socket.readyState !== socket.OPEN) return;
        const own = new Map((state.own?.answers ?? []).map((a) => [a.itemId, a]));
        const viewer: Viewer = { socket, view: 'participant', actor: null, participant: { ...participant, own } };
        const hub = hubFor(deps, req, session);
        hub.add(viewer, state);
        serve(socket, deps, hub, viewer);
        socket.resume();
      })().catch((err: unknown) => {
        req.log.error({ err }, 'dialogue participant socket failed');
        closeSocket(socket, 1011);
      });
    });
  },
});

/** The facilitator (`?view=facilitator`, the default) and the big screen (`?view=screen`). */
export const facilitatorSocket = socketRoute({
  url: '/dialogue/sessions/:id/socket',
  summary: 'The facilitator’s or the big screen’s live connection to a session (WebSocket)',
  action: 'dialogueSession:facilitate',
  params: z.strictObject({ id: z.uuid() }),
  load: ({ db, actor, params }) => loadSession(db, actor, params.id),
  policyResource: (loaded) => loaded.resource,
  connect: async ({ socket, deps, actor, resource: loaded, req }) => {
    const view = (req.query as { view?: unknown }).view === 'screen' ? 'screen' : 'facilitator';
    const session: SessionRef = { id: loaded.session.id, schoolId: loaded.session.schoolId, mode: loaded.session.mode === 'async' ? 'async' : 'live' };
    const state = await registryOf(deps).ops.state(session, view, null);
    if (socket.readyState !== socket.OPEN) return;
    const viewer: Viewer = { socket, view, actor, participant: null };
    const hub = hubFor(deps, req, session);
    hub.add(viewer, state);
    serve(socket, deps, hub, viewer);
  },
});

export const dialogueSockets = [participantSocket, facilitatorSocket];
