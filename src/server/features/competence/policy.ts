import type { Actor } from '../../platform/actor';
import { hasRole as has, isMember as member, type Rule } from '../../platform/policy-helpers';

/**
 * Competence data about staff is personal data (GDPR). The person sees all of their own; the
 * nearest leader (department head of the person's department) sees individual levels only when the
 * school's setting allows it; everyone else sees aggregates only, never below 5 persons.
 */
export type ProfileResource = { kind: 'competenceProfile'; personId: string; departmentId: string | null; leaderSeesIndividuals: boolean };
export type SettingResource = { kind: 'competenceSetting'; leaderSeesIndividuals: boolean };
export type StaffResource = { kind: 'competenceStaff'; personId: string; departmentId: string | null };
export type ContractResource = { kind: 'competenceContract'; personId: string; leaderPersonId: string };
export type RoundResource = { kind: 'competenceRound'; eligible: boolean };
export type EnrolmentResource = { kind: 'competenceEnrolment'; personId: string };

const is = <T extends { kind: string }>(kind: T['kind']) => (r: object | undefined): r is T => (r as { kind?: string } | undefined)?.kind === kind;
const isProfile = is<ProfileResource>('competenceProfile');
const isSetting = is<SettingResource>('competenceSetting');
const isStaff = is<StaffResource>('competenceStaff');
const isContract = is<ContractResource>('competenceContract');
const isEnrolment = is<EnrolmentResource>('competenceEnrolment');
const isRound = is<RoundResource>('competenceRound');

const self = (a: Actor, personId: string) => a.person?.id === personId;
const headOf = (a: Actor, departmentId: string | null) => has(a, 'department_head') && departmentId !== null && a.person?.departmentId === departmentId;

export const competenceRules = {
  /** Own profile, own self-assessment, the framework, the course catalogue, own data export. */
  'competence:self': member,
  /** Answer a round: only staff the round includes (its departments; not students or company supervisors). */
  'competence:answer': (a, r) => member(a) && isRound(r) && r.eligible,
  /** One person's individual levels. */
  'competence:profile': (a, r) => isProfile(r) && (self(a, r.personId) || (r.leaderSeesIndividuals && headOf(a, r.departmentId))),
  /** Anonymous aggregates (heatmap, completion, course evaluations). */
  'competence:aggregate': (a) => has(a, 'school_admin', 'top_management', 'department_head', 'internal_consultant'),
  /** The level-0 list of the department head's own staff, when the setting allows individual levels. */
  'competence:levelZero': (a, r) => isSetting(r) && r.leaderSeesIndividuals && has(a, 'department_head') && a.person?.departmentId != null,
  /** Who has (not) completed mandatory courses and the onboarding track: names, no levels. */
  'competence:staffStatus': (a) => has(a, 'school_admin', 'top_management', 'department_head'),
  'competence:frameworkManage': (a) => has(a, 'school_admin', 'top_management', 'internal_consultant'),
  'competence:roundManage': (a) => has(a, 'school_admin', 'top_management', 'department_head'),
  'competence:settings': (a) => has(a, 'school_admin', 'top_management'),
  'course:manage': (a) => has(a, 'school_admin', 'top_management', 'department_head', 'internal_consultant'),
  'course:enrol': member,
  /** Evaluate or cancel one's own enrolment. */
  'enrolment:own': (a, r) => isEnrolment(r) && self(a, r.personId),
  'contract:list': member,
  /** A department head agrees contracts with the staff of his own department (not with himself). */
  'contract:create': (a, r) => isStaff(r) && !self(a, r.personId) && headOf(a, r.departmentId),
  'contract:read': (a, r) => isContract(r) && (self(a, r.personId) || self(a, r.leaderPersonId)),
  'contract:update': (a, r) => isContract(r) && self(a, r.leaderPersonId) && has(a, 'department_head'),
  'contract:acknowledge': (a, r) => isContract(r) && (self(a, r.personId) || self(a, r.leaderPersonId)),
} satisfies Record<string, Rule>;

/** Only the person may export their own competence data. */
export const exportRules = {
  'competence:exportOwn': (a, r) => isProfile(r) && self(a, r.personId),
} satisfies Record<string, Rule>;

type CompetenceRules = typeof competenceRules & typeof exportRules;
declare module '../../platform/policy' {
  interface PolicyRules extends CompetenceRules {}
}
