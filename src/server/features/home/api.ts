import type { THomeUrgency } from '../../../shared/home';
import type { HomeItem } from '../../platform/feature';

/** What the home page offers the features that add to it: day arithmetic and urgency from a due date, the same for every module. */

/** How many days before its date an item counts as due soon. */
export const SOON_DAYS = 7;

/** A calendar day (YYYY-MM-DD) n days after another. */
export const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Overdue past its day, soon within `soonDays` of it, otherwise simply waiting. */
export const dueUrgency = (dueOn: string, today: string, soonDays = SOON_DAYS): THomeUrgency =>
  dueOn < today ? 'overdue' : dueOn <= addDays(today, soonDays) ? 'soon' : 'todo';

/** The person's choice of the weekly digest, for their account (the me feature). */
export { setWeeklyDigest, weeklyDigestOf } from './preferences';

/** A home item of a module, with the optional parts empty unless given. */
export const homeItemOf =
  (module: HomeItem['module']) =>
  (i: Omit<HomeItem, 'module' | 'detail' | 'progress' | 'dueOn' | 'startsAt' | 'count'> & Partial<HomeItem>): HomeItem => ({
    module,
    detail: null,
    progress: null,
    dueOn: null,
    startsAt: null,
    count: null,
    ...i,
  });
