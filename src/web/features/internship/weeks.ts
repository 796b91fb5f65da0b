/**
 * Danish weeks are ISO 8601 weeks: they start on Monday, and week 1 is the week with the year's
 * first Thursday. Dates are calendar days (yyyy-mm-dd) computed in UTC so that no time zone or
 * summer time shifts a day.
 */
export type IsoWeek = { year: number; week: number };

const DAY_MS = 86_400_000;
const utc = (day: string) => new Date(`${day}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The ISO week a calendar day falls in (its year may differ from the day's around New Year). */
export function isoWeekOf(day: string): IsoWeek {
  const d = utc(day);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(d.getTime() + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const firstThursday = utc(`${year}-01-04`);
  const firstMonday = new Date(firstThursday.getTime() - ((firstThursday.getUTCDay() + 6) % 7) * DAY_MS);
  return { year, week: 1 + Math.round((thursday.getTime() - 3 * DAY_MS - firstMonday.getTime()) / (7 * DAY_MS)) };
}

/** Monday of an ISO week, as yyyy-mm-dd. */
export function mondayOf({ year, week }: IsoWeek): string {
  const jan4 = utc(`${year}-01-04`);
  const firstMonday = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY_MS;
  return iso(new Date(firstMonday + (week - 1) * 7 * DAY_MS));
}

/** Sunday of an ISO week, as yyyy-mm-dd. */
export const sundayOf = (w: IsoWeek): string => addDays(mondayOf(w), 6);

export const addDays = (day: string, days: number): string => iso(new Date(utc(day).getTime() + days * DAY_MS));

/** The week `offset` weeks after the given one (negative: before). */
export const shiftWeek = (w: IsoWeek, offset: number): IsoWeek => isoWeekOf(addDays(mondayOf(w), offset * 7));

/** 52 or 53: the week of 28 December is always the year's last. */
export const weeksInYear = (year: number): number => isoWeekOf(`${year}-12-28`).week;

/** "2026-W12", the form the week filter and the server's `week` parameter use. */
export const weekKey = ({ year, week }: IsoWeek): string => `${year}-W${String(week).padStart(2, '0')}`;

export function parseWeekKey(key: string | null | undefined): IsoWeek | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(key ?? '');
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  return week >= 1 && week <= weeksInYear(year) ? { year, week } : null;
}

/** Whole days from one calendar day to another (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((utc(to).getTime() - utc(from).getTime()) / DAY_MS);
