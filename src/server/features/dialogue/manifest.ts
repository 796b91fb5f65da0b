import { defineFeature } from '../../platform/feature';
import { facilitateRoutes } from './facilitate-routes';
import { dialogueHome } from './home';
import { liveRoutes } from './live-routes';
import { dialoguePersonalData } from './personal-data';
import { dialogueResourceActions, dialogueRules } from './policy';
import { dialogueSockets } from './realtime-routes';
import { resultsRoutes } from './results-routes';
import { sessionRoutes } from './sessions-routes';
import { templateRoutes } from './templates-routes';

export const dialogueFeature = defineFeature({
  name: 'dialogue',
  routes: [...templateRoutes, ...sessionRoutes, ...facilitateRoutes, ...liveRoutes, ...resultsRoutes],
  sockets: dialogueSockets,
  rules: dialogueRules,
  resourceActions: [...dialogueResourceActions],
  personalData: dialoguePersonalData,
  home: dialogueHome,
});
