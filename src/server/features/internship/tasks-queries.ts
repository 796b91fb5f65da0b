import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TPracticeTaskList, TTaskState, ZPracticeTask, ZStudentTaskList } from '../../../shared/api/internship';
import type { Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import { practiceTasks, taskAssignments } from '../../db/schema/index';
import type { Actor, SchoolActor } from '../../platform/actor';
import { notFound } from '../../platform/errors';
import { isUuid } from '../../platform/loader';
import { abilitiesOn } from '../../platform/policy';
import { hasRole } from '../../platform/policy-helpers';
import { todayInCopenhagen } from '../../platform/time';
import { loadLogbookStudent, type LogbookStudent } from './logbook-access';
import type { PracticeTaskResource, TaskAssignmentResource } from './policy';
import { supervisedSql, teachesSql } from './students-access';
import type { TaskRow } from './tasks-commands';

const ASSIGNMENT_ACTIONS = ['taskAssignment:confirm', 'taskAssignment:done'] as const;

/** A task of the actor's school (404 alike for missing and foreign) with its policy resource. */
export async function loadTask(exec: Executor, actor: Actor, id: string): Promise<{ task: TaskRow; resource: PracticeTaskResource }> {
  if (!actor.school || !isUuid(id)) throw notFound();
  const [task] = await exec
    .select()
    .from(practiceTasks)
    .where(and(eq(practiceTasks.schoolId, actor.school.id), eq(practiceTasks.id, id)));
  if (!task) throw notFound();
  return { task, resource: { kind: 'practiceTask', createdBy: task.createdBy } };
}

/** One student's part of a task; 404 for a student the actor may not know of (logbook-access.ts). */
export async function loadAssignment(
  exec: Executor,
  actor: Actor,
  id: string,
  studentId: string,
): Promise<{ task: TaskRow; student: LogbookStudent; resource: TaskAssignmentResource }> {
  const { task } = await loadTask(exec, actor, id);
  if (!isUuid(studentId)) throw notFound();
  const [a] = await exec
    .select({ state: taskAssignments.state })
    .from(taskAssignments)
    .where(and(eq(taskAssignments.schoolId, task.schoolId), eq(taskAssignments.taskId, task.id), eq(taskAssignments.studentId, studentId)));
  if (!a) throw notFound();
  const student = await loadLogbookStudent(exec, actor, studentId);
  return { task, student, resource: { kind: 'taskAssignment', student, taskCreatedBy: task.createdBy, state: a.state as TTaskState } };
}

type AssignmentRow = {
  task_id: string;
  title: string;
  description_html: string;
  due_from: string | null;
  due_to: string | null;
  created_by: string;
  student_id: string;
  student_name: string;
  department_id: string | null;
  state: TTaskState;
  answered_at: Date | string | null;
  confirmed_at: Date | string | null;
  done_at: Date | string | null;
  feedback: string;
  teaches: boolean;
  supervises: boolean;
};
const at = (d: Date | string | null) => (d === null ? null : new Date(d));

/** Assignments with what the rules need to know of each student relative to the actor, in one query. */
async function assignments(exec: Executor, actor: SchoolActor, where: ReturnType<typeof sql>): Promise<AssignmentRow[]> {
  const s = actor.school.id;
  const me = actor.person.id;
  return rawQuery<AssignmentRow>(exec, sql`
    select t.id as task_id, t.title, t.description_html, t.due_from::text as due_from, t.due_to::text as due_to, t.created_by,
      p.id as student_id, p.name as student_name, p.department_id, a.state, a.answered_at, a.confirmed_at, a.done_at, a.feedback,
      ${teachesSql(s, me, sql`a.student_id`)} as teaches, ${supervisedSql(s, me, sql`a.student_id`, todayInCopenhagen())} as supervises
    from task_assignments a
    join practice_tasks t on t.school_id = a.school_id and t.id = a.task_id
    join people p on p.school_id = a.school_id and p.id = a.student_id
    where a.school_id = ${s} and t.archived_at is null and ${where}
    order by t.due_to nulls last, t.title, p.name`);
}

const resourceOf = (r: AssignmentRow): TaskAssignmentResource => ({
  kind: 'taskAssignment',
  student: { kind: 'internshipStudent', studentId: r.student_id, departmentId: r.department_id, teachesStudent: r.teaches, supervisesStudent: r.supervises },
  taskCreatedBy: r.created_by,
  state: r.state,
});

export async function showTask(exec: Executor, actor: SchoolActor, task: TaskRow): Promise<z.output<typeof ZPracticeTask>> {
  const s = actor.school.id;
  const [extra, goals, items, rows] = await Promise.all([
    rawQuery<{ creator: string; team_id: string | null; team_name: string | null }>(exec, sql`
      select p.name as creator, tm.id as team_id, tm.name as team_name from people p
      left join teams tm on tm.school_id = p.school_id and tm.id = ${task.teamId}
      where p.school_id = ${s} and p.id = ${task.createdBy}`),
    rawQuery<{ id: string; code: string; text: string }>(exec, sql`
      select g.id, g.code, g.text from practice_task_goals tg join internship_goals g on g.school_id = tg.school_id and g.id = tg.goal_id
      where tg.school_id = ${s} and tg.task_id = ${task.id} order by g.position, g.code`),
    rawQuery<{ id: string; title: string; kind: string }>(exec, sql`
      select i.id, i.title, i.kind from practice_task_items ti join library_items i on i.school_id = ti.school_id and i.id = ti.item_id
      where ti.school_id = ${s} and ti.task_id = ${task.id} order by ti.position`),
    assignments(exec, actor, sql`a.task_id = ${task.id}`),
  ]);
  const e = extra[0];
  // the task's teacher and the leadership see every student of it; another teacher or a supervisor only his own students
  const whole = task.createdBy === actor.person.id || hasRole(actor, 'school_admin', 'top_management');
  const shown = rows.filter((r) => whole || r.teaches || r.supervises);
  return {
    id: task.id,
    title: task.title,
    descriptionHtml: task.descriptionHtml,
    team: e?.team_id && e.team_name ? { id: e.team_id, name: e.team_name } : null,
    dueFrom: task.dueFrom,
    dueTo: task.dueTo,
    createdBy: { id: task.createdBy, name: e?.creator ?? '' },
    goals,
    items,
    assignments: shown.map((r) => ({
      student: { id: r.student_id, name: r.student_name },
      state: r.state,
      answeredAt: at(r.answered_at),
      confirmedAt: at(r.confirmed_at),
      doneAt: at(r.done_at),
      feedback: r.feedback,
      abilities: abilitiesOn(actor, ASSIGNMENT_ACTIONS, resourceOf(r)),
    })),
    abilities: [],
  };
}

/** The teacher's tasks with how many of their students are in each state: one query. */
export async function teacherTasks(exec: Executor, actor: SchoolActor): Promise<TPracticeTaskList> {
  const s = actor.school.id;
  const rows = await rawQuery<{ id: string; title: string; team_id: string | null; team_name: string | null; due_from: string | null; due_to: string | null } & Record<TTaskState, number>>(
    exec,
    sql`
    select t.id, t.title, tm.id as team_id, tm.name as team_name, t.due_from::text as due_from, t.due_to::text as due_to,
      count(*) filter (where a.state = 'assigned')::int as assigned, count(*) filter (where a.state = 'answered')::int as answered,
      count(*) filter (where a.state = 'confirmed')::int as confirmed, count(*) filter (where a.state = 'done')::int as done
    from practice_tasks t
    left join teams tm on tm.school_id = t.school_id and tm.id = t.team_id
    left join task_assignments a on a.school_id = t.school_id and a.task_id = t.id
    where t.school_id = ${s} and t.created_by = ${actor.person.id} and t.archived_at is null
    group by t.school_id, t.id, tm.school_id, tm.id
    order by t.created_at desc`,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      team: r.team_id && r.team_name ? { id: r.team_id, name: r.team_name } : null,
      dueFrom: r.due_from,
      dueTo: r.due_to,
      states: { assigned: r.assigned, answered: r.answered, confirmed: r.confirmed, done: r.done },
    })),
    abilities: abilitiesOn(actor, ['practiceTask:create'] as const),
  };
}

const studentTaskList = (actor: SchoolActor, rows: AssignmentRow[]): z.output<typeof ZStudentTaskList> => ({
  items: rows.map((r) => ({
    task: { id: r.task_id, name: r.title },
    student: { id: r.student_id, name: r.student_name },
    descriptionHtml: r.description_html,
    dueFrom: r.due_from,
    dueTo: r.due_to,
    state: r.state,
    feedback: r.feedback,
    abilities: abilitiesOn(actor, ASSIGNMENT_ACTIONS, resourceOf(r)),
  })),
});

/** The student's own tasks. */
export const myTasks = async (exec: Executor, actor: SchoolActor) => studentTaskList(actor, await assignments(exec, actor, sql`a.student_id = ${actor.person.id}`));

/** The tasks of the students the supervisor sees today (within the window). */
export const supervisedTasks = async (exec: Executor, actor: SchoolActor) =>
  studentTaskList(actor, await assignments(exec, actor, supervisedSql(actor.school.id, actor.person.id, sql`a.student_id`, todayInCopenhagen())));
