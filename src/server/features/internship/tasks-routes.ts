import { z } from 'zod';
import { ZId } from '../../../shared/api/common';
import { ZPracticeTask, ZPracticeTaskInput, ZPracticeTaskList, ZStudentTaskList, ZTaskDoneInput } from '../../../shared/api/internship';
import { route } from '../../platform/route';
import { cleanText } from '../library/api';
import { completeAssignment, confirmAssignment, createTask } from './tasks-commands';
import { loadAssignment, loadTask, myTasks, showTask, supervisedTasks, teacherTasks } from './tasks-queries';

const tags = ['internship'];
const ZAssignmentParams = z.strictObject({ id: z.string().max(100), studentId: z.string().max(100) });

/** Practice tasks (docs/internship.md, "Practice tasks"): assigned → answered (an entry tagged with it) → confirmed → done. */
export const taskRoutes = [
  route({
    method: 'GET',
    url: '/internship/tasks',
    summary: "The teacher's tasks and how many students are in each state",
    tags,
    action: 'practiceTask:list',
    response: ZPracticeTaskList,
    handler: ({ db, actor }) => teacherTasks(db, actor),
  }),
  route({
    method: 'POST',
    url: '/internship/tasks',
    summary: 'A teacher gives a task to chosen students of his and/or a team of his (praktikmål and library forløb and materials of the school)',
    tags,
    action: 'practiceTask:create',
    body: ZPracticeTaskInput,
    status: 201,
    response: ZPracticeTask,
    writes: true,
    handler: async (c) => showTask(c.db, c.actor, await createTask(c, c.body)),
  }),
  route({
    method: 'GET',
    url: '/internship/tasks/mine',
    summary: "The student's own tasks and their states",
    tags,
    action: 'practiceTask:mine',
    response: ZStudentTaskList,
    handler: ({ db, actor }) => myTasks(db, actor),
  }),
  route({
    method: 'GET',
    url: '/internship/tasks/supervised',
    summary: "The tasks of the supervisor's students, within the window",
    tags,
    action: 'practiceTask:supervised',
    response: ZStudentTaskList,
    handler: ({ db, actor }) => supervisedTasks(db, actor),
  }),
  route({
    method: 'GET',
    url: '/internship/tasks/:id',
    summary: 'A task with each student’s state',
    tags,
    action: 'practiceTask:read',
    params: ZId,
    response: ZPracticeTask,
    load: ({ db, actor, params }) => loadTask(db, actor, params.id),
    policyResource: (r) => r.resource,
    handler: ({ db, actor, resource }) => showTask(db, actor, resource.task),
  }),
  route({
    method: 'POST',
    url: '/internship/tasks/:id/students/:studentId/confirm',
    summary: "The supervisor confirms a student's answered task",
    tags,
    action: 'taskAssignment:confirm',
    params: ZAssignmentParams,
    response: ZPracticeTask,
    writes: true,
    load: ({ db, actor, params }) => loadAssignment(db, actor, params.id, params.studentId),
    policyResource: (r) => r.resource,
    handler: async (c) => {
      await confirmAssignment(c, c.resource.task, c.resource.student.studentId);
      return showTask(c.db, c.actor, c.resource.task);
    },
  }),
  route({
    method: 'POST',
    url: '/internship/tasks/:id/students/:studentId/done',
    summary: "The teacher gives feedback and marks a student's task done",
    tags,
    action: 'taskAssignment:done',
    params: ZAssignmentParams,
    body: ZTaskDoneInput,
    response: ZPracticeTask,
    writes: true,
    load: ({ db, actor, params }) => loadAssignment(db, actor, params.id, params.studentId),
    policyResource: (r) => r.resource,
    handler: async (c) => {
      await completeAssignment(c, c.resource.task, c.resource.student.studentId, cleanText(c.body.feedback));
      return showTask(c.db, c.actor, c.resource.task);
    },
  }),
];
