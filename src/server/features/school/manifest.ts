import { defineFeature } from '../../platform/feature';
import { schoolRoutes } from './routes';
import { schoolRules } from './policy';

export const schoolFeature = defineFeature({
  name: 'school',
  routes: schoolRoutes,
  rules: schoolRules,
});
