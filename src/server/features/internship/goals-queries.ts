import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TGoal, TGoalOverview, ZGoalStatusChange } from '../../../shared/api/internship';
import type { Executor } from '../../db/client';
import { goalStatuses, goalStatusHistory, internshipGoals, people, programmes, studentProgrammes } from '../../db/schema/index';
import type { Actor } from '../../platform/actor';
import { loadScoped } from '../../platform/loader';
import type { GoalRow } from './goals-commands';

/* Reads of praktikmål: a programme's goals, a student's statuses with their history, the overview per programme. */

type StatusChange = z.output<typeof ZGoalStatusChange>;

export const presentGoal = (g: GoalRow): TGoal => ({ id: g.id, programmeId: g.programmeId, code: g.code, text: g.text, level: g.level, archived: g.archivedAt !== null });

export const loadProgramme = (exec: Executor, actor: Actor, id: string) => loadScoped(exec, actor, programmes, id);

export function programmeGoals(exec: Executor, schoolId: string, programmeId: string, withArchived: boolean): Promise<GoalRow[]> {
  const where = [eq(internshipGoals.schoolId, schoolId), eq(internshipGoals.programmeId, programmeId)];
  if (!withArchived) where.push(isNull(internshipGoals.archivedAt));
  return exec
    .select()
    .from(internshipGoals)
    .where(and(...where))
    .orderBy(asc(internshipGoals.position), asc(internshipGoals.code));
}

/** Every status change of the student's goals, newest first, by goal. */
export async function statusHistory(exec: Executor, schoolId: string, studentId: string): Promise<Map<string, StatusChange[]>> {
  const rows = await exec
    .select({ goalId: goalStatusHistory.goalId, status: goalStatusHistory.status, comment: goalStatusHistory.comment, setAt: goalStatusHistory.setAt, byId: people.id, byName: people.name })
    .from(goalStatusHistory)
    .leftJoin(people, and(eq(people.schoolId, goalStatusHistory.schoolId), eq(people.id, goalStatusHistory.setBy)))
    .where(and(eq(goalStatusHistory.schoolId, schoolId), eq(goalStatusHistory.studentId, studentId)))
    .orderBy(desc(goalStatusHistory.setAt));
  const out = new Map<string, StatusChange[]>();
  for (const r of rows) {
    const change = {
      status: r.status as StatusChange['status'],
      comment: r.comment,
      setBy: r.byId && r.byName !== null ? { id: r.byId, name: r.byName } : null,
      setAt: r.setAt,
    };
    out.set(r.goalId, [...(out.get(r.goalId) ?? []), change]);
  }
  return out;
}

/** Per goal of the programme: how many of its students reached it, partly or not yet; rarely reached goals first. */
export async function goalOverview(exec: Executor, schoolId: string, programme: { id: string; name: string }): Promise<Omit<TGoalOverview, 'programme'>> {
  const goals = await programmeGoals(exec, schoolId, programme.id, false);
  const [students, counts] = await Promise.all([
    exec
      .select({ n: sql<number>`count(*)::int` })
      .from(studentProgrammes)
      .where(and(eq(studentProgrammes.schoolId, schoolId), eq(studentProgrammes.programmeId, programme.id))),
    exec
      .select({ goalId: goalStatuses.goalId, status: goalStatuses.status, n: sql<number>`count(*)::int` })
      .from(goalStatuses)
      .innerJoin(studentProgrammes, and(eq(studentProgrammes.schoolId, goalStatuses.schoolId), eq(studentProgrammes.studentId, goalStatuses.studentId)))
      .innerJoin(internshipGoals, and(eq(internshipGoals.schoolId, goalStatuses.schoolId), eq(internshipGoals.id, goalStatuses.goalId)))
      .where(and(eq(goalStatuses.schoolId, schoolId), eq(internshipGoals.programmeId, programme.id), eq(studentProgrammes.programmeId, programme.id)))
      .groupBy(goalStatuses.goalId, goalStatuses.status),
  ]);
  const by = new Map(goals.map((g) => [g.id, { goal: presentGoal(g), reached: 0, partly: 0, notYet: 0 }]));
  for (const c of counts) {
    const row = by.get(c.goalId);
    if (!row) continue;
    if (c.status === 'reached') row.reached = c.n;
    else if (c.status === 'partly') row.partly = c.n;
    else row.notYet = c.n;
  }
  const rows = [...by.values()].sort((a, b) => a.reached - b.reached || a.goal.code.localeCompare(b.goal.code, 'da'));
  return { students: students[0]?.n ?? 0, goals: rows };
}
