import { defineFeature } from '../../platform/feature';
import { importRoutes } from './routes';
import { importRules } from './policy';

export const importerFeature = defineFeature({
  name: 'importer',
  routes: importRoutes,
  rules: importRules,
});
