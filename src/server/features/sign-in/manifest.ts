import { defineFeature } from '../../platform/feature';
import { publicSignInRoutes } from './auth-routes';
import { sweepExpiredFlows } from './flow-start';
import { identityRoutes } from './identities-routes';
import { signInPersonalData } from './personal-data';
import { signInRules } from './policy';
import { providerRoutes } from './providers-routes';

/** Sign-in with UNI-Login, Microsoft Entra ID or another OpenID Connect provider (docs/sign-in.md). */
export const signInFeature = defineFeature({
  name: 'sign-in',
  routes: [...publicSignInRoutes, ...providerRoutes, ...identityRoutes],
  rules: signInRules,
  personalData: signInPersonalData,
  // flows whose person never came back from the provider
  jobs: (deps) => [{ name: 'sign_in.flow_sweep', run: (now) => sweepExpiredFlows(deps.database.db, now) }],
});
