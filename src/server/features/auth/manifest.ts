import { defineFeature } from '../../platform/feature';
import { forgetOldFailures } from './login-limits';
import { authPersonalData } from './personal-data';
import { authRoutes } from './routes';

export const authFeature = defineFeature({
  name: 'auth',
  routes: authRoutes,
  rules: {},
  jobs: (deps) => [{ name: 'forget-old-sign-in-failures', run: (now) => forgetOldFailures(deps.database.db, deps.config.login, now) }],
  personalData: authPersonalData,
});
