/** Roles a person can hold in a school (DOMAIN.md). The network coordinator sits on the network. */
export const SCHOOL_ROLES = [
  'school_admin',
  'top_management',
  'department_head',
  'teacher',
  'it_ambassador',
  'editorial',
  'internal_consultant',
  'student',
  'company_supervisor',
] as const;
export type SchoolRole = (typeof SCHOOL_ROLES)[number];

export const NETWORK_ROLES = ['network_coordinator'] as const;
export type NetworkRole = (typeof NETWORK_ROLES)[number];

export type Role = SchoolRole | NetworkRole;

/** Staff: every school role except students and company supervisors. */
export const STAFF_ROLES = SCHOOL_ROLES.filter((r): r is Exclude<SchoolRole, 'student' | 'company_supervisor'> => r !== 'student' && r !== 'company_supervisor');
