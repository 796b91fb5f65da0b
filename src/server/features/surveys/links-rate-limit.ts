import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';

/**
 * The public answer links' limit per client address: a token bucket in memory, per app (one per
 * process; several instances each keep their own, which only makes the limit looser by their
 * number). Answering needs a request per saved page; a class answering from one school address
 * together stays well under it, a script hammering a link does not. The map is bounded: past
 * MAX_ADDRESSES the address seen least recently is forgotten (Map keeps insertion order and an
 * address is re-inserted on each request), which at worst gives that address a full bucket again.
 * Sign-in failures are counted in the database instead (features/auth), because they must hold
 * across instances; for answer links a forgotten count costs nothing that matters.
 */
export const LINK_BURST = 120;
export const LINK_REFILL_PER_SECOND = 2;
export const MAX_ADDRESSES = 10_000;

type Bucket = { tokens: number; at: number };
const buckets = new WeakMap<AppDeps, Map<string, Bucket>>();

/** Takes one request from the address's bucket, or refuses with 429 and Retry-After. */
export function takeLinkRequest(deps: AppDeps, address: string, now = Date.now()): void {
  let map = buckets.get(deps);
  if (!map) buckets.set(deps, (map = new Map()));
  const b = map.get(address) ?? { tokens: LINK_BURST, at: now };
  map.delete(address);
  b.tokens = Math.min(LINK_BURST, b.tokens + ((now - b.at) / 1000) * LINK_REFILL_PER_SECOND);
  b.at = now;
  if (b.tokens < 1) {
    map.set(address, b);
    throw new AppError(429, 'survey_rate_limited', { headers: { 'retry-after': String(Math.ceil((1 - b.tokens) / LINK_REFILL_PER_SECOND)) } });
  }
  b.tokens -= 1;
  map.set(address, b);
  if (map.size > MAX_ADDRESSES) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
}
