import { defineFeature } from '../../platform/feature';
import { feedRoute } from './feed-route';
import { calendarHome } from './home';
import { calendarPersonalData } from './personal-data';
import { calendarRoutes } from './routes';

/** The årshjul: its rules (calendar:*) are the strategy feature's, which owns the department-scoped leadership they follow. */
export const calendarFeature = defineFeature({
  name: 'calendar',
  routes: [...calendarRoutes, feedRoute],
  rules: {},
  personalData: calendarPersonalData,
  home: calendarHome,
});
