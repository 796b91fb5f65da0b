import { STAFF_ROLES, type SchoolRole } from '../../shared/roles';
import type { Actor } from './actor';

/** A policy rule: may this actor take the action (on this already school-scoped resource)? */
export type Rule<R = object> = (actor: Actor, resource?: R) => boolean;
/** Any rule, whatever resource it takes: what a feature's rule table is checked against. */
export type AnyRule = (actor: Actor, resource?: never) => boolean;

export const hasRole = (actor: Actor, ...roles: readonly SchoolRole[]) => actor.school !== null && roles.some((r) => actor.roles.includes(r));
export const isMember = (actor: Actor) => actor.school !== null && actor.person !== null;
export const isAdmin: Rule = (a) => hasRole(a, 'school_admin');
export const isLeader = (a: Actor) => hasRole(a, 'top_management', 'department_head');
/** Staff of the school: every school role except students and company supervisors. */
export const isStaff = (a: Actor) => a.person !== null && hasRole(a, ...STAFF_ROLES);

/** A type guard for a policy resource by its `kind`. */
export const isKind =
  <T extends { kind: string }>(kind: T['kind']) =>
  (r: unknown): r is T =>
    typeof r === 'object' && r !== null && (r as { kind?: unknown }).kind === kind;
