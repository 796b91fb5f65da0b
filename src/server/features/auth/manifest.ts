import { defineFeature } from '../../platform/feature';
import { authRoutes } from './routes';

export const authFeature = defineFeature({
  name: 'auth',
  routes: authRoutes,
  rules: {},
});
