import { defineFeature } from '../../platform/feature';
import { myDataRoutes } from './data-routes';
import { meRoutes } from './routes';
import { meRules } from './policy';

export const meFeature = defineFeature({
  name: 'me',
  routes: [...meRoutes, ...myDataRoutes],
  rules: meRules,
});
