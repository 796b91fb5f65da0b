import { isAdmin, isMember } from '../../platform/policy-helpers';

/** Departments, programmes and teams: every member reads them, the administrator manages them. */
export const orgRules = {
  'org:read': isMember,
  'org:manage': isAdmin,
};

type OrgRules = typeof orgRules;
declare module '../../platform/policy' {
  interface PolicyRules extends OrgRules {}
}
