import type { Actor } from '../../platform/actor';
import { hasRole, isMember } from '../../platform/policy-helpers';

/**
 * Spændingsfelter (docs/dialogue.md, "Rights"). Top management and the internal consultant create
 * and facilitate any session; a department head his own department's sessions and those he
 * created. The administrator, top management and the internal consultant edit the school's pairs
 * and boundary texts. Results are read by those who may facilitate; "Træf beslutning" follows
 * `decision:create` (top management; a department head for his own department). An asynchronous
 * session is answered by the members of its audience. Live participants have no account: they
 * use public routes with a participant token and no policy action.
 */
export type DialogueSessionResource = {
  kind: 'dialogueSession';
  departmentId: string | null;
  createdBy: string | null;
  /** The actor is in the audience of this (asynchronous) session. */
  audienceMember: boolean;
};
/** A session about to be created: the department it is for. */
export type DialogueNewSessionResource = { kind: 'dialogueNewSession'; departmentId: string | null };

const top = (a: Actor) => hasRole(a, 'top_management');
const consultant = (a: Actor) => hasRole(a, 'internal_consultant');
const head = (a: Actor) => hasRole(a, 'department_head') && a.person?.departmentId != null;
const headOf = (a: Actor, departmentId: string | null) => head(a) && departmentId !== null && a.person?.departmentId === departmentId;

/** Top management and the consultant any session; a head his department's or his own. Without a resource: may in general. */
const facilitates = (a: Actor, r?: DialogueSessionResource) =>
  top(a) || consultant(a) || (head(a) && (r === undefined || headOf(a, r.departmentId) || (r.createdBy !== null && r.createdBy === a.person?.id)));

export const dialogueRules = {
  /** The module's pages: every member sees what concerns them (sessions they facilitate or are asked to answer). */
  'dialogue:read': isMember,
  'dialogue:manageTemplates': (a: Actor) => hasRole(a, 'school_admin', 'top_management', 'internal_consultant'),
  'dialogueSession:create': (a: Actor, r?: DialogueNewSessionResource) => top(a) || consultant(a) || (head(a) && (r === undefined || headOf(a, r.departmentId))),
  /** A session's page: its facilitators, and the audience of an asynchronous one. */
  'dialogueSession:read': (a: Actor, r?: DialogueSessionResource) => facilitates(a, r) || (r !== undefined && isMember(a) && r.audienceMember),
  'dialogueSession:facilitate': facilitates,
  'dialogueSession:answer': (a: Actor, r?: DialogueSessionResource) => r !== undefined && isMember(a) && r.audienceMember,
  'dialogueSession:results': facilitates,
  /** As `decision:create`: top management; a department head for his own department. */
  'dialogueSession:decide': (a: Actor, r?: DialogueSessionResource) => top(a) || (head(a) && (r === undefined || headOf(a, r.departmentId))),
};

/** The actions that are decided on a resource; never listed among the actor's general abilities. */
export const dialogueResourceActions = ['dialogueSession:read', 'dialogueSession:answer'] as const;

/** List scope beside the rules: which sessions the actor sees as a facilitator ('all', a head's, or none). */
export const facilitateScope = (a: Actor): 'all' | { departmentId: string | null; createdBy: string } | null => {
  if (top(a) || consultant(a)) return 'all';
  if (head(a) && a.person) return { departmentId: a.person.departmentId, createdBy: a.person.id };
  return null;
};

type DialogueRules = typeof dialogueRules;
declare module '../../platform/policy' {
  interface PolicyRules extends DialogueRules {}
}
