import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { departments, people } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import type { AuditEntry } from '../../platform/audit';
import { invalid, type FieldError } from '../../platform/errors';
import { assertStaff } from '../people/api';

/**
 * What every strategy command takes: the route's transaction, the actor and the route's audit
 * writer (the kernel requires the audit event to go through it). A route hands its context over as is.
 */
export type Writer = { db: Executor; actor: SchoolActor; audit: (entry: AuditEntry) => Promise<void> };

export const fail = (field: string, key: string, vars?: Record<string, string | number>) => invalid([{ field, key, ...(vars ? { vars } : {}) }]);

/** Refuses a department that is not the school's own, naming the field. */
export async function assertDepartment(exec: Executor, schoolId: string, id: string | null | undefined, field = 'departmentId') {
  if (!id) return;
  const rows = await exec
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.schoolId, schoolId), eq(departments.id, id)))
    .limit(1);
  if (!rows.length) throw fail(field, 'validation.unknown_department');
}

/**
 * Refuses people who are not the school's own, then anyone who is not staff (students and company
 * supervisors own and work on nothing of the school's strategy), naming each field (`ownerId` or `collaboratorIds.2`).
 */
export async function assertPeople(exec: Executor, schoolId: string, ids: string[], field: string) {
  if (!ids.length) return;
  const rows = await exec
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.schoolId, schoolId), inArray(people.id, ids)));
  const found = new Set(rows.map((r) => r.id));
  const list = ids.length !== 1 || field.endsWith('s');
  const errors: FieldError[] = [];
  ids.forEach((id, i) => {
    if (!found.has(id)) errors.push({ field: list ? `${field}.${i}` : field, key: 'strategy.validation.unknown_person' });
  });
  if (errors.length) throw invalid(errors);
  await assertStaff(exec, schoolId, ids, field, list);
}
