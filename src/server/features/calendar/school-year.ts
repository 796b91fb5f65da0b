/** A school year: from the first day of the school's first month (August by default) to the day before it a year later. */
export type SchoolYear = { startYear: number; start: string; end: string };

/** The school year that starts in `startYear` (2025: 2025/26). */
export function schoolYearStarting(startMonth: number, startYear: number): SchoolYear {
  const start = `${startYear}-${String(startMonth).padStart(2, '0')}-01`;
  const end = new Date(Date.UTC(startYear + 1, startMonth - 1, 0)).toISOString().slice(0, 10);
  return { startYear, start, end };
}

/** The school year containing a day. */
export function schoolYearOf(startMonth: number, on: string): SchoolYear {
  const [y, m] = on.split('-').map(Number) as [number, number];
  return schoolYearStarting(startMonth, m >= startMonth ? y : y - 1);
}
