import { defineFeature } from '../../platform/feature';
import { peopleRoutes } from './routes';
import { peopleRules } from './policy';

export const peopleFeature = defineFeature({
  name: 'people',
  routes: peopleRoutes,
  rules: peopleRules,
  resourceActions: ['person:read'],
});
