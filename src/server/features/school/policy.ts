import type { Actor } from '../../platform/actor';
import { hasRole, isAdmin, isMember } from '../../platform/policy-helpers';

/** The school's own settings and its full export belong to the school administrator; members read it. */
export const schoolRules = {
  'school:read': isMember,
  /** The school's statistics (the Overblik: head counts per department): leaders and administrators, not every member. */
  'school:overview': (a: Actor) => hasRole(a, 'school_admin', 'top_management', 'department_head'),
  'school:update': isAdmin,
  'school:export': isAdmin,
};

type SchoolRules = typeof schoolRules;
declare module '../../platform/policy' {
  interface PolicyRules extends SchoolRules {}
}
