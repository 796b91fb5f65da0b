import { defineFeature } from '../../platform/feature';
import { contractRoutes } from './contracts-routes';
import { courseRoutes } from './courses-routes';
import { exchangeRoutes } from './exchange-routes';
import { competenceHome } from './home';
import { competenceJobs } from './jobs';
import { competencePersonalData } from './personal-data';
import { retentionJob } from './retention';
import { competenceResourceActions, competenceRules } from './policy';
import { roundRoutes } from './rounds-routes';
import { competenceRoutes } from './routes';

export const competenceFeature = defineFeature({
  name: 'competence',
  routes: [...competenceRoutes, ...roundRoutes, ...courseRoutes, ...contractRoutes, ...exchangeRoutes],
  rules: competenceRules,
  resourceActions: [...competenceResourceActions],
  jobs: (deps) => [...competenceJobs(deps.database.db, deps.mailer), retentionJob(deps.database.db)],
  personalData: competencePersonalData,
  home: competenceHome,
});
