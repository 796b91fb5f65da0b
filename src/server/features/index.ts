import type { App } from '../platform/http';
import { auditRoutes } from './audit/routes';
import { competenceRoutes } from './competence/routes';
import { authRoutes } from './auth/routes';
import { importRoutes } from './importer/routes';
import { libraryRoutes } from './library/routes';
import { meRoutes } from './me/routes';
import { networkRoutes } from './network/routes';
import { orgRoutes } from './org/routes';
import { peopleRoutes } from './people/routes';
import { schoolRoutes } from './school/routes';
import { strategyRoutes } from './strategy/routes';
import { calendarRoutes } from './calendar/routes';

/** Every feature's routes, under /api/v1. */
export function registerFeatures(app: App): void {
  authRoutes(app);
  meRoutes(app);
  schoolRoutes(app);
  orgRoutes(app);
  peopleRoutes(app);
  importRoutes(app);
  auditRoutes(app);
  networkRoutes(app);
  strategyRoutes(app);
  calendarRoutes(app);
  competenceRoutes(app);
  libraryRoutes(app);
}
