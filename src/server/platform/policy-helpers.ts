import type { SchoolRole } from '../../shared/roles';
import type { Actor } from './actor';

/** A policy rule: may this actor take the action (on this already school-scoped resource)? */
export type Rule = (actor: Actor, resource?: object) => boolean;

export const hasRole = (actor: Actor, ...roles: SchoolRole[]) => actor.school !== null && roles.some((r) => actor.roles.includes(r));
export const isMember = (actor: Actor) => actor.school !== null && actor.person !== null;
export const isAdmin: Rule = (a) => hasRole(a, 'school_admin');
export const isLeader = (a: Actor) => hasRole(a, 'top_management', 'department_head');
