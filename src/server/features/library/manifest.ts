import { defineFeature } from '../../platform/feature';
import { fileRoutes } from './file-routes';
import { glossaryRoutes } from './glossary-routes';
import { itemRoutes } from './item-routes';
import { networkRoutes } from './network-routes';
import { ITEM_RESOURCE_ACTIONS, libraryRules } from './policy';
import { workflowRoutes } from './workflow-routes';

export const libraryFeature = defineFeature({
  name: 'library',
  routes: [...itemRoutes, ...workflowRoutes, ...fileRoutes, ...glossaryRoutes, ...networkRoutes],
  rules: libraryRules,
  resourceActions: [...ITEM_RESOURCE_ACTIONS],
});
