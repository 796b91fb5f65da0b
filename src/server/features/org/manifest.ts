import { defineFeature } from '../../platform/feature';
import { orgRoutes } from './routes';
import { orgRules } from './policy';

export const orgFeature = defineFeature({
  name: 'org',
  routes: orgRoutes,
  rules: orgRules,
});
