import { isAdmin } from '../../platform/policy-helpers';

export const importRules = { 'people:import': isAdmin };

type ImportRules = typeof importRules;
declare module '../../platform/policy' {
  interface PolicyRules extends ImportRules {}
}
