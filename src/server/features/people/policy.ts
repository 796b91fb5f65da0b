import type { Actor } from '../../platform/actor';
import { hasRole, isAdmin } from '../../platform/policy-helpers';

/** A person of the school as the policy sees it. */
export type PersonResource = { kind: 'person'; id: string; departmentId: string | null; accountId: string | null };
/** A person's row as routes load it. */
export type PersonRecord = { id: string; departmentId: string | null; accountId: string | null };

export const asPersonResource = (p: PersonRecord): PersonResource => ({ kind: 'person', id: p.id, departmentId: p.departmentId, accountId: p.accountId });

const leadsAll = (a: Actor) => hasRole(a, 'school_admin', 'top_management');

/** The administrator manages people; leaders list them (a department head his own department); everyone reads themself. */
export const peopleRules = {
  'people:list': (a: Actor) => hasRole(a, 'school_admin', 'top_management', 'department_head'),
  'person:read': (a: Actor, r?: PersonResource) => {
    if (!r) return false;
    if (leadsAll(a)) return true;
    if (a.person?.id === r.id) return true;
    return hasRole(a, 'department_head') && a.person?.departmentId != null && a.person.departmentId === r.departmentId;
  },
  'person:create': isAdmin,
  // The administrator manages every person of the school; the person decides nothing here.
  'person:update': (a: Actor, _person?: PersonResource) => isAdmin(a),
  'person:assignRoles': (a: Actor, _person?: PersonResource) => isAdmin(a),
  'person:invite': (a: Actor, _person?: PersonResource) => isAdmin(a),
  // A person's data from every module (docs/PRIVACY.md): the administrator exports and erases it for the school.
  'person:exportData': (a: Actor, _person?: PersonResource) => isAdmin(a),
  'person:erase': (a: Actor, _person?: PersonResource) => isAdmin(a),
};

/** List scope beside the rules: whose records the actor may list (a department head only his department's). */
export const peopleScope = (actor: Actor): { departmentId: string | null } | 'all' =>
  leadsAll(actor) ? 'all' : { departmentId: actor.person?.departmentId ?? null };

type PeopleRules = typeof peopleRules;
declare module '../../platform/policy' {
  interface PolicyRules extends PeopleRules {}
}
