import type { AppDeps } from './deps';
import type { Executor } from '../db/client';
import type { AnyRule } from './policy-helpers';
import type { Action } from './policy';
import type { RouteDef } from './route';
import type { Job } from './scheduler';

/** What a feature keeps about one person, for an export of their data (GDPR art. 15/20). */
export type PersonalDataHooks = {
  export?: (exec: Executor, schoolId: string, personId: string) => Promise<Record<string, unknown>>;
};

/**
 * A feature's one definition. `features/index.ts` lists them; the kernel installs their rules and
 * routes, the scheduler runs their jobs. Authorization-matrix fixtures sit next to the feature in
 * `matrix.fixtures.ts` and are found by the matrix test by that name; the web side has its own
 * manifest per feature (`src/web/features/<f>/manifest.tsx`: pages and navigation).
 */
export type Feature = {
  name: string;
  routes: RouteDef[];
  rules: Record<string, AnyRule>;
  /** Actions that only make sense on a resource; never listed among the actor's general abilities. */
  resourceActions?: Action[];
  jobs?: (deps: AppDeps) => Job[];
  personalData?: PersonalDataHooks;
};

export const defineFeature = (feature: Feature): Feature => feature;
