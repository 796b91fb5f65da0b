import { defineFeature } from '../../platform/feature';
import { libraryRoutes } from './routes';
import { libraryRules } from './policy';

export const libraryFeature = defineFeature({
  name: 'library',
  routes: [],
  rules: libraryRules,
  legacy: libraryRoutes,
});
