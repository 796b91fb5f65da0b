import type { WebSocket } from 'ws';
import type { TDialogueOwnAnswer, TDialogueView, TLiveState } from '../../../shared/api/dialogue';
import type { SchoolActor } from '../../platform/actor';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import type { DialoguePublished } from '../../db/schema/index';
import { dialogueSlider } from '../../platform/anonymity';
import { busOf } from '../../platform/realtime-bus';
import { CLOSE, type AnswerMessage, type CommentMessage, type ControlMessage, type ServerMessage } from './realtime-protocol';
import type { LiveOps, LiveParticipant, SessionRef } from './realtime-ops';

/*
 * One hub per live session with sockets on this instance. It batches the answers of all its sockets
 * into one save every ANSWER_BATCH_MS (acknowledged after the commit), and pushes the state: to the
 * facilitator and the screen at most every STAFF_PUSH_MS, to participants at once after a change of
 * control and, for answers, at most every PARTICIPANT_PUSH_MS while an item's distribution is
 * revealed. A state is computed once per view and push, never per socket; a participant's own
 * answers are kept here and added to the participants' one state as it is sent.
 *
 * Every change reaches the hub as a bus message on `dialogue:<sessionId>` (its own batches, the HTTP
 * routes, other instances): 'answers' for answers, anything else for control and comments.
 */
export const ANSWER_BATCH_MS = 20;
export const STAFF_PUSH_MS = 50;
export const PARTICIPANT_PUSH_MS = 1_000;
export const ANSWERS_MESSAGE = 'answers';
export const topicOf = (sessionId: string) => `dialogue:${sessionId}`;

export type Viewer = {
  socket: WebSocket;
  view: TDialogueView;
  /** The facilitator or screen's actor (control needs it). */
  actor: SchoolActor | null;
  participant: (LiveParticipant & { own: Map<string, TDialogueOwnAnswer> }) | null;
};

type Pending = { viewer: Viewer; msg: AnswerMessage };
type Throttle = { timer: NodeJS.Timeout | null; last: number; cost: number; dirty: boolean; running: boolean };
const throttle = (): Throttle => ({ timer: null, last: 0, cost: 0, dirty: false, running: false });

const send = (socket: WebSocket, msg: ServerMessage | string) => {
  if (socket.readyState === socket.OPEN) socket.send(typeof msg === 'string' ? msg : JSON.stringify(msg));
};
export const sendError = (socket: WebSocket, err: unknown, seq?: number) =>
  send(socket, { type: 'error', code: err instanceof AppError ? err.code : 'internal', ...(seq === undefined ? {} : { seq }) });

/** A live session's state with new values: the sliders as live-queries.ts shapes them (the facilitator sees every one, the others the revealed). */
export function withAnswers(state: TLiveState, view: TDialogueView, values: DialoguePublished, version: number): TLiveState {
  return {
    ...state,
    version,
    items: state.items.map((item) => {
      const shows = view === 'facilitator' || item.revealed;
      const slider = (vals: number[]) => (shows ? dialogueSlider(vals) : { count: vals.length, shown: false });
      const v = values[item.id] ?? { now: [], wanted: [] };
      return { ...item, now: slider(v.now), wanted: slider(v.wanted) };
    }),
  };
}

export class SessionHub {
  readonly viewers = new Set<Viewer>();
  private pending: Pending[] = [];
  private flushTimer: NodeJS.Timeout | null = null;
  private flushing = false;
  private readonly staff = throttle();
  private readonly crowd = throttle();
  private anyRevealed = false;
  private closed = false;
  private readonly unsubscribe: () => void;
  /** Moves with every change other than answers; a kept state of an older generation is read again whole. */
  private generation = 0;
  private readonly last = new Map<TDialogueView, { state: TLiveState; generation: number }>();

  constructor(
    readonly session: SessionRef,
    private readonly deps: AppDeps,
    private readonly ops: LiveOps,
    private readonly onEmpty: () => void,
    private readonly log: (err: unknown) => void,
  ) {
    this.unsubscribe = busOf(deps).subscribe(topicOf(session.id), (m) => this.changed(m === ANSWERS_MESSAGE));
  }

  add(viewer: Viewer, first: TLiveState): void {
    this.viewers.add(viewer);
    if (viewer.view === 'participant') this.anyRevealed = first.items.some((i) => i.revealed);
    send(viewer.socket, { type: 'state', state: first });
    viewer.socket.on('close', () => this.remove(viewer));
  }

  private remove(viewer: Viewer): void {
    this.viewers.delete(viewer);
    if (this.viewers.size > 0 || this.pending.length > 0 || this.flushing) return;
    this.dispose();
  }

  dispose(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    for (const t of [this.staff, this.crowd]) if (t.timer) clearTimeout(t.timer);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.onEmpty();
  }

  /** Queues an answer for the next batch; it is acknowledged once its batch has committed. */
  answer(viewer: Viewer, msg: AnswerMessage): void {
    this.pending.push({ viewer, msg });
    if (!this.flushing) this.flushTimer ??= setTimeout(() => void this.flush(), ANSWER_BATCH_MS);
  }

  /**
   * One batch at a time: answers that arrive while a batch is being saved wait for the next, so a
   * busy database gets fewer, larger transactions instead of a queue of small ones.
   */
  private async flush(): Promise<void> {
    this.flushTimer = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    this.flushing = true;
    try {
      await this.save(batch);
    } finally {
      this.flushing = false;
    }
    if (this.pending.length > 0) this.flushTimer ??= setTimeout(() => void this.flush(), 0);
    else if (this.viewers.size === 0) this.dispose();
  }

