import { schoolYearOf, schoolYearStarting, type SchoolYear } from '../features/calendar/api';
import { copenhagenDay } from '../platform/time';

/** A day plus or minus some days (YYYY-MM-DD). */
export const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** The day itself, or the Monday after it when it falls on a weekend (meetings and courses are held on weekdays). */
export const onWeekday = (day: string): string => {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return weekday === 6 ? addDays(day, 2) : weekday === 0 ? addDays(day, 1) : day;
};
/** The later of two days. */
export const later = (a: string, b: string): string => (a > b ? a : b);
/** The earlier of two days. */
export const earlier = (a: string, b: string): string => (a < b ? a : b);
/** Whole days from `a` to `b`. */
export const daysBetween = (a: string, b: string): number => Math.round((Date.parse(`${b}T12:00:00Z`) - Date.parse(`${a}T12:00:00Z`)) / 86_400_000);
/** An instant on a day (UTC hour), for sessions and submissions. */
export const at = (day: string, hourUtc: number, minute = 0): Date => new Date(`${day}T${String(hourUtc).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);

/**
 * The demo's clock: every date of the demo is placed relative to `today` and the school year it
 * falls in (the school's first month), so the demo never looks stale. `now` is the real instant when
 * `today` is the real day, else the middle of that day (a demo seeded as of another day).
 */
export type DemoClock = { today: string; now: Date; year: SchoolYear; previous: SchoolYear; next: SchoolYear };

export function demoClock(today: string, startMonth: number, real = new Date()): DemoClock {
  const year = schoolYearOf(startMonth, today);
  return {
    today,
    now: copenhagenDay(real) === today ? real : at(today, 11),
    year,
    previous: schoolYearStarting(startMonth, year.startYear - 1),
    next: schoolYearStarting(startMonth, year.startYear + 1),
  };
}
