import { ZId } from '../../../shared/api/common';
import {
  ZArchivedCourseList,
  ZCancelledEnrolment,
  ZCatalogue,
  ZCourse,
  ZCourseInput,
  ZCoursePatch,
  ZEnrolInput,
  ZEnrolment,
  ZEvaluated,
  ZEvaluationInput,
  ZEvaluationSummary,
  ZParticipants,
  ZProgress,
  ZProgressRecorded,
  ZSession,
  ZSessionInput,
} from '../../../shared/api/competence';
import { competenceCourses, competenceEnrolments } from '../../db/schema/index';
import { loadScoped } from '../../platform/loader';
import { route } from '../../platform/route';
import { addSession, cancelEnrolment, createCourse, enrol, evaluateEnrolment, recordProgress, syncOnboarding, updateCourse } from './courses-commands';
import { archivedCourses, catalogue, enrolmentWithDepartment, evaluationSummary, participants, presentCourse } from './courses-queries';
import type { EnrolmentResource } from './policy';

/* Courses (kompetenceforløb): the catalogue, sessions, enrolment with a waiting list, attendance and evaluation. */

const tags = ['competence'];
const ownEnrolment = (e: { personId: string }): EnrolmentResource => ({ kind: 'competenceEnrolment', personId: e.personId });

