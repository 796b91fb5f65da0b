import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { ZId } from '../../../shared/api/common';
import {
  ZGoal,
  ZGoalImportResult,
  ZGoalInput,
  ZGoalList,
  ZGoalOverview,
  ZGoalPatch,
  ZGoalStatusChange,
  ZGoalStatusInput,
  ZProgrammeDepartments,
  ZProgrammeDepartmentsInput,
  ZStudentGoals,
} from '../../../shared/api/internship';
import { departments, goalStatuses, internshipGoals, programmeDepartments } from '../../db/schema/index';
import { AppError, invalid } from '../../platform/errors';
import { isUuid, loadScoped } from '../../platform/loader';
import { abilitiesOn } from '../../platform/policy';
import { route } from '../../platform/route';
import { createGoal, importGoals, readGoalsCsv, setGoalStatus, updateGoal } from './goals-commands';
import { goalOverview, loadProgramme, presentGoal, programmeGoals, statusHistory } from './goals-queries';
import { programmeOf } from './placements-queries';
import { loadInternshipStudent } from './students-access';

/* Praktikmål per programme and each student's status (docs/internship.md, "Praktikmål"). */

const tags = ['internship'];
const ZArchivedQuery = z.strictObject({ archived: z.enum(['true', 'false']).optional() });

