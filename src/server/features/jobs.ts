import type { AppDeps } from '../app';
import type { Job } from '../platform/scheduler';
import { competenceJobs } from './competence/jobs';

/** Every feature's background jobs, run by the scheduler in the server process (JOBS_INTERVAL_MINUTES). */
export function featureJobs(deps: AppDeps): Job[] {
  return [...competenceJobs(deps.database.db, deps.mailer)];
}
