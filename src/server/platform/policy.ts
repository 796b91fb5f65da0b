import type { Actor } from './actor';
import { forbidden } from './errors';
import { hasRole as has, isAdmin as admin, isMember as member, type Rule } from './policy-helpers';
import { featureRules } from '../features/policies';

/**
 * The one policy module (ARCHITECTURE rule 2). Deny by default: an action not listed here is
 * allowed to nobody. Resource rules receive the already school-scoped resource.
 */
export type PersonResource = { kind: 'person'; id: string; departmentId: string | null; accountId: string | null };
const isPerson = (r: object | undefined): r is PersonResource => (r as { kind?: string } | undefined)?.kind === 'person';

const coreRules = {
  'school:read': member,
  'school:update': admin,
  'school:export': admin,
  'org:read': member,
  'org:manage': admin,
  'people:list': (a) => has(a, 'school_admin', 'top_management', 'department_head'),
  'person:read': (a, r) => {
    if (!isPerson(r)) return false;
    if (has(a, 'school_admin', 'top_management')) return true;
    if (a.person?.id === r.id) return true;
    return has(a, 'department_head') && a.person?.departmentId != null && a.person.departmentId === r.departmentId;
  },
  'person:create': admin,
  'person:update': admin,
  'person:assignRoles': admin,
  'person:invite': admin,
  'people:import': admin,
  'audit:read': admin,
  'network:read': (a) => a.network?.roles.includes('network_coordinator') === true,
  'account:self': () => true,
} satisfies Record<string, Rule>;

export const rules = { ...coreRules, ...featureRules };

export type Action = keyof typeof rules;
export const ACTIONS = Object.keys(rules) as Action[];

export function can(actor: Actor, action: Action, resource?: object): boolean {
  const rule: Rule | undefined = (rules as Record<string, Rule>)[action];
  return rule ? rule(actor, resource) : false;
}

export function authorize(actor: Actor, action: Action, resource?: object): void {
  if (!can(actor, action, resource)) throw forbidden();
}

/** Actions the actor may take without a specific resource; sent to the UI so it never decides access. */
export function abilities(actor: Actor): Action[] {
  return ACTIONS.filter((a) => a !== 'person:read' && can(actor, a));
}

/** Whether a department head's view of people is limited to their department. */
export const peopleScope = (actor: Actor): { departmentId: string | null } | 'all' =>
  has(actor, 'school_admin', 'top_management') ? 'all' : { departmentId: actor.person?.departmentId ?? null };
