import { isAdmin } from '../../platform/policy-helpers';

export const auditRules = { 'audit:read': isAdmin };

type AuditRules = typeof auditRules;
declare module '../../platform/policy' {
  interface PolicyRules extends AuditRules {}
}
