import { defineFeature } from '../../platform/feature';
import { companyRoutes } from './companies-routes';
import { goalRoutes } from './goals-routes';
import { offerRoutes } from './offers-routes';
import { internshipPersonalData } from './personal-data';
import { placementRoutes } from './placements-routes';
import { internshipResourceActions, internshipRules } from './policy';
import { studentDataRoutes } from './students-data-routes';

export const internshipFeature = defineFeature({
  name: 'internship',
  routes: [...companyRoutes, ...placementRoutes, ...goalRoutes, ...offerRoutes, ...studentDataRoutes],
  rules: internshipRules,
  resourceActions: [...internshipResourceActions],
  personalData: internshipPersonalData,
});
