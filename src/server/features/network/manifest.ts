import { defineFeature } from '../../platform/feature';
import { networkRoutes } from './routes';
import { networkRules } from './policy';

export const networkFeature = defineFeature({
  name: 'network',
  routes: networkRoutes,
  rules: networkRules,
});
