import { defineFeature } from '../../platform/feature';
import { meRoutes } from './routes';
import { meRules } from './policy';

export const meFeature = defineFeature({
  name: 'me',
  routes: meRoutes,
  rules: meRules,
});
