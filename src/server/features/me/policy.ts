import type { Actor } from '../../platform/actor';
import { isMember } from '../../platform/policy-helpers';

/** Every signed-in account may see and manage itself (language, sessions, sign-out); a member of a school downloads its data there. */
export const meRules = { 'account:self': () => true, 'account:exportData': (a: Actor) => isMember(a) };

type MeRules = typeof meRules;
declare module '../../platform/policy' {
  interface PolicyRules extends MeRules {}
}
