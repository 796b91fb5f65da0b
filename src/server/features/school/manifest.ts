import { defineFeature } from '../../platform/feature';
import { retentionRoutes } from './retention-routes';
import { schoolRoutes } from './routes';
import { schoolRules } from './policy';

export const schoolFeature = defineFeature({
  name: 'school',
  routes: [...schoolRoutes, ...retentionRoutes],
  rules: schoolRules,
});
