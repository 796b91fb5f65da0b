import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Config } from '../config';
import type { Executor } from '../db/client';
import { accounts, networkRoles, people, personRoles, schools, sessions } from '../db/schema/index';
import type { NetworkRole, SchoolRole } from '../../shared/roles';
import type { Actor } from './actor';
import { hashSecret, newSecret } from './tokens';

export const SESSION_COOKIE = 'retning_session';
const TOUCH_EVERY_MS = 60_000;

export async function createSession(
  exec: Executor,
  config: Config,
  input: { accountId: string; schoolId: string | null; ip: string; userAgent: string | undefined },
): Promise<{ token: string; csrfToken: string; id: string }> {
  const { token, hash } = newSecret();
  const csrfToken = newSecret().token;
  const [row] = await exec
    .insert(sessions)
    .values({
      tokenHash: hash,
      accountId: input.accountId,
      schoolId: input.schoolId,
      csrfToken,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      expiresAt: new Date(Date.now() + config.sessionAbsoluteMs),
    })
    .returning({ id: sessions.id });
  if (!row) throw new Error('session insert returned nothing');
  return { token, csrfToken, id: row.id };
}

/** The first school in which the account is an active person, by name. */
export async function defaultSchoolFor(exec: Executor, accountId: string): Promise<string | null> {
  const rows = await exec
    .select({ id: schools.id })
    .from(people)
    .innerJoin(schools, eq(schools.id, people.schoolId))
    .where(and(eq(people.accountId, accountId), eq(people.active, true), isNull(schools.archivedAt)))
    .orderBy(schools.name)
    .limit(1);
  return rows[0]?.id ?? null;
}

/**
 * Resolves a session token to an actor. Ended, idle-expired and absolutely expired sessions give
 * null, as does a session whose person was deactivated since sign-in.
 */
export async function resolveSession(exec: Executor, config: Config, token: string): Promise<Actor | null> {
  const now = Date.now();
  const [row] = await exec
    .select({
      id: sessions.id,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      accountId: accounts.id,
      email: accounts.email,
      locale: accounts.locale,
      disabledAt: accounts.disabledAt,
      schoolId: schools.id,
      schoolName: schools.name,
      networkId: schools.networkId,
      personId: people.id,
      personName: people.name,
      departmentId: people.departmentId,
      personActive: people.active,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .leftJoin(schools, eq(schools.id, sessions.schoolId))
    .leftJoin(people, and(eq(people.schoolId, sessions.schoolId), eq(people.accountId, sessions.accountId)))
    .where(and(eq(sessions.tokenHash, hashSecret(token)), isNull(sessions.endedAt), gt(sessions.expiresAt, new Date(now))))
    .limit(1);
  if (!row || row.disabledAt) return null;
  if (now - row.lastSeenAt.getTime() > config.sessionIdleMs) return null;
  const inSchool = row.schoolId !== null && row.personId !== null && row.personActive === true;

  const [roleRows, netRows] = await Promise.all([
    inSchool && row.schoolId && row.personId
      ? exec
          .select({ role: personRoles.role })
          .from(personRoles)
          .where(and(eq(personRoles.schoolId, row.schoolId), eq(personRoles.personId, row.personId)))
      : Promise.resolve([]),
    exec.select({ networkId: networkRoles.networkId, role: networkRoles.role }).from(networkRoles).where(eq(networkRoles.accountId, row.accountId)),
  ]);
  if (!inSchool && netRows.length === 0) return null;

  if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await exec.update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.id, row.id));
  }
  const firstNet = netRows[0];
  return {
    accountId: row.accountId,
    email: row.email,
    locale: row.locale === 'en' ? 'en' : 'da',
    sessionId: row.id,
    csrfToken: row.csrfToken,
    school:
      inSchool && row.schoolId && row.schoolName && row.networkId ? { id: row.schoolId, name: row.schoolName, networkId: row.networkId } : null,
    person: inSchool && row.personId && row.personName ? { id: row.personId, name: row.personName, departmentId: row.departmentId } : null,
    roles: roleRows.map((r) => r.role as SchoolRole),
    network: firstNet
      ? { id: firstNet.networkId, roles: netRows.filter((r) => r.networkId === firstNet.networkId).map((r) => r.role as NetworkRole) }
      : null,
  };
}

export async function endSession(exec: Executor, sessionId: string): Promise<void> {
  await exec.update(sessions).set({ endedAt: sql`now()` }).where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
}

/** Ends every open session of an account (after a password change or deactivation). */
export async function endAccountSessions(exec: Executor, accountId: string, schoolId?: string): Promise<void> {
  const where = [eq(sessions.accountId, accountId), isNull(sessions.endedAt)];
  if (schoolId) where.push(eq(sessions.schoolId, schoolId));
  await exec.update(sessions).set({ endedAt: sql`now()` }).where(and(...where));
}
