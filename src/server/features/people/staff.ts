import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { STAFF_ROLES } from '../../../shared/roles';
import type { Executor } from '../../db/client';
import { people, personRoles } from '../../db/schema/index';
import { invalid, type FieldError } from '../../platform/errors';

/**
 * Staff of the school, as a person record: someone holding a staff role (STAFF_ROLES, the same
 * list `isStaff` decides an actor by). Students and company supervisors are not staff; nor is a
 * person who holds no role yet, who could not open what he would be made responsible for.
 */
export const isStaffPerson: SQL<boolean> = sql<boolean>`exists (select 1 from ${personRoles} where ${personRoles.schoolId} = ${people.schoolId} and ${personRoles.personId} = ${people.id} and ${inArray(personRoles.role, [...STAFF_ROLES])})`;

/** The ids among `ids` that are staff of the school. */
export async function staffAmong(exec: Executor, schoolId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await exec
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.schoolId, schoolId), inArray(people.id, [...ids]), isStaffPerson));
  return new Set(rows.map((r) => r.id));
}

/**
 * Refuses people where staff is required (an owner, a collaborator, an ambassador, a contract's
 * employee, a co-author): 422 naming each field, `ownerId` for one, `collaboratorIds.2` in a list.
 * Callers check first that the ids are the school's people at all (their own "unknown" message).
 */
export async function assertStaff(exec: Executor, schoolId: string, ids: readonly string[], field: string, list = false) {
  const staff = await staffAmong(exec, schoolId, ids);
  const errors: FieldError[] = [];
  ids.forEach((id, i) => {
    if (!staff.has(id)) errors.push({ field: list ? `${field}.${i}` : field, key: 'validation.not_staff' });
  });
  if (errors.length) throw invalid(errors);
}
