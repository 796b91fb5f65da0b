import { defineFeature } from '../../platform/feature';
import { calendarRoutes } from './routes';


export const calendarFeature = defineFeature({
  name: 'calendar',
  routes: [],
  rules: {},
  legacy: calendarRoutes,
});
