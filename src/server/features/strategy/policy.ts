import type { Actor } from '../../platform/actor';
import { hasRole, isLeader, isStaff } from '../../platform/policy-helpers';

/**
 * Strategy rules (issue 3): top management edits the strategy and central items; department heads
 * edit their own department's items (their department comes from their person record); owners and
 * collaborators check in on their initiatives; staff read and comment. Students and company
 * supervisors do not see the school's internal strategy. The årshjul's rules (calendar:*) live here too.
 */
export type InitiativeResource = { kind: 'initiative'; level: 'central' | 'department'; departmentId: string | null; ownerId: string | null; collaboratorIds: string[] };
/** Something that belongs to the school as a whole (departmentId null) or to one department. */
export type DepartmentScoped = { kind: 'department_scoped'; departmentId: string | null };
export type FeedResource = { kind: 'calendar_feed'; createdBy: string | null };

const top = (a: Actor) => hasRole(a, 'top_management');
const head = (a: Actor) => hasRole(a, 'department_head') && a.person?.departmentId != null;
const ownDept = (a: Actor, departmentId: string | null) => departmentId !== null && a.person?.departmentId === departmentId;

/** Top management any initiative; a department head only his own department's. Without a resource: may in general. */
const leadsInitiative = (a: Actor, r?: InitiativeResource) => {
  if (top(a)) return true;
  if (!head(a)) return false;
  return r === undefined || (r.level === 'department' && ownDept(a, r.departmentId));
};
/** Top management anything of the school; a department head only things of his own department. Without a resource: may in general. */
const leadsDepartment = (a: Actor, r?: DepartmentScoped) => top(a) || (head(a) && (r === undefined || ownDept(a, r.departmentId)));
const ownsInitiative = (a: Actor, r?: InitiativeResource) => r !== undefined && isStaff(a) && a.person !== null && r.ownerId === a.person.id;

export const strategyRules = {
  'strategy:read': isStaff,
  'strategy:manage': top,
  'strategy:overview': isLeader,
  'strategy:export': isLeader,
  'initiative:create': leadsInitiative,
  'initiative:update': leadsInitiative,
  'initiative:checkin': (a: Actor, r?: InitiativeResource) =>
    leadsInitiative(a, r) || ownsInitiative(a, r) || (r !== undefined && isStaff(a) && a.person !== null && r.collaboratorIds.includes(a.person.id)),
  'initiative:setStatus': (a: Actor, r?: InitiativeResource) => leadsInitiative(a, r) || ownsInitiative(a, r),
  'initiative:comment': isStaff,
  'decision:create': leadsDepartment,
  'ambassador:manage': leadsDepartment,
  'calendar:read': isStaff,
  'calendar:manage': leadsDepartment,
  /** Anyone on the staff subscribes; a subscription is revoked by its creator or by top management. */
  'calendar:subscribe': (a: Actor, r?: FeedResource) => isStaff(a) && (r === undefined || top(a) || r.createdBy === a.accountId),
};

/** List scope beside the rules: whose overdue follow-ups concern the actor (top management all; a department head also his department's). */
export const attentionScope = (a: Actor): 'all' | { ownerId: string | null; departmentId: string | null } =>
  top(a) ? 'all' : { ownerId: a.person?.id ?? null, departmentId: head(a) ? (a.person?.departmentId ?? null) : null };

/** List scope beside the rules: whose calendar subscriptions the actor sees (top management all of the school's). */
export const feedScope = (a: Actor): 'all' | { createdBy: string } => (top(a) ? 'all' : { createdBy: a.accountId });

type StrategyRules = typeof strategyRules;
declare module '../../platform/policy' {
  interface PolicyRules extends StrategyRules {}
}
