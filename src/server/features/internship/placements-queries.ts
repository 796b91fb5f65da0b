import { and, asc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TPlacement } from '../../../shared/api/internship';
import type { Executor } from '../../db/client';
import { companies, people, placements, programmes, studentProgrammes } from '../../db/schema/index';
import type { Actor, SchoolActor } from '../../platform/actor';
import { isUuid, loadScoped } from '../../platform/loader';
import { abilitiesOn } from '../../platform/policy';
import { todayInCopenhagen } from '../../platform/time';
import type { PlacementRow } from './placements-commands';
import type { InternshipStudentResource } from './policy';
import { isStudentSql, loadInternshipStudent, studentScopeSql } from './students-access';

/* Reads of placements: one student's sequence, who is where in a week, the students the actor sees. */

const supervisor = alias(people, 'supervisor');

type PlacementView = PlacementRow & { companyName: string | null; supervisorName: string | null };

export const presentPlacement = (actor: Actor, p: PlacementView, student?: InternshipStudentResource): TPlacement => ({
  id: p.id,
  studentId: p.studentId,
  kind: p.kind as TPlacement['kind'],
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  company: p.companyId && p.companyName !== null ? { id: p.companyId, name: p.companyName } : null,
  supervisor: p.supervisorId && p.supervisorName !== null ? { id: p.supervisorId, name: p.supervisorName } : null,
  note: p.note,
  abilities: student ? abilitiesOn(actor, ['internshipStudent:plan'], student) : [],
});

async function placementsWhere(exec: Executor, where: SQL | undefined): Promise<PlacementView[]> {
  const rows = await exec
    .select({ p: placements, companyName: companies.name, supervisorName: supervisor.name })
    .from(placements)
    .leftJoin(companies, and(eq(companies.schoolId, placements.schoolId), eq(companies.id, placements.companyId)))
    .leftJoin(supervisor, and(eq(supervisor.schoolId, placements.schoolId), eq(supervisor.id, placements.supervisorId)))
    .where(where)
    .orderBy(asc(placements.startsOn));
  return rows.map((r) => ({ ...r.p, companyName: r.companyName, supervisorName: r.supervisorName }));
}

export const studentPlacements = (exec: Executor, schoolId: string, studentId: string) =>
  placementsWhere(exec, and(eq(placements.schoolId, schoolId), eq(placements.studentId, studentId)));

/** A placement with its student's policy resource (404 as for the student). */
export async function loadPlacement(exec: Executor, actor: Actor, id: string) {
  const row = await loadScoped(exec, actor, placements, id);
  const student = await loadInternshipStudent(exec, actor, row.studentId);
  return { row, student };
}

export async function programmeOf(exec: Executor, schoolId: string, studentId: string): Promise<{ id: string; name: string } | null> {
  const [row] = await exec
    .select({ id: programmes.id, name: programmes.name })
    .from(studentProgrammes)
    .innerJoin(programmes, and(eq(programmes.schoolId, studentProgrammes.schoolId), eq(programmes.id, studentProgrammes.programmeId)))
    .where(and(eq(studentProgrammes.schoolId, schoolId), eq(studentProgrammes.studentId, studentId)));
  return row ?? null;
}

/** Monday and Sunday of an ISO week ("2027-W12"). */
export function isoWeekDays(week: string): { from: string; to: string } {
  const [y, w] = week.split('-W').map(Number) as [number, number];
  const jan4 = new Date(Date.UTC(y, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (w - 1) * 7);
  const sunday = new Date(monday);
  sunday.setUTCDate(monday.getUTCDate() + 6);
  return { from: monday.toISOString().slice(0, 10), to: sunday.toISOString().slice(0, 10) };
}

/** The students the actor sees (scoped), optionally of one team or matching a name. */
export async function visibleStudents(exec: Executor, actor: SchoolActor, opts: { teamId?: string; q?: string; today?: string }) {
  const schoolId = actor.school.id;
  if (opts.teamId !== undefined && !isUuid(opts.teamId)) return [];
  const where: (SQL | undefined)[] = [eq(people.schoolId, schoolId), eq(people.active, true), sql`${people.erasedAt} is null`, isStudentSql(schoolId, people.id)];
  const scope = studentScopeSql(actor, people.id, people.departmentId, opts.today ?? todayInCopenhagen());
  if (scope) where.push(scope);
  if (opts.teamId) {
    where.push(sql`exists (select 1 from person_teams t where t.school_id = ${schoolId} and t.person_id = "people"."id" and t.team_id = ${opts.teamId})`);
  }
  if (opts.q) where.push(ilike(people.name, `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  return exec
    .select({ id: people.id, name: people.name, programmeId: programmes.id, programmeName: programmes.name })
    .from(people)
    .leftJoin(studentProgrammes, and(eq(studentProgrammes.schoolId, people.schoolId), eq(studentProgrammes.studentId, people.id)))
    .leftJoin(programmes, and(eq(programmes.schoolId, studentProgrammes.schoolId), eq(programmes.id, studentProgrammes.programmeId)))
    .where(and(...where))
    .orderBy(asc(people.name))
    .limit(1000);
}

/** The placements of the given students that touch the days from–to. */
export async function placementsBetween(exec: Executor, schoolId: string, studentIds: string[], from: string, to: string): Promise<PlacementView[]> {
  if (!studentIds.length) return [];
  return placementsWhere(
    exec,
    and(
      eq(placements.schoolId, schoolId),
      inArray(placements.studentId, studentIds),
      sql`${placements.startsOn} <= ${to}::date and ${placements.endsOn} >= ${from}::date`,
    ),
  );
}
