import { isMember } from '../../platform/policy-helpers';

/** "Min side" is every member's own: what the features put on it is scoped by the actor and their rules. */
export const homeRules = { 'home:read': isMember };

type HomeRules = typeof homeRules;
declare module '../../platform/policy' {
  interface PolicyRules extends HomeRules {}
}
