import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { logbookEntries, logbookFiles } from '../../db/schema/index';
import type { Actor } from '../../platform/actor';
import { notFound } from '../../platform/errors';
import { isUuid } from '../../platform/loader';
import { can } from '../../platform/policy';
import { hasRole } from '../../platform/policy-helpers';
import type { InternshipStudentResource } from './policy';
import { loadInternshipStudent } from './students-access';

export type LogbookStudent = InternshipStudentResource & { name: string };
export type EntryRow = typeof logbookEntries.$inferSelect;
export type FileRow = typeof logbookFiles.$inferSelect;

/**
 * The roles that read some students' logbooks. One of them who may not read this student's gets
 * 404, as for a student that does not exist: a student never learns of another, a teacher or a
 * supervisor never of students who are not his. Staff of other roles get the rules' 403.
 */
const FOLLOWER_ROLES = ['student', 'teacher', 'department_head', 'company_supervisor'] as const;

/** The student whose logbook is addressed, as the rules see him; 404 as above. */
export async function loadLogbookStudent(exec: Executor, actor: Actor, studentId: string): Promise<LogbookStudent> {
  const student = await loadInternshipStudent(exec, actor, studentId);
  if (!can(actor, 'logbookStudent:read', student) && hasRole(actor, ...FOLLOWER_ROLES)) throw notFound();
  return student;
}

/** An entry of the actor's school with its student; 404 alike for a missing entry, another school's and one the actor may not know of. */
export async function loadEntry(exec: Executor, actor: Actor, id: string): Promise<{ row: EntryRow; student: LogbookStudent }> {
  if (!actor.school || !isUuid(id)) throw notFound();
  const [row] = await exec
    .select()
    .from(logbookEntries)
    .where(and(eq(logbookEntries.schoolId, actor.school.id), eq(logbookEntries.id, id)));
  if (!row) throw notFound();
  return { row, student: await loadLogbookStudent(exec, actor, row.studentId) };
}

/** A photo or video of an entry, with the entry and its student (as loadEntry). */
export async function loadLogbookFile(exec: Executor, actor: Actor, id: string): Promise<{ file: FileRow; row: EntryRow; student: LogbookStudent }> {
  if (!actor.school || !isUuid(id)) throw notFound();
  const [file] = await exec
    .select()
    .from(logbookFiles)
    .where(and(eq(logbookFiles.schoolId, actor.school.id), eq(logbookFiles.id, id)));
  if (!file) throw notFound();
  return { file, ...(await loadEntry(exec, actor, file.entryId)) };
}
