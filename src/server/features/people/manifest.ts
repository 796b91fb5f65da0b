import { defineFeature } from '../../platform/feature';
import { personalDataRoutes } from './data-routes';
import { peoplePersonalData } from './personal-data';
import { peopleRoutes } from './routes';
import { peopleRules } from './policy';

export const peopleFeature = defineFeature({
  name: 'people',
  routes: [...peopleRoutes, ...personalDataRoutes],
  rules: peopleRules,
  resourceActions: ['person:read', 'person:exportData', 'person:erase'],
  personalData: peoplePersonalData,
});
