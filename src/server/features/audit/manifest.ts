import { defineFeature } from '../../platform/feature';
import { auditPersonalData } from './personal-data';
import { auditRoutes } from './routes';
import { auditRules } from './policy';

export const auditFeature = defineFeature({
  name: 'audit',
  routes: auditRoutes,
  rules: auditRules,
  personalData: auditPersonalData,
});
