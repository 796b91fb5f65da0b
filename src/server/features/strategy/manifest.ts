import { defineFeature } from '../../platform/feature';
import { strategyHome } from './home';
import { initiativeRoutes } from './initiative-routes';
import { strategyPersonalData } from './personal-data';
import { strategyRules } from './policy';
import { portfolioRoutes } from './portfolio-routes';
import { strategyRoutes } from './strategy-routes';

export const strategyFeature = defineFeature({
  name: 'strategy',
  routes: [...strategyRoutes, ...initiativeRoutes, ...portfolioRoutes],
  rules: strategyRules,
  personalData: strategyPersonalData,
  home: strategyHome,
});
