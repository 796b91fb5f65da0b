import { isAdmin, isMember } from '../../platform/policy-helpers';

/** The school's own settings and its full export belong to the school administrator; members read it. */
export const schoolRules = {
  'school:read': isMember,
  'school:update': isAdmin,
  'school:export': isAdmin,
};

type SchoolRules = typeof schoolRules;
declare module '../../platform/policy' {
  interface PolicyRules extends SchoolRules {}
}
