import type { Actor } from '../../platform/actor';
import { hasRole, isMember } from '../../platform/policy-helpers';

/**
 * Selvevaluering (docs/surveys.md). The internal consultant, top management and the school
 * administrator open, run and close rounds; those a round asks answer it (signed in, or through a
 * link without an account: a public route with no policy action); leaders and the consultant read
 * the report of a closed round; those who create initiatives in the strategy turn a weak item into
 * one; the network coordinator sees the network benchmark, never a school's answers.
 */
/** A round as its respondent meets it: whether the actor's group and department are among those it asks. */
export type SurveyAnswerResource = { kind: 'surveyAnswer'; eligible: boolean };
/** The department an initiative made from a survey item belongs to (null: a central initiative). */
export type SurveyInitiativeResource = { kind: 'surveyInitiative'; departmentId: string | null };

const manages = (a: Actor) => hasRole(a, 'school_admin', 'top_management', 'internal_consultant');

export const surveyRules = {
  /** The questionnaire settings, own items, rounds, links, participation and reminders. */
  'survey:manage': manages,
  /** Answer a round signed in: only those whose group and department it asks. */
  'survey:answer': (a: Actor, r?: SurveyAnswerResource) => isMember(a) && r?.eligible === true,
  /** The report of a round (anonymous figures only, docs/ANONYMITY.md). */
  'surveyRound:report': (a: Actor) => hasRole(a, 'school_admin', 'top_management', 'department_head', 'internal_consultant'),
  /**
   * "Opret indsats" from an item: as `initiative:create` in the strategy, top management any
   * initiative, a department head one of his own department. Without a resource: may in general.
   */
  'surveyRound:createInitiative': (a: Actor, r?: SurveyInitiativeResource) =>
    hasRole(a, 'top_management') ||
    (hasRole(a, 'department_head') && a.person?.departmentId != null && (r === undefined || r.departmentId === a.person.departmentId)),
  /** The network's median and quartiles per area and participation per school (counts only). */
  'network:surveyBenchmark': (a: Actor) => a.network?.roles.includes('network_coordinator') === true,
};

/** The actions that are decided on a resource; never listed among the actor's general abilities. */
export const surveyResourceActions = ['survey:answer'] as const;

type SurveyRules = typeof surveyRules;
declare module '../../platform/policy' {
  interface PolicyRules extends SurveyRules {}
}
