import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';

/**
 * The limits of live participation (docs/dialogue.md, "Participants and answers"), in one place.
 *
 * Joins per session are counted in the database (participants created in the last minute), so the
 * limit holds across instances; it is set above the largest plausible room (a whole school's staff
 * joining in the same minute) and stops only a script filling a session with participants.
 * Answers and comments per participant are token buckets in memory, one map per app like the
 * survey links' (features/surveys/links-rate-limit.ts): several instances each keep their own,
 * which only loosens the limit by their number. The maps are bounded: past MAX_PARTICIPANTS the
 * participant seen least recently is forgotten, which at worst gives it a full bucket again.
 */
export const JOIN_FLOOD_LIMIT = 1_200;
export const JOIN_FLOOD_WINDOW_SECONDS = 60;
/** Answers per second per participant, with a burst of VOTE_BURST (a slider dragged and let go several times). */
export const VOTE_RATE = 5;
export const VOTE_BURST = 10;
/** At most one comment per participant in this many seconds. */
export const COMMENT_INTERVAL_SECONDS = 10;
export const MAX_PARTICIPANTS = 50_000;
/**
 * Joins with a code that names no session, per client address: only misses count (a whole school
 * joining from one address never meets it), so guessing codes stops after a burst of
 * JOIN_MISS_BURST and then goes on at JOIN_MISS_PER_SECOND.
 */
export const JOIN_MISS_BURST = 30;
export const JOIN_MISS_PER_SECOND = 0.5;

type Bucket = { tokens: number; at: number };
type Buckets = { votes: Map<string, Bucket>; comments: Map<string, Bucket>; misses: Map<string, Bucket> };
const perApp = new WeakMap<AppDeps, Buckets>();

function take(map: Map<string, Bucket>, key: string, burst: number, perSecond: number, now: number): boolean {
  const b = map.get(key) ?? { tokens: burst, at: now };
  map.delete(key);
  b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond);
  b.at = now;
  const ok = b.tokens >= 1;
  if (ok) b.tokens -= 1;
  map.set(key, b);
  if (map.size > MAX_PARTICIPANTS) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
  return ok;
}

function bucketsOf(deps: AppDeps): Buckets {
  let b = perApp.get(deps);
  if (!b) perApp.set(deps, (b = { votes: new Map(), comments: new Map(), misses: new Map() }));
  return b;
}

/** Takes one answer from the participant's bucket; false when the participant answers faster than VOTE_RATE. */
export const allowVote = (deps: AppDeps, participantId: string, now = Date.now()) => take(bucketsOf(deps).votes, participantId, VOTE_BURST, VOTE_RATE, now);

/** Takes the participant's comment; false within COMMENT_INTERVAL_SECONDS of the last one. */
export const allowComment = (deps: AppDeps, participantId: string, now = Date.now()) =>
  take(bucketsOf(deps).comments, participantId, 1, 1 / COMMENT_INTERVAL_SECONDS, now);

/** Refuses a join from an address that has used up its misses (429); a miss is taken by `recordJoinMiss`. */
export function checkJoinMisses(deps: AppDeps, address: string, now = Date.now()): void {
  const b = bucketsOf(deps).misses.get(address);
  if (!b) return;
  const tokens = Math.min(JOIN_MISS_BURST, b.tokens + ((now - b.at) / 1000) * JOIN_MISS_PER_SECOND);
  if (tokens < 1) throw rateLimited('dialogue_rate_limited', (1 - tokens) / JOIN_MISS_PER_SECOND);
}

/** Counts a join with an unknown code against the address. */
export const recordJoinMiss = (deps: AppDeps, address: string, now = Date.now()) => {
  take(bucketsOf(deps).misses, address, JOIN_MISS_BURST, JOIN_MISS_PER_SECOND, now);
};

/** The HTTP refusal of a flood: 429 with Retry-After. */
export const rateLimited = (code: 'dialogue_rate_limited' | 'dialogue_join_flood', retryAfterSeconds: number) =>
  new AppError(429, code, { headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) } });
