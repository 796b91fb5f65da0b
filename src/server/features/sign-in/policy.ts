import { isAdmin } from '../../platform/policy-helpers';

/*
 * Sign-in providers (docs/sign-in.md, "Rights"): the school's administrator configures them. A
 * person's own links go by `account:self`, another person's by `person:update` on that person;
 * the public routes need no session.
 */
export const signInRules = {
  'signInProvider:manage': isAdmin,
};

type SignInRules = typeof signInRules;
declare module '../../platform/policy' {
  interface PolicyRules extends SignInRules {}
}