export const courseRoutes = [
  route({
    method: 'GET',
    url: '/competence/courses',
    summary: 'The course catalogue with sessions, free seats and my enrolments',
    tags,
    action: 'course:read',
    response: ZCatalogue,
    handler: ({ db, actor }) => catalogue(db, actor),
  }),
  route({
    method: 'GET',
    url: '/competence/courses/archived',
    summary: 'Archived courses, newest first, to restore one to the catalogue',
    tags,
    action: 'course:manage',
    response: ZArchivedCourseList,
    handler: ({ db, actor }) => archivedCourses(db, actor.school.id),
  }),
  route({
    method: 'POST',
    url: '/competence/courses',
    summary: 'Create a course (kompetenceforløb)',
    tags,
    action: 'course:manage',
    body: ZCourseInput,
    status: 201,
    response: ZCourse,
    writes: true,
    handler: async ({ db, actor, body, audit }) => {
      const c = await createCourse(db, actor, body);
      await audit({ action: 'competence.course_created', resourceType: 'competence_course', resourceId: c.id, summary: c.title, changes: { ...body } });
      if (c.audience.newHires) await syncOnboarding(db, actor.school.id);
      return presentCourse(c);
    },
  }),
  route({
    method: 'PATCH',
    url: '/competence/courses/:id',
    summary: 'Edit or archive a course',
    tags,
    action: 'course:manage',
    params: ZId,
    body: ZCoursePatch,
    response: ZCourse,
    writes: true,
    load: ({ db, actor, params }) => loadScoped(db, actor, competenceCourses, params.id),
    policyResource: () => undefined,
    handler: async ({ db, actor, body, resource: before, audit }) => {
      const c = await updateCourse(db, actor, before, body);
      await audit({ action: 'competence.course_updated', resourceType: 'competence_course', resourceId: c.id, summary: c.title, changes: { ...body } });
      return presentCourse(c);
    },
  }),
  route({
    method: 'POST',
    url: '/competence/courses/:id/sessions',
    summary: 'Add a session (date, place or online link, capacity)',
    tags,
    action: 'course:manage',
    params: ZId,
    body: ZSessionInput,
    status: 201,
    response: ZSession,
    writes: true,
    load: ({ db, actor, params }) => loadScoped(db, actor, competenceCourses, params.id),
    policyResource: () => undefined,
    handler: async ({ db, actor, body, resource: course, audit }) => {
      const s = await addSession(db, actor, course, body);
      await audit({ action: 'competence.session_created', resourceType: 'competence_session', resourceId: s.id, summary: course.title, changes: { ...body } });
      return { id: s.id, startsAt: s.startsAt, place: s.place, onlineUrl: s.onlineUrl, capacity: s.capacity };
    },
  }),
  route({
    method: 'POST',
    url: '/competence/courses/:id/enrolments',
    summary: 'Enrol myself: a seat, or the waiting list when the session is full',
    tags,
    action: 'course:enrol',
    params: ZId,
    body: ZEnrolInput,
    status: 201,
    response: ZEnrolment,
    writes: true,
    load: ({ db, actor, params }) => loadScoped(db, actor, competenceCourses, params.id),
    policyResource: () => undefined,
    handler: async ({ db, actor, body, resource: course, audit }) => {
      const e = await enrol(db, actor.school.id, course, actor.person.id, body.sessionId, 'self');
      await audit({ action: e.status === 'waiting' ? 'competence.waitlisted' : 'competence.enrolled', resourceType: 'competence_enrolment', resourceId: e.id, summary: course.title });
      return { id: e.id, status: e.status, sessionId: e.sessionId };
    },
  }),
  route({
    method: 'DELETE',
    url: '/competence/enrolments/:id',
    summary: 'Cancel my enrolment; the first on the waiting list gets the seat',
    tags,
    action: 'enrolment:own',
    params: ZId,
    response: ZCancelledEnrolment,
    writes: true,
    load: ({ db, actor, params }) => loadScoped(db, actor, competenceEnrolments, params.id),
    policyResource: ownEnrolment,
    handler: async ({ db, actor, resource: e, audit }) => {
      const { promoted } = await cancelEnrolment(db, actor, e);
      await audit({ action: 'competence.enrolment_cancelled', resourceType: 'competence_enrolment', resourceId: e.id, changes: { promoted } });
      return { id: e.id, status: 'cancelled' as const, promoted };
    },
  }),
  route({
    method: 'GET',
    url: '/competence/courses/:id/participants',
    summary: 'Participants, waiting list, attendance and completion',
    tags,
    action: 'course:manage',
    params: ZId,
    response: ZParticipants,
    load: ({ db, actor, params }) => loadScoped(db, actor, competenceCourses, params.id),
    policyResource: () => undefined,
    handler: ({ db, actor, resource: course }) => participants(db, actor, course),
  }),
  route({
    method: 'PATCH',
    url: '/competence/enrolments/:id',
    summary: 'Record attendance and completion',
    tags,
    action: 'enrolment:record',
    params: ZId,
    body: ZProgress,
    response: ZProgressRecorded,
    writes: true,
    load: ({ db, actor, params }) => enrolmentWithDepartment(db, actor, params.id),
    policyResource: (r) => ({ kind: 'competenceProgress' as const, departmentId: r.departmentId }),
    handler: async ({ db, actor, body, resource: { e }, audit }) => {
      const row = await recordProgress(db, actor, e, body);
      await audit({ action: 'competence.progress_recorded', resourceType: 'competence_enrolment', resourceId: e.id, changes: { ...body } });
      return { id: row.id, attended: row.attended, completed: row.completedAt !== null };
    },
  }),
  route({
    method: 'POST',
    url: '/competence/enrolments/:id/evaluation',
    summary: 'A short evaluation of a course I took',
    tags,
    action: 'enrolment:own',
    params: ZId,
    body: ZEvaluationInput,
    response: ZEvaluated,
    writes: true,
    load: ({ db, actor, params }) => loadScoped(db, actor, competenceEnrolments, params.id),
    policyResource: ownEnrolment,
    handler: async ({ db, actor, body, resource: e, audit }) => {
      await evaluateEnrolment(db, actor, e, body);
      await audit({ action: 'competence.course_evaluated', resourceType: 'competence_enrolment', resourceId: e.id });
      return { id: e.id, rating: body.rating };
    },
  }),
  route({
    method: 'GET',
    url: '/competence/courses/:id/evaluation',
    summary: 'Evaluation summary: mean rating and comments, each only from its anonymity threshold',
    tags,
    action: 'competence:aggregate',
    aggregate: true,
    params: ZId,
    response: ZEvaluationSummary,
    load: ({ db, actor, params }) => loadScoped(db, actor, competenceCourses, params.id),
    policyResource: () => undefined,
    handler: ({ db, actor, resource: course }) => evaluationSummary(db, actor.school.id, course),
  }),
];
