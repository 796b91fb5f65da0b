import type { WebFeature } from '../app/feature';
import { accountFeature } from './account/manifest';
import { auditFeature } from './audit/manifest';
import { authFeature } from './auth/manifest';
import { competenceFeature } from './competence/manifest';
import { dialogueFeature } from './dialogue/manifest';
import { eventsFeature } from './events/manifest';
import { homeFeature } from './home/manifest';
import { importerFeature } from './importer/manifest';
import { internshipFeature } from './internship/manifest';
import { libraryFeature } from './library/manifest';
import { networkFeature } from './network/manifest';
import { orgFeature } from './org/manifest';
import { overviewFeature } from './overview/manifest';
import { peopleFeature } from './people/manifest';
import { schoolFeature } from './school/manifest';
import { signInFeature } from './sign-in/manifest';
import { strategyFeature } from './strategy/manifest';
import { surveysFeature } from './surveys/manifest';

/** Every web feature, once, in the order their navigation entries appear within a group. */
export const webFeatures: readonly WebFeature[] = [
  authFeature,
  homeFeature,
  overviewFeature,
  accountFeature,
  strategyFeature,
  surveysFeature,
  dialogueFeature,
  libraryFeature,
  internshipFeature,
  competenceFeature,
  schoolFeature,
  signInFeature,
  orgFeature,
  peopleFeature,
  importerFeature,
  auditFeature,
  networkFeature,
  eventsFeature,
];
