import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Config } from '../config';
import type { Executor } from '../db/client';
import { accounts, networkRoles, networks, people, personRoles, schools, sessions } from '../db/schema/index';
import type { NetworkRole, SchoolRole } from '../../shared/roles';
import type { Actor } from './actor';
import { hashSecret, newSecret } from './tokens';
import type { SessionCache } from './session-cache';
import { accountChanged, sessionChanged } from './session-events';

export const SESSION_COOKIE = 'retning_session';
const TOUCH_EVERY_MS = 60_000;

export async function createSession(
  exec: Executor,
  config: Config,
  input: { accountId: string; schoolId: string | null; ip: string; userAgent: string | undefined; providerId?: string },
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
      providerId: input.providerId ?? null,
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

type ResolvedRow = {
  id: string;
  csrf_token: string;
  last_seen_at: string | Date;
  expires_at: string | Date;
  account_id: string;
  email: string;
  locale: string;
  school_id: string | null;
  school_name: string | null;
  network_id: string | null;
  session_network_id: string | null;
  person_id: string | null;
  person_name: string | null;
  department_id: string | null;
  roles: string[] | string | null;
  touched: boolean;
  network_roles: { networkId: string; role: string }[] | string | null;
};

const asJson = <T>(v: T | string | null): T | null => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
const ms = (v: string | Date) => (v instanceof Date ? v.getTime() : new Date(v).getTime());

/**
 * Resolves a session token to an actor in one statement. Ended, idle-expired and absolutely expired
 * sessions give null, as does a session whose person was deactivated, or whose school was archived,
 * and that has no network role.
 * The same statement refreshes `last_seen_at` when it is more than a minute old (and the session
 * not idle-expired), so a lookup is one round trip to the database, never two.
 */
export async function resolveSession(
  exec: Executor,
  config: Config,
  token: string,
  cache?: SessionCache,
): Promise<Actor | null> {
  const now = Date.now();
  const tokenHash = hashSecret(token);
  const cached = cache?.get(tokenHash, now);
  if (cached) return cached;
  const result = await exec.execute(sql`
    with found as (
      select s.id, s.csrf_token, s.last_seen_at, s.expires_at, s.account_id, s.school_id, s.network_id as session_network_id
      from ${sessions} s
      where s.token_hash = ${tokenHash} and s.ended_at is null and s.expires_at > now()
      limit 1
    ), touched as (
      update ${sessions} t set last_seen_at = ${new Date(now)}
      from found f
      where t.id = f.id and f.last_seen_at < ${new Date(now - TOUCH_EVERY_MS)} and f.last_seen_at >= ${new Date(now - config.sessionIdleMs)}
      returning t.id
    )
    select f.id, f.csrf_token, f.last_seen_at, f.expires_at, f.session_network_id, exists (select 1 from touched) as touched,
           a.id as account_id, a.email, a.locale,
           sc.id as school_id, sc.name as school_name, sc.network_id,
           p.id as person_id, p.name as person_name, p.department_id,
           (select coalesce(json_agg(r.role), '[]'::json) from ${personRoles} r
             where r.school_id = p.school_id and r.person_id = p.id) as roles,
           (select coalesce(json_agg(json_build_object('networkId', n.network_id, 'role', n.role) order by nw.name, nw.id), '[]'::json)
             from ${networkRoles} n join ${networks} nw on nw.id = n.network_id where n.account_id = a.id) as network_roles
    from found f
    join ${accounts} a on a.id = f.account_id and a.disabled_at is null
    left join ${schools} sc on sc.id = f.school_id and sc.archived_at is null
    left join ${people} p on p.school_id = f.school_id and p.account_id = f.account_id and p.active`);
  const row = (result as unknown as { rows: ResolvedRow[] }).rows[0];
  if (!row) return null;
  const lastSeenAt = ms(row.last_seen_at);
  if (now - lastSeenAt > config.sessionIdleMs) return null;
  const inSchool = row.school_id !== null && row.person_id !== null;
  const netRows = asJson<{ networkId: string; role: string }[]>(row.network_roles) ?? [];
  if (!inSchool && netRows.length === 0) return null;

  // The network the session switched to (PUT /me/network) while the account still coordinates it; else its first.
  const firstNet = netRows.find((r) => r.networkId === row.session_network_id) ?? netRows[0];
  const actor: Actor = {
    accountId: row.account_id,
    email: row.email,
    locale: row.locale === 'en' ? 'en' : 'da',
    sessionId: row.id,
    csrfToken: row.csrf_token,
    school: inSchool && row.school_id && row.school_name && row.network_id ? { id: row.school_id, name: row.school_name, networkId: row.network_id } : null,
    person: inSchool && row.person_id && row.person_name ? { id: row.person_id, name: row.person_name, departmentId: row.department_id } : null,
    roles: ((asJson<string[]>(row.roles) ?? []) as SchoolRole[]).sort(),
    network: firstNet
      ? { id: firstNet.networkId, roles: netRows.filter((r) => r.networkId === firstNet.networkId).map((r) => r.role as NetworkRole) }
      : null,
  };
  cache?.set(tokenHash, actor, row.touched ? now : lastSeenAt, ms(row.expires_at), now);
  return actor;
}

/** Ends one session; every app instance stops serving it once the caller's transaction commits. */
export async function endSession(exec: Executor, sessionId: string): Promise<void> {
  await sessionChanged(exec, sessionId);
  await exec.update(sessions).set({ endedAt: sql`now()` }).where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
}

/** Ends every open session of an account (after a password change or deactivation). */
export async function endAccountSessions(exec: Executor, accountId: string, schoolId?: string): Promise<void> {
  await accountChanged(exec, accountId);
  const where = [eq(sessions.accountId, accountId), isNull(sessions.endedAt)];
  if (schoolId) where.push(eq(sessions.schoolId, schoolId));
  await exec.update(sessions).set({ endedAt: sql`now()` }).where(and(...where));
}
