import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TDialogueAnswerInput, TDialogueControlOp, TLiveState } from '../../../../shared/api/dialogue';
import { ApiError } from '../../../app/api';
import { type LiveTarget, fetchLiveState, postAnswer, postComment, postControl, socketPath } from '../api/live';
import { wsAddress } from './connection';
import { type Live, useLive } from './useLive';

/** A command the server refused (its error code), or one that got no answer in time. */
export class CommandError extends Error {
  readonly code: string;
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

/** How long a command sent over the WebSocket waits for its acknowledgement before it counts as failed. */
const ACK_TIMEOUT_MS = 8_000;

/** Close codes after which reconnecting cannot help: the participant or the session is gone, or not ours. */
const FINAL_CLOSES = new Set([4401, 4403, 4404]);

type Waiting = { resolve: () => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> };

export type DialogueLive = Live<TLiveState> & {
  /** The socket was refused for good (4401/4403/4404): the page says so instead of waiting. */
  refused: number | null;
  answer: (itemId: string, input: TDialogueAnswerInput) => Promise<void>;
  comment: (itemId: string, text: string) => Promise<void>;
  control: (op: TDialogueControlOp, itemId?: string) => Promise<void>;
};

const errorCode = (e: unknown) => (e instanceof ApiError ? e.problem.code : e instanceof CommandError ? e.code : 'network');

/**
 * The one live hook of the facilitator's view, the big screen and the participant's phone. Commands
 * go over the WebSocket and resolve on the server's acknowledgement (sent after the commit); while
 * the WebSocket is down they go over the HTTP routes instead, so nothing waits for a reconnect.
 */
export function useDialogueLive(target: LiveTarget | null, onRefused?: (code: number) => void): DialogueLive {
  const waiting = useRef(new Map<number, Waiting>());
  const nextSeq = useRef(1);
  const [refused, setRefused] = useState<number | null>(null);
  const onRefusedRef = useRef(onRefused);
  useEffect(() => {
    onRefusedRef.current = onRefused;
  });

  const key = target === null ? null : target.kind === 'staff' ? `s:${target.sessionId}:${target.view}` : `p:${target.code}:${target.token}`;
  const config = useMemo(
    () =>
      target === null || key === null
        ? null
        : {
            key,
            wsUrl: wsAddress(socketPath(target)),
            hello: () => (target.kind === 'participant' ? { type: 'hello', token: target.token } : { type: 'hello' }),
            version: (s: TLiveState) => s.version,
            read: (m: unknown) => (isMessage(m) && m.type === 'state' && typeof m.state === 'object' && m.state !== null ? (m.state as TLiveState) : null),
            onOther: (m: unknown) => {
              if (!isMessage(m) || typeof m.seq !== 'number') return;
              const w = waiting.current.get(m.seq);
              if (!w) return;
              waiting.current.delete(m.seq);
              clearTimeout(w.timer);
              if (m.type === 'ack') w.resolve();
              else w.reject(new CommandError(typeof m.code === 'string' ? m.code : 'unknown'));
            },
            onClose: (code: number) => {
              if (!FINAL_CLOSES.has(code)) return false;
              setRefused(code);
              onRefusedRef.current?.(code);
              return true;
            },
            poll: () => fetchLiveState(target),
          },
    // the target is described completely by its key
    [key],
  );
  const live = useLive<TLiveState>(config);
  const { send, refresh } = live;

  useEffect(
    () => () => {
      for (const w of waiting.current.values()) clearTimeout(w.timer);
      waiting.current.clear();
    },
    [key],
  );

  /** Over the socket with a seq, resolved by its ack; false when the socket is not open. */
  const overSocket = useCallback(
    (message: Record<string, unknown>): Promise<void> | null => {
      const seq = nextSeq.current++;
      const p = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.current.delete(seq);
          reject(new CommandError('timeout'));
        }, ACK_TIMEOUT_MS);
        waiting.current.set(seq, { resolve, reject, timer });
      });
      if (send({ ...message, seq })) return p;
      const w = waiting.current.get(seq);
      if (w) clearTimeout(w.timer);
      waiting.current.delete(seq);
      // the promise made above is dropped unobserved
      p.catch(() => undefined);
      return null;
    },
    [send],
  );

  const answer = useCallback(
    async (itemId: string, input: TDialogueAnswerInput) => {
      const sent = overSocket({ type: 'answer', itemId, ...input });
      if (sent) return sent;
      if (target?.kind !== 'participant') throw new CommandError('not_participant');
      await postAnswer(target, itemId, input);
      refresh();
    },
    [overSocket, refresh, key],
  );
  const comment = useCallback(
    async (itemId: string, text: string) => {
      const sent = overSocket({ type: 'comment', itemId, text });
      if (sent) return sent;
      if (target?.kind !== 'participant') throw new CommandError('not_participant');
      await postComment(target, { itemId, text });
      refresh();
    },
    [overSocket, refresh, key],
  );
  const { offer } = live;
  const control = useCallback(
    async (op: TDialogueControlOp, itemId?: string) => {
      const sent = overSocket({ type: 'control', op, ...(itemId ? { itemId } : {}) });
      if (sent) return sent;
      if (target?.kind !== 'staff') throw new CommandError('not_staff');
      offer(await postControl(target.sessionId, { op, ...(itemId ? { itemId } : {}) }));
      refresh();
    },
    [overSocket, refresh, offer, key],
  );

  return { ...live, refused, answer, comment, control };
}

const isMessage = (m: unknown): m is { type: string; state?: unknown; seq?: unknown; code?: unknown } =>
  typeof m === 'object' && m !== null && 'type' in m && typeof m.type === 'string';

export { errorCode };