export const goalRoutes = [
  route({
    method: 'GET',
    url: '/internship/programmes/:id/goals',
    summary: "A programme's praktikmål",
    tags,
    action: 'internshipGoals:read',
    params: ZId,
    query: ZArchivedQuery,
    response: ZGoalList,
    load: ({ db, actor, params }) => loadProgramme(db, actor, params.id),
    policyResource: () => undefined,
    handler: async ({ db, actor, query, resource: p }) => ({
      programme: { id: p.id, name: p.name },
      goals: (await programmeGoals(db, actor.school.id, p.id, query.archived === 'true')).map(presentGoal),
      abilities: abilitiesOn(actor, ['internshipProgramme:manage']),
    }),
  }),
  route({
    method: 'POST',
    url: '/internship/programmes/:id/goals',
    summary: 'Add a praktikmål to a programme (its code unique in the programme)',
    tags,
    action: 'internshipProgramme:manage',
    params: ZId,
    body: ZGoalInput,
    status: 201,
    response: ZGoal,
    writes: true,
    load: ({ db, actor, params }) => loadProgramme(db, actor, params.id),
    policyResource: () => undefined,
    handler: async ({ db, actor, body, resource: p, audit }) => {
      const g = await createGoal(db, actor, p.id, body);
      await audit({ action: 'internship.goal_created', resourceType: 'internship_goal', resourceId: g.id, summary: `${p.name}: ${g.code}` });
      return presentGoal(g);
    },
  }),
  route({
    method: 'POST',
    url: '/internship/programmes/:id/goals/import',
    summary: 'Import praktikmål from CSV (code;text;level, UTF-8 or Windows-1252): new codes added, known ones updated',
    tags,
    action: 'internshipProgramme:manage',
    params: ZId,
    rawBody: 'csv',
    response: ZGoalImportResult,
    writes: true,
    load: ({ db, actor, params }) => loadProgramme(db, actor, params.id),
    policyResource: () => undefined,
    handler: async ({ db, actor, req, resource: p, audit }) => {
      if (!(req.body instanceof Uint8Array)) throw new AppError(415, 'unsupported_media_type');
      const result = await importGoals(db, actor, p.id, readGoalsCsv(req.body));
      await audit({ action: 'internship.goals_imported', resourceType: 'programme', resourceId: p.id, summary: p.name, changes: { ...result } });
      return result;
    },
  }),
  route({
    method: 'PATCH',
    url: '/internship/goals/:id',
    summary: 'Change a praktikmål, or archive it',
    tags,
    action: 'internshipProgramme:manage',
    params: ZId,
    body: ZGoalPatch,
    response: ZGoal,
    writes: true,
    load: ({ db, actor, params }) => loadScoped(db, actor, internshipGoals, params.id),
    policyResource: () => undefined,
    handler: async ({ db, actor, body, resource, audit }) => {
      const g = await updateGoal(db, actor, resource, body);
      await audit({ action: 'internship.goal_updated', resourceType: 'internship_goal', resourceId: g.id, summary: g.code, changes: { ...body } });
      return presentGoal(g);
    },
  }),
  route({
    method: 'GET',
    url: '/internship/programmes/:id/goals/overview',
    summary: "How often each of a programme's praktikmål is reached by its students; rarely reached goals first",
    tags,
    action: 'internshipGoals:read',
    params: ZId,
    response: ZGoalOverview,
    load: ({ db, actor, params }) => loadProgramme(db, actor, params.id),
    policyResource: () => undefined,
    handler: async ({ db, actor, resource: p }) => ({ programme: { id: p.id, name: p.name }, ...(await goalOverview(db, actor.school.id, p)) }),
  }),
  route({
    method: 'PUT',
    url: '/internship/programmes/:id/departments',
    summary: 'The departments that run a programme (companies and students per department follow from it)',
    tags,
    action: 'internshipProgramme:manage',
    params: ZId,
    body: ZProgrammeDepartmentsInput,
    response: ZProgrammeDepartments,
    writes: true,
    load: ({ db, actor, params }) => loadProgramme(db, actor, params.id),
    policyResource: () => undefined,
    handler: async ({ db, actor, body, resource: p, audit }) => {
      const schoolId = actor.school.id;
      const ids = [...new Set(body.departmentIds)];
      const found = ids.length && ids.every(isUuid) ? await db.select({ id: departments.id, name: departments.name }).from(departments).where(and(eq(departments.schoolId, schoolId), inArray(departments.id, ids))) : [];
      if (found.length !== ids.length) throw invalid([{ field: 'departmentIds', key: 'validation.unknown_department' }]);
      await db.delete(programmeDepartments).where(and(eq(programmeDepartments.schoolId, schoolId), eq(programmeDepartments.programmeId, p.id)));
      if (ids.length) await db.insert(programmeDepartments).values(ids.map((departmentId) => ({ schoolId, programmeId: p.id, departmentId })));
      await audit({ action: 'internship.programme_departments_set', resourceType: 'programme', resourceId: p.id, summary: p.name, changes: { departmentIds: ids } });
      return { programme: { id: p.id, name: p.name }, departments: found.sort((a, b) => a.name.localeCompare(b.name, 'da')) };
    },
  }),
  route({
    method: 'GET',
    url: '/internship/students/:id/goals',
    summary: "A student's praktikmål: the latest status of each with its history",
    tags,
    action: 'internshipStudent:read',
    params: ZId,
    response: ZStudentGoals,
    load: ({ db, actor, params }) => loadInternshipStudent(db, actor, params.id),
    handler: async ({ db, actor, resource: student }) => {
      const schoolId = actor.school.id;
      const programme = await programmeOf(db, schoolId, student.studentId);
      const [goals, history, statused] = await Promise.all([
        programme ? programmeGoals(db, schoolId, programme.id, false) : [],
        statusHistory(db, schoolId, student.studentId),
        db
          .select({ goal: internshipGoals })
          .from(goalStatuses)
          .innerJoin(internshipGoals, and(eq(internshipGoals.schoolId, goalStatuses.schoolId), eq(internshipGoals.id, goalStatuses.goalId)))
          .where(and(eq(goalStatuses.schoolId, schoolId), eq(goalStatuses.studentId, student.studentId), isNull(internshipGoals.archivedAt))),
      ]);
      // Goals of an earlier programme that already have a status stay visible after a change of programme.
      const all = [...goals, ...statused.map((s) => s.goal).filter((g) => !goals.some((x) => x.id === g.id))];
      return {
        student: { id: student.studentId, name: student.name },
        programme,
        goals: all.map((g) => {
          const h = history.get(g.id) ?? [];
          return { goal: presentGoal(g), latest: h[0] ?? null, history: h };
        }),
        abilities: abilitiesOn(actor, ['internshipStudent:setGoal', 'internshipStudent:plan'], student),
      };
    },
  }),
  route({
    method: 'PUT',
    url: '/internship/students/:id/goals/:goalId',
    summary: "Set a student's status of a praktikmål of his programme (the history keeps every change)",
    tags,
    action: 'internshipStudent:setGoal',
    params: z.strictObject({ id: z.string().max(100), goalId: z.string().max(100) }),
    body: ZGoalStatusInput,
    response: ZGoalStatusChange,
    writes: true,
    load: async ({ db, actor, params }) => ({ student: await loadInternshipStudent(db, actor, params.id), goal: await loadScoped(db, actor, internshipGoals, params.goalId) }),
    policyResource: (r) => r.student,
    handler: async ({ db, actor, body, resource: { student, goal }, audit }) => {
      const programme = await programmeOf(db, actor.school.id, student.studentId);
      if (programme?.id !== goal.programmeId || goal.archivedAt !== null) throw invalid([{ field: 'goalId', key: 'validation.goal_not_of_programme' }]);
      const v = await setGoalStatus(db, actor, student.studentId, goal, body);
      await audit({ action: 'internship.goal_status_set', resourceType: 'person', resourceId: student.studentId, summary: `${student.name}: ${goal.code}`, changes: { status: body.status } });
      return { status: v.status, comment: v.comment, setBy: { id: actor.person.id, name: actor.person.name }, setAt: v.setAt };
    },
  }),
];
