import { defineFeature } from '../../platform/feature';
import { sweepOrphans } from '../../platform/files/index';
import { companyRoutes } from './companies-routes';
import { goalRoutes } from './goals-routes';
import { offerRoutes } from './offers-routes';
import { internshipPersonalData } from './personal-data';
import { placementRoutes } from './placements-routes';
import { internshipResourceActions, internshipRules, logbookResourceActions, logbookRules } from './policy';
import { logbookStorage } from './logbook-files';
import { logbookRoutes } from './logbook-routes';
import { taskRoutes } from './tasks-routes';
import { studentDataRoutes } from './students-data-routes';

export const internshipFeature = defineFeature({
  name: 'internship',
  routes: [...companyRoutes, ...placementRoutes, ...goalRoutes, ...offerRoutes, ...studentDataRoutes, ...logbookRoutes, ...taskRoutes],
  rules: { ...internshipRules, ...logbookRules },
  resourceActions: [...internshipResourceActions, ...logbookResourceActions],
  personalData: internshipPersonalData,
  // photos and videos no row refers to any more (a process that died between commit and cleanup)
  jobs: (deps) => [{ name: 'internship.file_sweep', run: (now) => sweepOrphans(deps.database.db, deps.config, logbookStorage, now) }],
});
