import type { Actor } from '../../platform/actor';
import { hasRole, isMember, isStaff } from '../../platform/policy-helpers';

/**
 * Praktik (docs/internship.md, "Who sees what"). A student is seen by himself, his teachers (a
 * teacher sharing a team with him), the head of his department, top management and the
 * administrator, and by a praktikvejleder of a company he is placed with during the practice
 * period and SUPERVISOR_WINDOW_DAYS after its end. Companies and offers are for the school's staff.
 * The logbook and task rules below the marker reuse `InternshipStudentResource` and `studentScope`.
 */

/** A student as the internship rules see him, relative to the actor (features/internship/students-access.ts fills it in). */
export type InternshipStudentResource = {
  kind: 'internshipStudent';
  studentId: string;
  departmentId: string | null;
  /** The actor holds the teacher role and shares a team with the student. */
  teachesStudent: boolean;
  /** The actor is a supervisor of the company of one of the student's practice periods, today within its window. */
  supervisesStudent: boolean;
};

/** A company relative to the actor. */
export type CompanyResource = { kind: 'company'; companyId: string; supervisedByActor: boolean };

const top = (a: Actor) => hasRole(a, 'school_admin', 'top_management');
const head = (a: Actor) => hasRole(a, 'department_head') && a.person?.departmentId != null;
const headOf = (a: Actor, departmentId: string | null) => head(a) && departmentId !== null && a.person?.departmentId === departmentId;
const self = (a: Actor, r: InternshipStudentResource) => a.person !== null && a.person.id === r.studentId;
const teacherOf = (a: Actor, r: InternshipStudentResource) => hasRole(a, 'teacher') && r.teachesStudent;
const supervisorOf = (a: Actor, r: InternshipStudentResource) => hasRole(a, 'company_supervisor') && r.supervisesStudent;
/** Staff who work with students' placements: a teacher, a department head, top management, the administrator. */
const planners = (a: Actor) => hasRole(a, 'school_admin', 'top_management', 'department_head', 'teacher');

/** The student's school side: his teachers, the head of his department, top management and the administrator. */
export const schoolSeesStudent = (a: Actor, r: InternshipStudentResource) => top(a) || headOf(a, r.departmentId) || teacherOf(a, r);
/** Everyone who may open the student's internship pages (the logbook's readers too). */
export const seesStudent = (a: Actor, r: InternshipStudentResource) => self(a, r) || schoolSeesStudent(a, r) || supervisorOf(a, r);
/** Who follows the student's work and comments on it: his teachers, the head of his department, the current supervisor. */
export const followsStudent = (a: Actor, r: InternshipStudentResource) => teacherOf(a, r) || headOf(a, r.departmentId) || supervisorOf(a, r);

export const internshipRules = {
  /** The module's pages: what each member sees is scoped (studentScope). */
  'internship:read': isMember,
  /** Who is where in a week, per team. */
  'internship:timeline': planners,
  'company:list': isStaff,
  'company:read': (a: Actor, r?: CompanyResource) => isStaff(a) || (r !== undefined && hasRole(a, 'company_supervisor') && r.supervisedByActor),
  'company:manage': planners,
  'company:inviteSupervisor': (a: Actor) => hasRole(a, 'school_admin', 'top_management', 'department_head'),
  /** A programme's praktikmål and their overview. */
  'internshipGoals:read': isStaff,
  /** A programme's praktikmål (entered or imported) and the departments that run it. */
  'internshipProgramme:manage': (a: Actor) => hasRole(a, 'school_admin', 'top_management', 'department_head'),
  'internshipStudent:read': (a: Actor, r?: InternshipStudentResource) => r !== undefined && seesStudent(a, r),
  /** Placements and the student's programme. */
  'internshipStudent:plan': (a: Actor, r?: InternshipStudentResource) =>
    top(a) || (r === undefined ? head(a) || hasRole(a, 'teacher') : headOf(a, r.departmentId) || teacherOf(a, r)),
  'internshipStudent:setGoal': (a: Actor, r?: InternshipStudentResource) => r !== undefined && followsStudent(a, r),
  'internshipStudent:exportData': (a: Actor) => hasRole(a, 'school_admin'),
  'internshipStudent:eraseData': (a: Actor) => hasRole(a, 'school_admin'),
  'offer:list': isStaff,
  'offer:manage': (a: Actor) => hasRole(a, 'school_admin', 'top_management', 'department_head', 'teacher', 'internal_consultant'),
};

