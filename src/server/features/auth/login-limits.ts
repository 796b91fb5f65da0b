import { and, eq, lt, sql } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import { loginAttempts } from '../../db/schema/index';
import { AppError } from '../../platform/errors';

/** The first wait after `failuresBeforeWait` failures from one address for one account; each further failure doubles it. */
export const FIRST_WAIT_MS = 60_000;
/** The longest wait an address can be given for one account. */
export const LONGEST_WAIT_MS = 60 * 60_000;
/** How long failures from an address for an account are remembered; a success from that address forgets them at once. */
export const FAILURE_MEMORY_MS = 24 * 60 * 60_000;
/** While an account is over its own limit, addresses that have not been failing for it share one password check per this interval. */
export const ACCOUNT_SLOW_STEP_MS = 10_000;

// Namespaces for pg_advisory_xact_lock(int, int): one lock per account, one per address.
const ACCOUNT_LOCK = 7301;
const ADDRESS_LOCK = 7302;

export type LoginLimits = Config['login'];

/** What the database knows about recent failures that concern one sign-in attempt. */
export type FailureCounts = {
  /** Failures from this address for this account, remembered for FAILURE_MEMORY_MS. */
  pairFailures: number;
  /** Milliseconds since the latest of those (0 when there is none). */
  pairSinceMs: number;
  /** Failures for this account from any address within the window. */
  accountFailures: number;
  /** Milliseconds since the account's latest failure from any address (0 when there is none). */
  accountSinceMs: number;
  /** Failures from this address for any account within the window. */
  addressFailures: number;
};

export type Refusal = { waitMs: number } | { waitFor: 'account' | 'address' };

/** The growing wait for an address that keeps failing for one account: 1, 2, 4 … minutes, at most an hour. */
export function pairWaitMs(failures: number, limits: LoginLimits): number {
  if (failures < limits.failuresBeforeWait) return 0;
  const doublings = Math.min(failures - limits.failuresBeforeWait, 30);
  return Math.min(FIRST_WAIT_MS * 2 ** doublings, LONGEST_WAIT_MS);
}

/**
 * The rules, as one pure decision: every reason to refuse this attempt now. Successes never count;
 * an address that has not been failing for an account is never locked out of it, only slowed.
 */
export function refusals(c: FailureCounts, limits: LoginLimits): Refusal[] {
  const out: Refusal[] = [];
  const pairWait = pairWaitMs(c.pairFailures, limits);
  if (c.pairSinceMs < pairWait) out.push({ waitMs: pairWait - c.pairSinceMs });
  if (c.accountFailures >= limits.maxFailuresPerAccount) {
    if (c.pairFailures > 0) out.push({ waitFor: 'account' });
    else if (c.accountSinceMs < ACCOUNT_SLOW_STEP_MS) out.push({ waitMs: ACCOUNT_SLOW_STEP_MS - c.accountSinceMs });
  }
  if (c.addressFailures >= limits.maxFailuresPerAddress) out.push({ waitFor: 'address' });
  return out;
}

const interval = (ms: number) => sql`(${ms}::float8 * interval '1 millisecond')`;

async function countFailures(tx: Executor, limits: LoginLimits, email: string, ip: string): Promise<FailureCounts> {
  const horizon = Math.max(FAILURE_MEMORY_MS, limits.windowMs);
  const pair = sql`email = ${email} and ip = ${ip} and at > now() - ${interval(FAILURE_MEMORY_MS)}`;
  const sinceMs = (filter: ReturnType<typeof sql>) => sql`coalesce(extract(epoch from now() - max(at) filter (where ${filter})) * 1000, 0)::float8`;
  const [row] = await rawQuery<FailureCounts>(
    tx,
    sql`select
          count(*) filter (where ${pair})::int as "pairFailures",
          ${sinceMs(pair)} as "pairSinceMs",
          count(*) filter (where email = ${email} and at > now() - ${interval(limits.windowMs)})::int as "accountFailures",
          ${sinceMs(sql`email = ${email}`)} as "accountSinceMs",
          count(*) filter (where ip = ${ip} and at > now() - ${interval(limits.windowMs)})::int as "addressFailures"
        from ${loginAttempts}
        where (email = ${email} or ip = ${ip}) and at > now() - ${interval(horizon)}`,
  );
  return row ?? { pairFailures: 0, pairSinceMs: 0, accountFailures: 0, accountSinceMs: 0, addressFailures: 0 };
}

/** Milliseconds until the account's (or address's) failures within the window drop below its limit. */
async function untilUnderLimit(tx: Executor, limits: LoginLimits, by: 'account' | 'address', email: string, ip: string): Promise<number> {
  const limit = by === 'account' ? limits.maxFailuresPerAccount : limits.maxFailuresPerAddress;
  const match = by === 'account' ? sql`email = ${email}` : sql`ip = ${ip}`;
  const [row] = await rawQuery<{ ms: number }>(
    tx,
    sql`select (extract(epoch from at + ${interval(limits.windowMs)} - now()) * 1000)::float8 as ms
        from ${loginAttempts}
        where ${match} and at > now() - ${interval(limits.windowMs)}
        order by at desc offset ${limit - 1} limit 1`,
  );
  return Math.max(row?.ms ?? 0, 1000);
}

function rateLimited(waitMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new AppError(429, 'login_rate_limited', { vars: { minutes: Math.ceil(seconds / 60) }, headers: { 'retry-after': String(seconds) } });
}

/**
 * Decides whether this attempt may have its password checked and, if so, records it as a failure
 * before the check, all under the account's and the address's advisory locks. Concurrent attempts
 * (on any app instance) therefore see each other, and no more than the limit reach the password
 * check. The caller forgets the recorded failure when the password turns out right. A refused
 * attempt is not recorded: pressing the button during a wait does not lengthen it, and refused
 * requests cannot push a shared school address towards its ceiling.
 */
export async function reserveAttempt(db: Executor, limits: LoginLimits, email: string, ip: string): Promise<void> {
  await db.transaction(async (tx) => {
    // Always the account first, then the address, so that two attempts never wait for each other in a circle.
    await tx.execute(sql`select pg_advisory_xact_lock(${ACCOUNT_LOCK}::int, hashtext(${email}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(${ADDRESS_LOCK}::int, hashtext(${ip}))`);
    const found = refusals(await countFailures(tx, limits, email, ip), limits);
    if (found.length > 0) {
      let waitMs = 0;
      for (const r of found) waitMs = Math.max(waitMs, 'waitMs' in r ? r.waitMs : await untilUnderLimit(tx, limits, r.waitFor, email, ip));
      throw rateLimited(waitMs);
    }
    await tx.insert(loginAttempts).values({ email, ip });
  });
}

/** A right password from an address forgets that address's failures for the account (the attempt just recorded included). */
export async function forgetFailures(db: Executor, email: string, ip: string): Promise<void> {
  await db.delete(loginAttempts).where(and(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip)));
}

/** Drops failures that no rule looks at any more. */
export async function forgetOldFailures(db: Executor, limits: LoginLimits, now: Date): Promise<{ forgotten: number }> {
  const before = new Date(now.getTime() - Math.max(FAILURE_MEMORY_MS, limits.windowMs));
  const gone = await db.delete(loginAttempts).where(lt(loginAttempts.at, before)).returning({ id: loginAttempts.id });
  return { forgotten: gone.length };
}
