import type { AppDeps } from './deps';
import type { z } from 'zod';
import type { Executor } from '../db/client';
import type { ZHomeItem } from '../../shared/api/home';
import type { SchoolActor } from './actor';
import type { AnyRule } from './policy-helpers';
import type { Action } from './policy';
import type { Locale } from './messages';
import type { RouteDef } from './route';
import type { SocketDef } from './realtime';
import type { Job } from './scheduler';

/**
 * The person being erased, as they were before any feature touched their data: the features match
 * their rows by these (the audit log by the account and the name), whatever order they run in.
 */
export type ErasureSubject = {
  schoolId: string;
  personId: string;
  name: string;
  email: string;
  accountId: string | null;
  /** What is shown instead of the name from now on ("Tidligere medarbejder" in the school's language). */
  formerName: string;
  locale: Locale;
};

/** What a feature's erasure needs besides the transaction: the subject and the work to do once it has committed (files). */
export type ErasureContext = { subject: ErasureSubject; deps: Pick<AppDeps, 'config' | 'database'>; afterCommit(fn: () => unknown): void };

/** What a feature did: rows deleted and rows kept with the person anonymised, by kind (written to the erasure's audit event). */
export type ErasureReport = { deleted?: Record<string, number>; anonymised?: Record<string, number> };

/**
 * What a feature keeps about one person (GDPR): `export` gives it for the person's download and the
 * administrator's export (art. 15/20); `erase` deletes or anonymises it in the erasure's transaction
 * (art. 17) by the rules in docs/PRIVACY.md. `eraseLast`: runs after every other feature's erase
 * (the sign-in account, which the others' rows may still refer to).
 */
export type PersonalDataHooks = {
  export?: (exec: Executor, schoolId: string, personId: string) => Promise<Record<string, unknown>>;
  erase?: (tx: Executor, schoolId: string, personId: string, ctx: ErasureContext) => Promise<ErasureReport>;
  eraseLast?: boolean;
};

/** One thing on a person's home page ("Min side"), as a feature's home hook gives it. */
export type HomeItem = z.output<typeof ZHomeItem>;
/** The moment the home page is made for: `today` is that instant's Copenhagen day. */
export type HomeContext = { now: Date; today: string };
/**
 * A feature's part of the home page: what asks for this person now, read with a few queries scoped
 * by the actor and the feature's policy (never anything the actor may not open). Used by GET /home
 * and the weekly digest (features/home).
 */
export type HomeHook = (exec: Executor, actor: SchoolActor, ctx: HomeContext) => Promise<HomeItem[]>;

/**
 * A feature's one definition. `features/index.ts` lists them; the kernel installs their rules and
 * routes, the scheduler runs their jobs. Authorization-matrix fixtures sit next to the feature in
 * `matrix.fixtures.ts` and are found by the matrix test by that name; the web side has its own
 * manifest per feature (`src/web/features/<f>/manifest.tsx`: pages and navigation).
 */
export type Feature = {
  name: string;
  routes: RouteDef[];
  /** WebSocket routes, through the kernel's socket steps (platform/realtime.ts). */
  sockets?: SocketDef[];
  rules: Record<string, AnyRule>;
  /** Actions that only make sense on a resource; never listed among the actor's general abilities. */
  resourceActions?: Action[];
  jobs?: (deps: AppDeps) => Job[];
  personalData?: PersonalDataHooks;
  home?: HomeHook;
};

/**
 * Every feature's personal-data hooks by feature name, recorded when the feature is defined: the
 * export and erasure of a person (features/people) walk them without importing the list of
 * features, which imports them.
 */
const personalData = new Map<string, PersonalDataHooks>();

export const defineFeature = (feature: Feature): Feature => {
  if (feature.personalData) personalData.set(feature.name, feature.personalData);
  return feature;
};

/** The features that hold personal data, by name; those that erase last come last. */
export const personalDataHooks = (): [string, PersonalDataHooks][] =>
  [...personalData].sort(([a, x], [b, y]) => Number(x.eraseLast ?? false) - Number(y.eraseLast ?? false) || a.localeCompare(b));