  private async save(batch: Pending[]): Promise<void> {
    const answers = batch.map(({ viewer, msg }) => ({
      participantId: viewer.participant?.id ?? '',
      itemId: msg.itemId,
      ...(msg.now === undefined ? {} : { now: msg.now }),
      ...(msg.wanted === undefined ? {} : { wanted: msg.wanted }),
    }));
    let results: (AppError | null)[];
    let version = 0;
    try {
      ({ results, version } = await this.ops.saveAnswers(this.session, answers));
    } catch (err) {
      this.log(err);
      results = batch.map(() => (err instanceof AppError ? err : new AppError(500, 'internal')));
    }
    let saved = 0;
    batch.forEach(({ viewer, msg }, k) => {
      const err = results[k];
      if (err) return sendError(viewer.socket, err, msg.seq);
      saved++;
      const own = viewer.participant?.own;
      const before = own?.get(msg.itemId);
      own?.set(msg.itemId, { itemId: msg.itemId, now: msg.now ?? before?.now ?? null, wanted: msg.wanted ?? before?.wanted ?? null });
      send(viewer.socket, { type: 'ack', seq: msg.seq, version });
    });
    if (saved > 0) busOf(this.deps).publish(topicOf(this.session.id), ANSWERS_MESSAGE);
  }

  async comment(viewer: Viewer, msg: CommentMessage): Promise<void> {
    if (!viewer.participant) throw new AppError(403, 'forbidden');
    await this.ops.addComment(this.session, viewer.participant, { itemId: msg.itemId, text: msg.text });
    send(viewer.socket, { type: 'ack', seq: msg.seq });
    busOf(this.deps).publish(topicOf(this.session.id), 'comment');
  }

  async control(viewer: Viewer, msg: ControlMessage): Promise<void> {
    if (!viewer.actor || viewer.view !== 'facilitator') throw new AppError(403, 'forbidden');
    await this.ops.control(viewer.actor, this.session, { op: msg.op, ...(msg.itemId === undefined ? {} : { itemId: msg.itemId }) });
    send(viewer.socket, { type: 'ack', seq: msg.seq });
    busOf(this.deps).publish(topicOf(this.session.id), 'control');
  }

  /** Something changed: answers reach the staff within STAFF_PUSH_MS and participants only while revealed; anything else everyone at once. */
  private changed(answersOnly: boolean): void {
    if (!answersOnly) this.generation++;
    if (this.closed) return;
    this.schedule(this.staff, answersOnly ? STAFF_PUSH_MS : 0, () => this.pushStaff());
    if (!answersOnly || this.anyRevealed) this.schedule(this.crowd, answersOnly ? PARTICIPANT_PUSH_MS : 0, () => this.pushParticipants());
  }

  /**
   * At most one push per `gap` ms (or per the last push's own duration, when that is longer: a busy
   * database is never kept busier by pushes than by everything else), the first at once; a push
   * that is running is followed by one more when it ends.
   */
  private schedule(t: Throttle, gap: number, push: () => Promise<void>): void {
    t.dirty = true;
    if (t.running || t.timer) return;
    const wait = Math.max(0, t.last + Math.max(gap, t.cost) - Date.now());
    t.timer = setTimeout(() => void this.run(t, gap, push), wait);
  }

  private async run(t: Throttle, gap: number, push: () => Promise<void>): Promise<void> {
    t.timer = null;
    if (this.closed) return;
    t.dirty = false;
    t.running = true;
    t.last = Date.now();
    try {
      await push();
    } catch (err) {
      this.log(err);
    } finally {
      t.running = false;
      t.cost = Date.now() - t.last;
    }
    if (t.dirty) this.schedule(t, gap, push);
  }

  /**
   * The state for a view. When only answers changed since the last full read of a live session,
   * the last state is kept and only the values and the version are read again (what answers
   * change); anything else (control, comments, joins, a resync) reads it whole.
   */
  private async stateOf(view: TDialogueView): Promise<TLiveState> {
    const generation = this.generation;
    const last = this.last.get(view);
    if (this.session.mode === 'live' && last && last.generation === generation) {
      const { values, version } = await this.ops.answers(this.session);
      const state = withAnswers(last.state, view, values, version);
      this.last.set(view, { state, generation });
      return state;
    }
    const state = await this.ops.state(this.session, view, null);
    this.last.set(view, { state, generation });
    return state;
  }

  private async pushStaff(): Promise<void> {
    for (const view of ['facilitator', 'screen'] as const) {
      const sockets = [...this.viewers].filter((v) => v.view === view);
      if (sockets.length === 0) continue;
      const state = await this.stateOf(view);
      const text = JSON.stringify({ type: 'state', state });
      for (const v of sockets) send(v.socket, text);
    }
  }

  private async pushParticipants(): Promise<void> {
    const sockets = [...this.viewers].filter((v) => v.view === 'participant');
    if (sockets.length === 0) return;
    const state = await this.stateOf('participant');
    this.anyRevealed = state.items.some((i) => i.revealed);
    // One serialisation for all; each participant's own answers are spliced in as the last field.
    const head = `{"type":"state","state":${JSON.stringify({ ...state, own: undefined }).slice(0, -1)},"own":`;
    for (const v of sockets) {
      const own = v.participant ? { nickname: v.participant.nickname, answers: [...v.participant.own.values()] } : null;
      send(v.socket, `${head}${JSON.stringify(own)}}}`);
    }
    if (state.status === 'closed') for (const v of sockets) v.socket.close(CLOSE.notFound);
  }
}
