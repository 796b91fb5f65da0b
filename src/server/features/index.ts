import type { Feature } from '../platform/feature';
import type { AppDeps } from '../platform/deps';
import type { Job } from '../platform/scheduler';
import { auditFeature } from './audit/manifest';
import { authFeature } from './auth/manifest';
import { calendarFeature } from './calendar/manifest';
import { competenceFeature } from './competence/manifest';
import { dialogueFeature } from './dialogue/manifest';
import { eventsFeature } from './events/manifest';
import { homeFeature } from './home/manifest';
import { importerFeature } from './importer/manifest';
import { internshipFeature } from './internship/manifest';
import { libraryFeature } from './library/manifest';
import { meFeature } from './me/manifest';
import { networkFeature } from './network/manifest';
import { orgFeature } from './org/manifest';
import { peopleFeature } from './people/manifest';
import { schoolFeature } from './school/manifest';
import { signInFeature } from './sign-in/manifest';
import { strategyFeature } from './strategy/manifest';
import { surveysFeature } from './surveys/manifest';

/** Every feature, once: its routes, rules, jobs and personal-data hooks come from its manifest. */
export const features: readonly Feature[] = [
  authFeature,
  meFeature,
  schoolFeature,
  orgFeature,
  peopleFeature,
  importerFeature,
  auditFeature,
  networkFeature,
  strategyFeature,
  calendarFeature,
  competenceFeature,
  libraryFeature,
  surveysFeature,
  dialogueFeature,
  internshipFeature,
  eventsFeature,
  signInFeature,
  // asks the features above for their part of each person's home page (their `home` hooks)
  homeFeature(() => features),
];

/** Every feature's background jobs, run by the scheduler in the server process (JOBS_INTERVAL_MINUTES). */
export const featureJobs = (deps: AppDeps): Job[] => features.flatMap((f) => f.jobs?.(deps) ?? []);
