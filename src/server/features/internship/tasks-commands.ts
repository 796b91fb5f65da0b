import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZPracticeTaskInput } from '../../../shared/api/internship';
import type { Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import { internshipGoals, practiceTaskGoals, practiceTaskItems, practiceTasks, taskAssignments } from '../../db/schema/index';
import { invalid, type FieldError } from '../../platform/errors';
import { isUuid } from '../../platform/loader';
import { cleanBody, type EntryWriter } from './logbook-commands';
import { isStudentSql, teachesSql } from './students-access';

export type TaskRow = typeof practiceTasks.$inferSelect;

const distinct = (xs: readonly string[]) => [...new Set(xs)];

/** The students a teacher gives a task to: the chosen ones he teaches, and every student of the team (one he is on himself). */
async function recipients(db: Executor, w: EntryWriter, studentIds: readonly string[], teamId: string | null): Promise<{ ids: string[]; errors: FieldError[] }> {
  const s = w.actor.school.id;
  const me = w.actor.person.id;
  const errors: FieldError[] = [];
  const chosen = distinct(studentIds);
  const valid = chosen.filter(isUuid);
  const taught = valid.length
    ? await rawQuery<{ id: string }>(db, sql`
        select p.id from people p where p.school_id = ${s} and p.id in (${sql.join(valid.map((i) => sql`${i}::uuid`), sql`, `)})
          and ${isStudentSql(s, sql`p.id`)} and ${teachesSql(s, me, sql`p.id`)}`)
    : [];
  if (taught.length !== chosen.length) errors.push({ field: 'studentIds', key: 'logbook.validation.not_your_student' });
  let team: string[] = [];
  if (teamId !== null) {
    const onTeam = isUuid(teamId)
      ? await rawQuery<{ n: number }>(db, sql`select 1 as n from person_teams where school_id = ${s} and team_id = ${teamId} and person_id = ${me}`)
      : [];
    if (!onTeam.length) errors.push({ field: 'teamId', key: 'logbook.validation.not_your_team' });
    else {
      const rows = await rawQuery<{ id: string }>(db, sql`
        select pt.person_id as id from person_teams pt join people p on p.school_id = pt.school_id and p.id = pt.person_id
        where pt.school_id = ${s} and pt.team_id = ${teamId} and p.active and ${isStudentSql(s, sql`pt.person_id`)}`);
      team = rows.map((r) => r.id);
    }
  }
  const ids = distinct([...taught.map((r) => r.id), ...team]);
  if (!errors.length && !ids.length) errors.push({ field: 'studentIds', key: 'logbook.validation.no_students' });
  return { ids, errors };
}

/** The praktikmål (of the school, not archived) and the library forløb and materials of the school a task links to. */
async function links(db: Executor, schoolId: string, goalIds: readonly string[], itemIds: readonly string[]): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const goals = distinct(goalIds);
  const foundGoals = goals.every(isUuid) && goals.length
    ? await db.select({ id: internshipGoals.id }).from(internshipGoals).where(and(eq(internshipGoals.schoolId, schoolId), inArray(internshipGoals.id, goals), isNull(internshipGoals.archivedAt)))
    : [];
  if (foundGoals.length !== goals.length) errors.push({ field: 'goalIds', key: 'logbook.validation.unknown_goal' });
  const items = distinct(itemIds);
  const foundItems = items.every(isUuid) && items.length
    ? await rawQuery<{ id: string }>(db, sql`
        select id from library_items where school_id = ${schoolId} and kind in ('forlob', 'material')
          and id in (${sql.join(items.map((i) => sql`${i}::uuid`), sql`, `)})`)
    : [];
  if (foundItems.length !== items.length) errors.push({ field: 'itemIds', key: 'logbook.validation.unknown_item' });
  return errors;
}

/** A teacher gives a task: every link and student checked first (422 naming each field), then written in one go. */
export async function createTask(w: EntryWriter, input: z.output<typeof ZPracticeTaskInput>): Promise<TaskRow> {
  const s = w.actor.school.id;
  const who = await recipients(w.db, w, input.studentIds, input.teamId);
  const errors = [...who.errors, ...(await links(w.db, s, input.goalIds, input.itemIds))];
  if (input.dueFrom && input.dueTo && input.dueTo < input.dueFrom) errors.push({ field: 'dueTo', key: 'logbook.validation.due_order' });
  if (errors.length) throw invalid(errors);
  const description = await cleanBody(input.descriptionHtml, 'descriptionHtml');
  const [task] = await w.db
    .insert(practiceTasks)
    .values({ schoolId: s, title: input.title, descriptionHtml: description.html, teamId: input.teamId, dueFrom: input.dueFrom, dueTo: input.dueTo, createdBy: w.actor.person.id })
    .returning();
  if (!task) throw new Error('practice task not inserted');
  const goals = distinct(input.goalIds);
  const items = distinct(input.itemIds);
  if (goals.length) await w.db.insert(practiceTaskGoals).values(goals.map((goalId) => ({ schoolId: s, taskId: task.id, goalId })));
  if (items.length) await w.db.insert(practiceTaskItems).values(items.map((itemId, position) => ({ schoolId: s, taskId: task.id, itemId, position })));
  await w.db.insert(taskAssignments).values(who.ids.map((studentId) => ({ schoolId: s, taskId: task.id, studentId })));
  await w.audit({ action: 'practice_task.created', resourceType: 'practice_task', resourceId: task.id, summary: task.title, changes: { students: who.ids.length, team: input.teamId } });
  return task;
}

/** The supervisor confirms an answered task. */
export async function confirmAssignment(w: EntryWriter, task: TaskRow, studentId: string): Promise<void> {
  await w.db
    .update(taskAssignments)
    .set({ state: 'confirmed', confirmedAt: new Date(), confirmedBy: w.actor.person.id, updatedAt: new Date() })
    .where(and(eq(taskAssignments.schoolId, task.schoolId), eq(taskAssignments.taskId, task.id), eq(taskAssignments.studentId, studentId)));
  await w.audit({ action: 'practice_task.confirmed', resourceType: 'practice_task', resourceId: task.id, summary: task.title, changes: { student: studentId } });
}

/** The teacher gives feedback and marks the student's task done. */
export async function completeAssignment(w: EntryWriter, task: TaskRow, studentId: string, feedback: string): Promise<void> {
  await w.db
    .update(taskAssignments)
    .set({ state: 'done', doneAt: new Date(), doneBy: w.actor.person.id, feedback, updatedAt: new Date() })
    .where(and(eq(taskAssignments.schoolId, task.schoolId), eq(taskAssignments.taskId, task.id), eq(taskAssignments.studentId, studentId)));
  await w.audit({ action: 'practice_task.done', resourceType: 'practice_task', resourceId: task.id, summary: task.title, changes: { student: studentId } });
}
