import { defineFeature } from '../../platform/feature';
import { peopleRoutes } from './routes';
import { peopleRules } from './policy';

export const peopleFeature = defineFeature({
  name: 'people',
  routes: [],
  rules: peopleRules,
  legacy: peopleRoutes,
  resourceActions: ['person:read'],
});
