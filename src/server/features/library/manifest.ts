import { defineFeature } from '../../platform/feature';
import { sweepOrphans } from '../../platform/files/index';
import { fileRoutes } from './file-routes';
import { glossaryRoutes } from './glossary-routes';
import { libraryHome } from './home';
import { itemRoutes } from './item-routes';
import { networkRoutes } from './network-routes';
import { libraryPersonalData } from './personal-data';
import { ITEM_RESOURCE_ACTIONS, libraryRules } from './policy';
import { libraryFiles } from './storage';
import { workflowRoutes } from './workflow-routes';

export const libraryFeature = defineFeature({
  name: 'library',
  routes: [...itemRoutes, ...workflowRoutes, ...fileRoutes, ...glossaryRoutes, ...networkRoutes],
  rules: libraryRules,
  resourceActions: [...ITEM_RESOURCE_ACTIONS],
  personalData: libraryPersonalData,
  home: libraryHome,
  // files no row refers to (older than a day) and uploads a crash left behind: at start, then at every interval
  jobs: (deps) => [{ name: 'library.file_sweep', run: (now) => sweepOrphans(deps.database.db, deps.config, libraryFiles, now) }],
});
