import { and, eq } from 'drizzle-orm';
import { NO_CONTENT, YEARS, ZId } from '../../../shared/api/common';
import {
  ZInternshipStudents,
  ZPlacement,
  ZPlacementInput,
  ZPlacementPatch,
  ZStudentProgrammeInput,
  ZStudentsQuery,
  ZStudentTimeline,
  ZTimelineQuery,
  ZWeekTimeline,
} from '../../../shared/api/internship';
import { programmes, studentProgrammes } from '../../db/schema/index';
import { invalid } from '../../platform/errors';
import { isUuid } from '../../platform/loader';
import { abilitiesOn } from '../../platform/policy';
import { route } from '../../platform/route';
import { todayInCopenhagen } from '../../platform/time';
import { companiesOfSupervisor } from './companies-queries';
import { createPlacement, deletePlacement, updatePlacement } from './placements-commands';
import { isoWeekDays, loadPlacement, placementsBetween, presentPlacement, programmeOf, studentPlacements, visibleStudents } from './placements-queries';
import { schoolSeesStudent } from './policy';
import { loadInternshipStudent } from './students-access';

/* Placements (forløbsplan): a student's school and practice periods, who is where in a week (docs/internship.md, "Placements"). */

const tags = ['internship'];

const byStudent = <T extends { studentId: string }>(rows: T[]) => {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(r.studentId, [...(out.get(r.studentId) ?? []), r]);
  return out;
};

