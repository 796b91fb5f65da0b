import type { Actor } from './actor';
import { forbidden } from './errors';
import type { AnyRule } from './policy-helpers';

/**
 * The one policy module (ARCHITECTURE rule 2). Deny by default: an action no feature declares is
 * allowed to nobody. The platform knows no feature: each feature's manifest hands its rules over
 * at start (`installRules`), and declares their types by merging into `PolicyRules` from its own
 * policy.ts:
 *
 *   declare module '../../platform/policy' { interface PolicyRules extends StrategyRules {} }
 *
 * so that `authorize(actor, 'initiative:update', resource)` checks that the resource has the type
 * the rule for that action takes.
 */
// oxlint-disable-next-line no-empty-interface -- filled by declaration merging in each feature's policy.ts
export interface PolicyRules {}

export type Action = keyof PolicyRules & string;
/** The resource type the rule for action A takes (undefined for rules that need none). */
export type ResourceOf<A extends Action> = A extends Action ? (PolicyRules[A] extends (actor: Actor, resource?: infer R) => boolean ? R : never) : never;

const installed = new Map<string, AnyRule>();

/** Hands the features' rules to the policy module; an action declared twice with different rules is refused. */
export function installRules(rules: Record<string, AnyRule>): void {
  for (const [action, rule] of Object.entries(rules)) {
    const known = installed.get(action);
    if (known && known !== rule) throw new Error(`policy action ${action} is declared by two features`);
    installed.set(action, rule);
  }
}

export const installedActions = (): Action[] => [...installed.keys()] as Action[];

export function can<A extends Action>(actor: Actor, action: A, resource?: ResourceOf<A>): boolean {
  const rule = installed.get(action) as ((actor: Actor, resource?: unknown) => boolean) | undefined;
  return rule ? rule(actor, resource) : false;
}

export function authorize<A extends Action>(actor: Actor, action: A, resource?: ResourceOf<A>): void {
  if (!can(actor, action, resource)) throw forbidden();
}

/** Which of these actions the actor may take on this resource: the one shape abilities reach the UI in. */
export function abilitiesOn<A extends Action>(actor: Actor, actions: readonly A[], resource?: ResourceOf<A>): A[] {
  return actions.filter((a) => can(actor, a, resource));
}

/** Actions that need a resource to decide; they are never listed as general abilities. */
const resourceOnly = new Set<string>();
export const requiresResource = (...actions: Action[]) => actions.forEach((a) => resourceOnly.add(a));

/** Actions the actor may take without a specific resource; sent to the UI (GET /me) so it never decides access. */
export function abilities(actor: Actor): Action[] {
  return installedActions().filter((a) => !resourceOnly.has(a) && can(actor, a));
}
