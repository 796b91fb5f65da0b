import type { Actor } from '../../platform/actor';
import { hasRole, isLeader, type Rule } from '../../platform/policy-helpers';

/**
 * Strategy rules (issue 3): top management edits the strategy and central items; department heads
 * edit their own department's items (their department comes from their person record); owners and
 * collaborators check in on their initiatives; staff read and comment. Students and company
 * supervisors do not see the school's internal strategy.
 */
export type InitiativeResource = { kind: 'initiative'; level: 'central' | 'department'; departmentId: string | null; ownerId: string | null; collaboratorIds: string[] };
/** Something that belongs to the school as a whole (departmentId null) or to one department. */
export type DepartmentScoped = { kind: 'department_scoped'; departmentId: string | null };
export type FeedResource = { kind: 'calendar_feed'; createdBy: string | null };

const isInitiative = (r: object | undefined): r is InitiativeResource => (r as { kind?: string } | undefined)?.kind === 'initiative';
const isScoped = (r: object | undefined): r is DepartmentScoped => (r as { kind?: string } | undefined)?.kind === 'department_scoped';
const isFeed = (r: object | undefined): r is FeedResource => (r as { kind?: string } | undefined)?.kind === 'calendar_feed';

export const isStaff = (a: Actor) =>
  a.person !== null && hasRole(a, 'school_admin', 'top_management', 'department_head', 'teacher', 'it_ambassador', 'editorial', 'internal_consultant');
const top = (a: Actor) => hasRole(a, 'top_management');
const head = (a: Actor) => hasRole(a, 'department_head') && a.person?.departmentId != null;
const ownDept = (a: Actor, departmentId: string | null) => departmentId !== null && a.person?.departmentId === departmentId;

/** Top management anything; a department head only things of their own department. Without a resource: may in general. */
const deptLeader: Rule = (a, r) => {
  if (top(a)) return true;
  if (!head(a)) return false;
  if (r === undefined) return true;
  if (isInitiative(r)) return r.level === 'department' && ownDept(a, r.departmentId);
  if (isScoped(r)) return ownDept(a, r.departmentId);
  return false;
};

export const strategyRules = {
  'strategy:read': isStaff,
  'strategy:manage': top,
  'strategy:overview': (a) => isLeader(a),
  'strategy:export': (a) => isLeader(a),
  'initiative:create': deptLeader,
  'initiative:update': deptLeader,
  'initiative:checkin': (a, r) => {
    if (deptLeader(a, r)) return true;
    if (!isInitiative(r) || !isStaff(a) || !a.person) return false;
    return r.ownerId === a.person.id || r.collaboratorIds.includes(a.person.id);
  },
  'initiative:setStatus': (a, r) => deptLeader(a, r) || (isInitiative(r) && isStaff(a) && a.person !== null && r.ownerId === a.person.id),
  'initiative:comment': isStaff,
  'decision:create': deptLeader,
  'ambassador:manage': deptLeader,
  'calendar:read': isStaff,
  'calendar:manage': deptLeader,
  'calendar:subscribe': (a, r) => {
    if (!isStaff(a)) return false;
    if (r === undefined || !isFeed(r)) return r === undefined;
    return top(a) || r.createdBy === a.accountId;
  },
} satisfies Record<string, Rule>;

type StrategyRules = typeof strategyRules;
declare module '../../platform/policy' {
  interface PolicyRules extends StrategyRules {}
}
