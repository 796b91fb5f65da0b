import { defineFeature } from '../../platform/feature';
import { todayInCopenhagen } from '../../platform/time';
import { markTargetsPassed } from './commands';
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
  // an indicator whose target date passed without the target met turns 'not_reached' (and its initiative follows) without a new measurement
  jobs: (deps) => [{ name: 'strategy.targets_passed', run: (now) => markTargetsPassed(deps.database.db, todayInCopenhagen(now)) }],
  personalData: strategyPersonalData,
  home: strategyHome,
});
