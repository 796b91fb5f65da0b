import { defineFeature } from '../../platform/feature';
import { competenceRoutes } from './routes';
import { competenceJobs } from './jobs';
import { competenceRules, exportRules } from './policy';

export const competenceFeature = defineFeature({
  name: 'competence',
  routes: [],
  rules: { ...competenceRules, ...exportRules },
  legacy: competenceRoutes,
  jobs: (deps) => competenceJobs(deps.database.db, deps.mailer),
});
