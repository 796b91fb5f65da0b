import type { Rule } from '../platform/policy-helpers';
import { strategyRules } from './strategy/policy';
import { competenceRules, exportRules } from './competence/policy';
import { libraryRules } from './library/policy';

/**
 * Each feature's policy rules, merged into the one policy module (platform/policy.ts).
 * A feature adds `export const <feature>Rules = { ... } satisfies Record<string, Rule>` in its
 * own policy.ts and one spread line here.
 */
export const featureRules = {
  ...strategyRules,
  ...competenceRules,
  ...exportRules,
  ...libraryRules,
} satisfies Record<string, Rule>;
