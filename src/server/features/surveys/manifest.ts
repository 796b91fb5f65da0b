import { defineFeature } from '../../platform/feature';
import { answerRoutes } from './answer-routes';
import { surveyJobs } from './jobs';
import { surveyResourceActions, surveyRules } from './policy';
import { roundRoutes } from './rounds-routes';
import { settingsRoutes } from './settings-routes';

export const surveysFeature = defineFeature({
  name: 'surveys',
  routes: [...settingsRoutes, ...roundRoutes, ...answerRoutes],
  rules: surveyRules,
  resourceActions: [...surveyResourceActions],
  jobs: (deps) => surveyJobs(deps.database.db, deps.mailer),
});
