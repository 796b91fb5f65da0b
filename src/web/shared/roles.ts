import { SCHOOL_ROLES, type SchoolRole } from '../../shared/roles';

export { SCHOOL_ROLES };
export type { SchoolRole };

/** i18n key of a role's display name (Danish: "Administrator", "Afdelingsleder", …). */
export const roleKey = (role: string) => `roles.${role}`;
