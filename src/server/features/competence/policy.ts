import type { Actor } from '../../platform/actor';
import { hasRole, isMember, isStaff } from '../../platform/policy-helpers';

/**
 * Competence data about staff is personal data (GDPR). The person sees all of their own; the
 * nearest leader (department head of the person's department) sees individual levels only when the
 * school's setting allows it; everyone else sees aggregates only, never below the anonymity threshold.
 */
/** `staff`: whether the person is staff (a leader opens his staff's profiles, not a student's or a company supervisor's). */
export type ProfileResource = { kind: 'competenceProfile'; personId: string; departmentId: string | null; staff: boolean; leaderSeesIndividuals: boolean };
export type SettingResource = { kind: 'competenceSetting'; leaderSeesIndividuals: boolean };
export type StaffResource = { kind: 'competenceStaff'; personId: string; departmentId: string | null };
export type ContractResource = { kind: 'competenceContract'; personId: string; leaderPersonId: string };
export type RoundResource = { kind: 'competenceRound'; eligible: boolean };
export type EnrolmentResource = { kind: 'competenceEnrolment'; personId: string };
/** The departments a round is for (null: the whole school). */
export type RoundScopeResource = { kind: 'competenceRoundScope'; departmentIds: string[] | null };
/** An enrolment, by the department of the person enrolled. */
export type ProgressResource = { kind: 'competenceProgress'; departmentId: string | null };
/** A department of the school, as the one whose staff a leader leads. */
export type DepartmentResource = { kind: 'competenceDepartment'; departmentId: string | null };

const self = (a: Actor, personId: string) => a.person?.id === personId;
const headOf = (a: Actor, departmentId: string | null) => hasRole(a, 'department_head') && departmentId !== null && a.person?.departmentId === departmentId;

export const competenceRules = {
  /** Own profile, own self-assessment, the framework, own data export: staff and students (company supervisors have no competence mapping). */
  'competence:self': (a: Actor) => isStaff(a) || (isMember(a) && hasRole(a, 'student')),
  /** Answer a round: only staff the round includes (its departments; not students or company supervisors). */
  'competence:answer': (a: Actor, r?: RoundResource) => isMember(a) && r?.eligible === true,
  /** One person's individual levels. */
  'competence:profile': (a: Actor, r?: ProfileResource) => r !== undefined && (self(a, r.personId) || (r.staff && r.leaderSeesIndividuals && headOf(a, r.departmentId))),
  /** Anonymous aggregates (heatmap, completion, course evaluations). */
  'competence:aggregate': (a: Actor) => hasRole(a, 'school_admin', 'top_management', 'department_head', 'internal_consultant'),
  /** The level-0 list of the department head's own staff, when the setting allows individual levels. */
  'competence:levelZero': (a: Actor, r?: SettingResource) => r?.leaderSeesIndividuals === true && hasRole(a, 'department_head') && a.person?.departmentId != null,
  /** Leads the staff of a department (drafts their contracts, opens their profiles as far as the school allows): its department head. */
  'competence:leadDepartment': (a: Actor, r?: DepartmentResource) => r !== undefined && headOf(a, r.departmentId),
  /** Who has (not) completed mandatory courses and the onboarding track: names, no levels. */
  'competence:staffStatus': (a: Actor) => hasRole(a, 'school_admin', 'top_management', 'department_head'),
  'competence:frameworkManage': (a: Actor) => hasRole(a, 'school_admin', 'top_management', 'internal_consultant'),
  /**
   * Open, change, close and remind: administrators and top management any round; a department head
   * opens rounds for his own department (the route scopes a new round to it) and manages only rounds
   * that are for his department alone, never a school-wide round.
   */
  'competence:roundManage': (a: Actor, r?: RoundScopeResource) =>
    hasRole(a, 'school_admin', 'top_management') ||
    (hasRole(a, 'department_head') && (r === undefined || (r.departmentIds !== null && r.departmentIds.length > 0 && r.departmentIds.every((d) => d === a.person?.departmentId)))),
  'competence:settings': (a: Actor) => hasRole(a, 'school_admin', 'top_management'),
  'course:manage': (a: Actor) => hasRole(a, 'school_admin', 'top_management', 'department_head', 'internal_consultant'),
  /** The staff course catalogue and enrolling in it: staff only (students and company supervisors have their own). */
  'course:read': isStaff,
  'course:enrol': isStaff,
  /** Record attendance and completion: administrators and top management; a department head for his own staff. */
  'enrolment:record': (a: Actor, r?: ProgressResource) => r !== undefined && (hasRole(a, 'school_admin', 'top_management') || headOf(a, r.departmentId)),
  /** Evaluate or cancel one's own enrolment. */
  'enrolment:own': (a: Actor, r?: EnrolmentResource) => r !== undefined && self(a, r.personId),
  'contract:list': isStaff,
  /** A department head agrees contracts with the staff of his own department (not with himself). */
  'contract:create': (a: Actor, r?: StaffResource) => r !== undefined && !self(a, r.personId) && headOf(a, r.departmentId),
  'contract:read': (a: Actor, r?: ContractResource) => r !== undefined && (self(a, r.personId) || self(a, r.leaderPersonId)),
  'contract:update': (a: Actor, r?: ContractResource) => r !== undefined && self(a, r.leaderPersonId) && hasRole(a, 'department_head'),
  'contract:acknowledge': (a: Actor, r?: ContractResource) => r !== undefined && (self(a, r.personId) || self(a, r.leaderPersonId)),
  /** Only the person may export their own competence data. */
  'competence:exportOwn': (a: Actor, r?: ProfileResource) => r !== undefined && self(a, r.personId),
};

/** The actions that are decided on a resource; never listed among the actor's general abilities. */
export const competenceResourceActions = [
  'competence:answer',
  'competence:profile',
  'competence:levelZero',
  'competence:leadDepartment',
  'enrolment:own',
  'enrolment:record',
  'contract:create',
  'contract:read',
  'contract:update',
  'contract:acknowledge',
  'competence:exportOwn',
] as const;

/** The actions a contract's parties may take on it, sent with the contract. */
export const CONTRACT_ACTIONS = ['contract:update', 'contract:acknowledge'] as const;

/**
 * List scope beside the rules: how far a leader's competence work reaches. Administrators and top
 * management open rounds for, and see the staff status of, the whole school; a department head
 * only his own department.
 */
export const competenceScope = (actor: Actor): 'school' | { departmentId: string | null } =>
  hasRole(actor, 'school_admin', 'top_management') ? 'school' : { departmentId: actor.person?.departmentId ?? null };

type CompetenceRules = typeof competenceRules;
declare module '../../platform/policy' {
  interface PolicyRules extends CompetenceRules {}
}
