import { and, Column, eq, getTableName, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { SUPERVISOR_WINDOW_DAYS } from '../../../shared/api/internship';
import type { Executor } from '../../db/client';
import { people } from '../../db/schema/index';
import type { Actor, SchoolActor } from '../../platform/actor';
import { notFound } from '../../platform/errors';
import { isUuid } from '../../platform/loader';
import { todayInCopenhagen } from '../../platform/time';
import { isStaff } from '../../platform/policy-helpers';
import { seesStudent, studentScope, type InternshipStudentResource } from './policy';

/**
 * Who sees which student, in SQL: the loader behind `InternshipStudentResource` and the list
 * scope's filter. Supervisors are found through the company of a practice period (any supervisor
 * tied to that company), so a new supervisor of the company sees its students at once and an old
 * one loses them when unbound; the window is computed from today, so no job takes access away.
 */

/** Whether `today` lies in a practice period or the SUPERVISOR_WINDOW_DAYS after its end (day 30 included, day 31 not). */
export const inSupervisorWindow = (startsOn: string, endsOn: string, today: string): boolean => {
  const last = new Date(`${endsOn}T00:00:00Z`);
  last.setUTCDate(last.getUTCDate() + SUPERVISOR_WINDOW_DAYS);
  return startsOn <= today && today <= last.toISOString().slice(0, 10);
};

/**
 * A column named with its table: inside the subqueries below an unqualified "id" would be read as
 * the subquery's own column (drizzle leaves columns unqualified in a select from one table).
 */
const qualified = (col: AnyPgColumn | SQL): SQL => (col instanceof Column ? sql`${sql.identifier(getTableName(col.table))}.${sql.identifier(col.name)}` : sql`${col}`);

/** A student-id column is one the supervisor sees today through one of his companies. */
export const supervisedSql = (schoolId: string, supervisorId: string, studentCol: AnyPgColumn | SQL, today: string): SQL =>
  sql`exists (select 1 from placements pl join supervisor_companies sc
      on sc.school_id = pl.school_id and sc.company_id = pl.company_id and sc.supervisor_id = ${supervisorId}
    where pl.school_id = ${schoolId} and pl.student_id = ${qualified(studentCol)} and pl.kind = 'practice'
      and pl.starts_on <= ${today}::date and pl.ends_on + ${SUPERVISOR_WINDOW_DAYS}::int >= ${today}::date)`;

/** A student-id column is one the teacher shares a team with. */
export const teachesSql = (schoolId: string, teacherId: string, studentCol: AnyPgColumn | SQL): SQL =>
  sql`exists (select 1 from person_teams mine join person_teams theirs
      on theirs.school_id = mine.school_id and theirs.team_id = mine.team_id
    where mine.school_id = ${schoolId} and mine.person_id = ${teacherId} and theirs.person_id = ${qualified(studentCol)})`;

/** The person holds the student role. */
export const isStudentSql = (schoolId: string, personCol: AnyPgColumn | SQL): SQL =>
  sql`exists (select 1 from person_roles r where r.school_id = ${schoolId} and r.person_id = ${qualified(personCol)} and r.role = 'student')`;

/**
 * The list scope as a filter on a student-id column (with the student's department column):
 * null when the actor sees every student of the school, `false` when none.
 */
export function studentScopeSql(actor: SchoolActor, studentCol: AnyPgColumn | SQL, departmentCol: AnyPgColumn | SQL, today = todayInCopenhagen()): SQL | null {
  const scope = studentScope(actor);
  if (scope === 'all') return null;
  const schoolId = actor.school.id;
  const parts: SQL[] = [];
  if (scope.studentId) parts.push(sql`${qualified(studentCol)} = ${scope.studentId}`);
  if (scope.departmentId) parts.push(sql`${qualified(departmentCol)} = ${scope.departmentId}`);
  if (scope.teacherId) parts.push(teachesSql(schoolId, scope.teacherId, studentCol));
  if (scope.supervisorId) parts.push(supervisedSql(schoolId, scope.supervisorId, studentCol, today));
  if (!parts.length) return sql`false`;
  return sql`(${sql.join(parts, sql` or `)})`;
}

/**
 * The student as the rules see him, relative to the actor; 404 for anyone who is not a student of
 * the actor's school, and for a student or supervisor who may not see him (staff get the rules' 403).
 */
export async function loadInternshipStudent(exec: Executor, actor: Actor, studentId: string, today = todayInCopenhagen()): Promise<InternshipStudentResource & { name: string }> {
  if (!actor.school || !actor.person || !isUuid(studentId)) throw notFound();
  const schoolId = actor.school.id;
  const me = actor.person.id;
  const [row] = await exec
    .select({
      id: people.id,
      name: people.name,
      departmentId: people.departmentId,
      teaches: teachesSql(schoolId, me, people.id).mapWith(Boolean),
      supervises: supervisedSql(schoolId, me, people.id, today).mapWith(Boolean),
    })
    .from(people)
    .where(and(eq(people.schoolId, schoolId), eq(people.id, studentId), isStudentSql(schoolId, people.id)));
  if (!row) throw notFound();
  const resource = {
    kind: 'internshipStudent' as const,
    studentId: row.id,
    name: row.name,
    departmentId: row.departmentId,
    teachesStudent: row.teaches,
    supervisesStudent: row.supervises,
  };
  // A student or a supervisor learns nothing of students he may not see: not even that they exist.
  if (!isStaff(actor) && !seesStudent(actor, resource)) throw notFound();
  return resource;
}
