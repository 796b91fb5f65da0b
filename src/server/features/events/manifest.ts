import { defineFeature } from '../../platform/feature';
import { eventRoutes } from './events-routes';
import { eventsHome } from './home';
import { materialRoutes } from './materials-routes';
import { eventsPersonalData } from './personal-data';
import { eventResourceActions, eventRules } from './policy';
import { sessionRoutes } from './sessions-routes';
import { signupRoutes } from './signup-routes';

export const eventsFeature = defineFeature({
  name: 'events',
  routes: [...materialRoutes, ...eventRoutes, ...sessionRoutes, ...signupRoutes],
  rules: eventRules,
  resourceActions: [...eventResourceActions],
  personalData: eventsPersonalData,
  home: eventsHome,
});