export const placementRoutes = [
  route({
    method: 'GET',
    url: '/internship/students',
    summary: "The students the actor sees (his own record, his team's, his department's, a supervisor's current ones) with today's period",
    tags,
    action: 'internship:read',
    query: ZStudentsQuery,
    response: ZInternshipStudents,
    handler: async ({ db, actor, query }) => {
      const today = todayInCopenhagen();
      const students = await visibleStudents(db, actor, { ...query, today });
      const current = byStudent(await placementsBetween(db, actor.school.id, students.map((s) => s.id), today, today));
      return {
        items: students.map((s) => ({
          student: { id: s.id, name: s.name },
          programme: s.programmeId && s.programmeName !== null ? { id: s.programmeId, name: s.programmeName } : null,
          current: (() => {
            const p = current.get(s.id)?.[0];
            return p ? presentPlacement(actor, p) : null;
          })(),
        })),
        abilities: abilitiesOn(actor, ['internship:timeline', 'company:list', 'offer:list']),
      };
    },
  }),
  route({
    method: 'GET',
    url: '/internship/students/:id/placements',
    summary: "A student's school and practice periods",
    tags,
    action: 'internshipStudent:read',
    params: ZId,
    response: ZStudentTimeline,
    load: ({ db, actor, params }) => loadInternshipStudent(db, actor, params.id),
    handler: async ({ db, actor, resource: student }) => {
      const [rows, programme] = await Promise.all([studentPlacements(db, actor.school.id, student.studentId), programmeOf(db, actor.school.id, student.studentId)]);
      let shown = rows;
      // A supervisor sees the periods at his own companies, nothing else of the student's plan.
      if (actor.person.id !== student.studentId && !schoolSeesStudent(actor, student)) {
        const mine = new Set(await companiesOfSupervisor(db, actor.school.id, actor.person.id));
        shown = rows.filter((p) => p.companyId !== null && mine.has(p.companyId));
      }
      return {
        student: { id: student.studentId, name: student.name },
        programme,
        placements: shown.map((p) => presentPlacement(actor, p, student)),
        abilities: abilitiesOn(actor, ['internshipStudent:plan', 'internshipStudent:setGoal', 'internshipStudent:exportData', 'internshipStudent:eraseData'], student),
      };
    },
  }),
  route({
    method: 'PUT',
    url: '/internship/students/:id/programme',
    summary: "Set the student's programme (whose praktikmål apply to him)",
    tags,
    action: 'internshipStudent:plan',
    params: ZId,
    body: ZStudentProgrammeInput,
    response: NO_CONTENT,
    writes: true,
    load: ({ db, actor, params }) => loadInternshipStudent(db, actor, params.id),
    handler: async ({ db, actor, body, resource: student, audit }) => {
      const schoolId = actor.school.id;
      await db.delete(studentProgrammes).where(and(eq(studentProgrammes.schoolId, schoolId), eq(studentProgrammes.studentId, student.studentId)));
      if (body.programmeId !== null) {
        const id = body.programmeId;
        const [p] = isUuid(id) ? await db.select({ id: programmes.id }).from(programmes).where(and(eq(programmes.schoolId, schoolId), eq(programmes.id, id))) : [];
        if (!p) throw invalid([{ field: 'programmeId', key: 'validation.unknown_programme' }]);
        await db.insert(studentProgrammes).values({ schoolId, studentId: student.studentId, programmeId: id });
      }
      await audit({ action: 'internship.student_programme_set', resourceType: 'person', resourceId: student.studentId, summary: student.name, changes: { ...body } });
    },
  }),
  route({
    method: 'POST',
    url: '/internship/placements',
    summary: 'Add a school or practice period to a student (no overlaps; a practice period joins the årshjul)',
    tags,
    action: 'internshipStudent:plan',
    body: ZPlacementInput,
    status: 201,
    response: ZPlacement,
    writes: true,
    load: ({ db, actor, body }) => loadInternshipStudent(db, actor, body.studentId),
    handler: async ({ db, actor, body, resource: student, audit }) => {
      const row = await createPlacement(db, actor, student, body);
      await audit({ action: 'internship.placement_created', resourceType: 'placement', resourceId: row.id, summary: student.name, changes: { ...body } });
      const [view] = (await studentPlacements(db, actor.school.id, student.studentId)).filter((p) => p.id === row.id);
      return presentPlacement(actor, view ?? { ...row, companyName: null, supervisorName: null }, student);
    },
  }),
  route({
    method: 'PATCH',
    url: '/internship/placements/:id',
    summary: 'Change a period (dates, kind, company, supervisor, note)',
    tags,
    action: 'internshipStudent:plan',
    params: ZId,
    body: ZPlacementPatch,
    response: ZPlacement,
    writes: true,
    load: ({ db, actor, params }) => loadPlacement(db, actor, params.id),
    policyResource: (r) => r.student,
    handler: async ({ db, actor, body, resource: { row: before, student }, audit }) => {
      const row = await updatePlacement(db, actor, student, before, body);
      await audit({ action: 'internship.placement_updated', resourceType: 'placement', resourceId: row.id, summary: student.name, changes: { ...body } });
      const [view] = (await studentPlacements(db, actor.school.id, student.studentId)).filter((p) => p.id === row.id);
      return presentPlacement(actor, view ?? { ...row, companyName: null, supervisorName: null }, student);
    },
  }),
  route({
    method: 'DELETE',
    url: '/internship/placements/:id',
    summary: 'Delete a period without logbook entries (its årshjul item is cancelled)',
    tags,
    action: 'internshipStudent:plan',
    params: ZId,
    response: NO_CONTENT,
    writes: true,
    load: ({ db, actor, params }) => loadPlacement(db, actor, params.id),
    policyResource: (r) => r.student,
    handler: async ({ db, actor, resource: { row, student }, audit }) => {
      await deletePlacement(db, actor, row);
      await audit({ action: 'internship.placement_deleted', resourceType: 'placement', resourceId: row.id, summary: student.name, changes: { startsOn: row.startsOn, endsOn: row.endsOn } });
    },
  }),
  route({
    method: 'GET',
    url: '/internship/timeline',
    summary: 'Who is where in an ISO week, for the students the actor sees (optionally one team)',
    tags,
    action: 'internship:timeline',
    query: ZTimelineQuery,
    response: ZWeekTimeline,
    handler: async ({ db, actor, query }) => {
      const year = Number(query.week.slice(0, 4));
      // Years as every other date the client sends (YEARS); the last one is left out, its last week ends in the next year.
      if (year < YEARS.min || year >= YEARS.max) throw invalid([{ field: 'week', key: 'validation.iso_week' }]);
      const { from, to } = isoWeekDays(query.week);
      const students = await visibleStudents(db, actor, { teamId: query.teamId });
      const rows = byStudent(await placementsBetween(db, actor.school.id, students.map((s) => s.id), from, to));
      return {
        week: query.week,
        from,
        to,
        students: students.map((s) => ({ student: { id: s.id, name: s.name }, placements: (rows.get(s.id) ?? []).map((p) => presentPlacement(actor, p)) })),
      };
    },
  }),
];
