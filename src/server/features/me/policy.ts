/** Every signed-in account may see and manage itself (language, sessions, sign-out). */
export const meRules = { 'account:self': () => true };

type MeRules = typeof meRules;
declare module '../../platform/policy' {
  interface PolicyRules extends MeRules {}
}
