import { z } from 'zod';
import { ZDialogueControlOp, DIALOGUE_LIMITS } from '../../../shared/api/dialogue';
import type { TLiveState } from '../../../shared/api/dialogue';

/*
 * The dialogue's WebSocket protocol (docs/dialogue.md, "As built: realtime"): JSON text messages.
 *
 * client → server: hello {token?} (a participant's token; the facilitator's socket needs none),
 *   answer {seq, itemId, now?, wanted?}, comment {seq, itemId, text}, control {seq, op, itemId?}
 * server → client: state {state}, ack {seq, version?} (after the commit; an answer's ack carries the
 *   session version its batch made, so every state from that version on holds the answer),
 *   error {code, seq?}
 *
 * A message that is not JSON or not one of these closes that socket with CLOSE.badMessage; a
 * well-formed message with a value out of range is answered with error `validation_failed`.
 */

export const CLOSE = {
  /** Not JSON, an unknown type, or no hello first. */
  badMessage: 4400,
  /** No valid participant token, or not allowed to facilitate this session. */
  unauthorized: 4403,
  /** No open live session with this code, or the session was closed. */
  notFound: 4404,
  /** Kept on flooding after being told. */
  flood: 4429,
} as const;

const seq = z.number().int().min(0).max(2 ** 31);
const id = z.string().max(100);
const slider = z.number().int().min(0).max(100);

/** The envelope: only its type decides whether the message is understood at all. */
export const ZEnvelope = z.looseObject({ type: z.enum(['hello', 'answer', 'comment', 'control']) });

export const ZHello = z.strictObject({ type: z.literal('hello'), token: z.string().max(100).optional() });
export const ZAnswerMessage = z
  .strictObject({ type: z.literal('answer'), seq, itemId: id, now: slider.optional(), wanted: slider.optional() })
  .refine((a) => a.now !== undefined || a.wanted !== undefined, { path: ['now'] });
export const ZCommentMessage = z.strictObject({ type: z.literal('comment'), seq, itemId: id, text: z.string().trim().min(1).max(DIALOGUE_LIMITS.comment) });
export const ZControlMessage = z.strictObject({ type: z.literal('control'), seq, op: ZDialogueControlOp, itemId: id.optional() });

export type AnswerMessage = z.output<typeof ZAnswerMessage>;
export type CommentMessage = z.output<typeof ZCommentMessage>;
export type ControlMessage = z.output<typeof ZControlMessage>;

export type ServerMessage = { type: 'state'; state: TLiveState } | { type: 'ack'; seq: number; version?: number } | { type: 'error'; code: string; seq?: number };

/**
 * Parses a text frame: null when it is not a message at all (close the socket), else the envelope
 * type and the raw object to validate against that type's schema.
 */
export function envelopeOf(data: unknown): { type: z.output<typeof ZEnvelope>['type']; raw: unknown } | null {
  let raw: unknown;
  try {
    raw = JSON.parse(String(data));
  } catch {
    return null;
  }
  const env = ZEnvelope.safeParse(raw);
  return env.success ? { type: env.data.type, raw } : null;
}

/** The seq of a message that failed its schema, when it has a usable one (so the client can match the error). */
export function seqOf(raw: unknown): number | undefined {
  const s = (raw as { seq?: unknown } | null)?.seq;
  return typeof s === 'number' && Number.isInteger(s) ? s : undefined;
}
