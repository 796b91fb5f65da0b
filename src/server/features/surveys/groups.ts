import type { SchoolRole } from '../../../shared/roles';
import { SURVEY_GROUP_KEYS, type TSurveyGroup } from '../../../shared/api/surveys';

/**
 * Which respondent group a signed-in person answers in, from their roles (docs/surveys.md): the
 * first group of SURVEY_GROUP_KEYS any of their roles belongs to. A school administrator with no
 * other role answers in no group.
 */
const ROLES_OF: Record<TSurveyGroup, readonly SchoolRole[]> = {
  leader: ['top_management', 'department_head'],
  teacher: ['teacher', 'internal_consultant', 'it_ambassador', 'editorial'],
  student: ['student'],
  supervisor: ['company_supervisor'],
};

export const groupOfRoles = (roles: readonly SchoolRole[]): TSurveyGroup | null => SURVEY_GROUP_KEYS.find((g) => ROLES_OF[g].some((r) => roles.includes(r))) ?? null;

/** The roles whose holders answer in this group (a person with an earlier group's role answers there instead). */
export const rolesOfGroup = (group: TSurveyGroup): readonly SchoolRole[] => ROLES_OF[group];

/** The groups that answer through a link when they have no account. */
export const LINK_GROUPS = ['student', 'supervisor'] as const satisfies readonly TSurveyGroup[];
export const isLinkGroup = (g: string): g is (typeof LINK_GROUPS)[number] => (LINK_GROUPS as readonly string[]).includes(g);