/** The actions that are decided on a resource; never listed among the actor's general abilities. */
export const internshipResourceActions = ['internshipStudent:read', 'internshipStudent:setGoal'] as const;

/**
 * List scope beside the rules: which students the actor sees. 'all' for top management and the
 * administrator; otherwise the union of the parts that are set (his own record, his department,
 * the students sharing a team with him as a teacher, the students in his companies' windows).
 */
export type StudentScope =
  | 'all'
  | { studentId: string | null; departmentId: string | null; teacherId: string | null; supervisorId: string | null };

export const studentScope = (a: Actor): StudentScope => {
  if (top(a)) return 'all';
  const person = a.person;
  return {
    studentId: person && hasRole(a, 'student') ? person.id : null,
    departmentId: head(a) ? (person?.departmentId ?? null) : null,
    teacherId: person && hasRole(a, 'teacher') ? person.id : null,
    supervisorId: person && hasRole(a, 'company_supervisor') ? person.id : null,
  };
};

type InternshipRules = typeof internshipRules;
declare module '../../platform/policy' {
  interface PolicyRules extends InternshipRules {}
}

/* ---------------------------------------------------------------- logbook and tasks */

/** A practice task relative to nothing but its teacher: he and the school's leadership read it whole. */
export type PracticeTaskResource = { kind: 'practiceTask'; createdBy: string };
/** One student's part of a task: the student as the rules see him, the task's teacher and the state. */
export type TaskAssignmentResource = { kind: 'taskAssignment'; student: InternshipStudentResource; taskCreatedBy: string; state: 'assigned' | 'answered' | 'confirmed' | 'done' };

export const logbookRules = {
  /** The logbook overview of the students the actor sees (a teacher: those sharing a team with him). */
  'logbook:overview': planners,
  /** A student's entries, their photos, videos and comments. */
  'logbookStudent:read': (a: Actor, r?: InternshipStudentResource) => r !== undefined && seesStudent(a, r),
  /** Only the student writes his own logbook. */
  'logbookStudent:write': (a: Actor, r?: InternshipStudentResource) => r !== undefined && hasRole(a, 'student') && self(a, r),
  /** The student, his teachers, the head of his department and the current supervisor comment. */
  'logbookStudent:comment': (a: Actor, r?: InternshipStudentResource) => r !== undefined && (self(a, r) || followsStudent(a, r)),
  'practiceTask:create': (a: Actor) => hasRole(a, 'teacher'),
  'practiceTask:list': (a: Actor) => hasRole(a, 'teacher'),
  'practiceTask:read': (a: Actor, r?: PracticeTaskResource) => r !== undefined && isMember(a) && (top(a) || (hasRole(a, 'teacher') && r.createdBy === a.person?.id)),
  /** The supervisor confirms an answered task of a student he supervises now. */
  'taskAssignment:confirm': (a: Actor, r?: TaskAssignmentResource) => r !== undefined && r.state === 'answered' && supervisorOf(a, r.student),
  /** The task's teacher or another teacher of the student gives feedback and marks it done once answered (or confirmed). */
  'taskAssignment:done': (a: Actor, r?: TaskAssignmentResource) =>
    r !== undefined && (r.state === 'answered' || r.state === 'confirmed') && hasRole(a, 'teacher') && (r.taskCreatedBy === a.person?.id || teacherOf(a, r.student)),
  'practiceTask:mine': (a: Actor) => hasRole(a, 'student'),
  'practiceTask:supervised': (a: Actor) => hasRole(a, 'company_supervisor'),
};

export const logbookResourceActions = [
  'logbookStudent:read',
  'logbookStudent:write',
  'logbookStudent:comment',
  'practiceTask:read',
  'taskAssignment:confirm',
  'taskAssignment:done',
] as const;

type LogbookRules = typeof logbookRules;
declare module '../../platform/policy' {
  interface PolicyRules extends LogbookRules {}
}
