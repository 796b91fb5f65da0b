import { defineFeature } from '../../platform/feature';
import { strategyRoutes } from './routes';
import { strategyRules } from './policy';

export const strategyFeature = defineFeature({
  name: 'strategy',
  routes: [],
  rules: strategyRules,
  legacy: strategyRoutes,
});
