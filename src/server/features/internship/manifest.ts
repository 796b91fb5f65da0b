import { defineFeature } from '../../platform/feature';
import { companyRoutes } from './companies-routes';
import { goalRoutes } from './goals-routes';
import { offerRoutes } from './offers-routes';
import { internshipPersonalData } from './personal-data';
import { placementRoutes } from './placements-routes';
import { internshipResourceActions, internshipRules, logbookResourceActions, logbookRules } from './policy';
import { logbookRoutes } from './logbook-routes';
import { taskRoutes } from './tasks-routes';
import { studentDataRoutes } from './students-data-routes';

export const internshipFeature = defineFeature({
  name: 'internship',
  routes: [...companyRoutes, ...placementRoutes, ...goalRoutes, ...offerRoutes, ...studentDataRoutes, ...logbookRoutes, ...taskRoutes],
  rules: { ...internshipRules, ...logbookRules },
  resourceActions: [...internshipResourceActions, ...logbookResourceActions],
  personalData: internshipPersonalData,
});
