import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { accounts, departments, people, personRoles, personTeams, teams } from '../../db/schema/index';
import type { TPersonInput, TPersonPatch } from '../../../shared/schemas';
import type { SchoolRole } from '../../../shared/roles';
import type { SchoolActor } from '../../platform/actor';
import type { AuditEntry } from '../../platform/audit';
import { AppError, conflict, invalid } from '../../platform/errors';
import { endAccountSessions } from '../../platform/sessions';
import { accountChanged } from '../../platform/session-events';
import { accountReachesBeyond, ensureAccount, issueToken, type TokenKind } from '../auth/api';

export type PersonRow = typeof people.$inferSelect;

/** What every people command takes: the route's transaction, the actor and the route's audit writer (a route hands its context over as is). */
export type Writer = { db: Executor; actor: SchoolActor; audit: (entry: AuditEntry) => Promise<void> };

async function assertDepartment(exec: Executor, schoolId: string, departmentId: string | null | undefined) {
  if (!departmentId) return;
  const [d] = await exec
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.schoolId, schoolId), eq(departments.id, departmentId)));
  if (!d) throw invalid([{ field: 'departmentId', key: 'validation.unknown_department' }]);
}

const emailTaken = () => conflict('email_taken', [{ field: 'email', key: 'errors.email_taken' }]);

export async function createPerson({ db: exec, actor, audit }: Writer, input: TPersonInput): Promise<PersonRow> {
  await assertDepartment(exec, actor.school.id, input.departmentId);
  try {
    const [row] = await exec
      .insert(people)
      .values({
        schoolId: actor.school.id,
        name: input.name,
        email: input.email,
        jobTitle: input.jobTitle ?? null,
        departmentId: input.departmentId ?? null,
        employmentStart: input.employmentStart ?? null,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await audit({ action: 'person.created', resourceType: 'person', resourceId: row.id, summary: row.name, changes: { ...input } });
    return row;
  } catch (e) {
    if (isUniqueViolation(e)) throw emailTaken();
    throw e;
  }
}

export async function updatePerson({ db: exec, actor, audit }: Writer, before: PersonRow, patch: TPersonPatch): Promise<PersonRow> {
  if (patch.active === false && before.id === actor.person.id) throw invalid([{ field: 'active', key: 'validation.cannot_deactivate_self' }]);
  await assertDepartment(exec, actor.school.id, patch.departmentId);
  const changes: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (v !== undefined && v !== before[k as keyof PersonRow]) changes[k] = v;
  }
  try {
    const [row] = await exec
      .update(people)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(and(eq(people.schoolId, actor.school.id), eq(people.id, before.id)))
      .returning();
    if (!row) throw new Error('update returned nothing');
    // The sign-in address follows the person's e-mail, unless the account is also used by another
    // school or the network: this school's administrator must not change someone else's login.
    // An address that already signs in to another account is left to that account.
    if (changes.email !== undefined && row.accountId && !(await accountReachesBeyond(exec, row.accountId, actor.school.id))) {
      const [other] = await exec
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(sql`lower(${accounts.email}) = ${row.email.toLowerCase()}`, ne(accounts.id, row.accountId)))
        .limit(1);
      if (!other) await exec.update(accounts).set({ email: row.email }).where(eq(accounts.id, row.accountId));
    }
    if (row.accountId) await accountChanged(exec, row.accountId);
    if (patch.active === false && before.active && row.accountId) await endAccountSessions(exec, row.accountId, actor.school.id);
    const action = patch.active === false && before.active ? 'person.deactivated' : patch.active === true && !before.active ? 'person.reactivated' : 'person.updated';
    await audit({ action, resourceType: 'person', resourceId: row.id, summary: row.name, changes });
    return row;
  } catch (e) {
    if (isUniqueViolation(e)) throw emailTaken();
    throw e;
  }
}

export async function setRoles({ db: exec, actor, audit }: Writer, person: PersonRow, roles: SchoolRole[]): Promise<SchoolRole[]> {
  const wanted = [...new Set(roles)].sort();
  if (person.id === actor.person.id && actor.roles.includes('school_admin') && !wanted.includes('school_admin')) {
    throw invalid([{ field: 'roles', key: 'validation.cannot_remove_own_admin' }]);
  }
  const current = (
    await exec
      .select({ role: personRoles.role })
      .from(personRoles)
      .where(and(eq(personRoles.schoolId, actor.school.id), eq(personRoles.personId, person.id)))
  ).map((r) => r.role);
  const added = wanted.filter((r) => !current.includes(r));
  const removed = current.filter((r) => !wanted.includes(r as SchoolRole));
  // A save that changes nothing is recorded too (with nothing added or removed): every writing route leaves an audit event.
  await audit({ action: 'person.roles_changed', resourceType: 'person', resourceId: person.id, summary: person.name, changes: { added, removed } });
  if (!added.length && !removed.length) return wanted;
  await exec.delete(personRoles).where(and(eq(personRoles.schoolId, actor.school.id), eq(personRoles.personId, person.id)));
  if (wanted.length) await exec.insert(personRoles).values(wanted.map((role) => ({ schoolId: actor.school.id, personId: person.id, role })));
  if (person.accountId) await accountChanged(exec, person.accountId);
  return wanted;
}

/** Sets the teams a person belongs to (teams of the same school that are not archived). */
export async function setTeams({ db: exec, actor, audit }: Writer, person: PersonRow, teamIds: string[]): Promise<void> {
  const wanted = [...new Set(teamIds)];
  if (wanted.length) {
    const found = await exec
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.schoolId, actor.school.id), inArray(teams.id, wanted), isNull(teams.archivedAt)));
    if (found.length !== wanted.length) throw invalid([{ field: 'teamIds', key: 'validation.unknown_team' }]);
  }
  const current = (
    await exec
      .select({ teamId: personTeams.teamId })
      .from(personTeams)
      .where(and(eq(personTeams.schoolId, actor.school.id), eq(personTeams.personId, person.id)))
  ).map((r) => r.teamId);
  const added = wanted.filter((t) => !current.includes(t));
  const removed = current.filter((t) => !wanted.includes(t));
  await audit({ action: 'person.teams_changed', resourceType: 'person', resourceId: person.id, summary: person.name, changes: { added, removed } });
  if (!added.length && !removed.length) return;
  await exec.delete(personTeams).where(and(eq(personTeams.schoolId, actor.school.id), eq(personTeams.personId, person.id)));
  if (wanted.length) await exec.insert(personTeams).values(wanted.map((teamId) => ({ schoolId: actor.school.id, personId: person.id, teamId })));
}

/**
 * Issues an invitation or reset link for a person, creating their sign-in account if they have
 * none. Returns the link; the route delivers it after the commit.
 */
export async function issuePersonLink({ db: exec, actor, audit }: Writer, person: PersonRow, kind: TokenKind, canEmail: boolean): Promise<string> {
  const accountId = person.accountId ?? (await ensureAccount(exec, person.email, actor.locale));
  // A copyable link to an account that also signs in elsewhere would let this school's admin take it over.
  if (!canEmail && (await accountReachesBeyond(exec, accountId, actor.school.id))) throw new AppError(409, 'account_shared');
  if (!person.accountId) {
    await exec.update(people).set({ accountId }).where(and(eq(people.schoolId, actor.school.id), eq(people.id, person.id)));
  }
  const token = await issueToken(exec, { kind, accountId, schoolId: actor.school.id, createdBy: actor.accountId });
  await audit({
    action: kind === 'invite' ? 'person.invited' : 'person.reset_link_created',
    resourceType: 'person',
    resourceId: person.id,
    summary: person.name,
  });
  return token;
}
