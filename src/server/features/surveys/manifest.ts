import { defineFeature } from '../../platform/feature';
import { answerRoutes } from './answer-routes';
import { surveysHome } from './home';
import { surveyJobs } from './jobs';
import { publicLinkRoutes } from './links-public-routes';
import { linkRoutes } from './links-routes';
import { networkRoutes } from './network-routes';
import { surveysPersonalData } from './personal-data';
import { surveyResourceActions, surveyRules } from './policy';
import { reportRoutes } from './report-routes';
import { roundRoutes } from './rounds-routes';
import { settingsRoutes } from './settings-routes';

export const surveysFeature = defineFeature({
  name: 'surveys',
  routes: [...settingsRoutes, ...roundRoutes, ...answerRoutes, ...linkRoutes, ...publicLinkRoutes, ...reportRoutes, ...networkRoutes],
  rules: surveyRules,
  resourceActions: [...surveyResourceActions],
  jobs: (deps) => surveyJobs(deps.database.db, deps.mailer),
  personalData: surveysPersonalData,
  home: surveysHome,
});
