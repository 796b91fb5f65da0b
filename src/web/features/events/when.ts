/**
 * Session times as the organiser types them and as everyone reads them: wall-clock time in
 * Copenhagen, whatever the browser's own zone (a coordinator abroad still plans Danish sessions).
 */
const TIME_ZONE = 'Europe/Copenhagen';

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A moment as Copenhagen's day (yyyy-mm-dd) and time (hh:mm). */
export function copenhagenParts(iso: string): { day: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/**
 * Copenhagen's day and time as an ISO moment, or null when either is not filled in. Copenhagen is
 * one or two hours ahead of UTC: of the two candidates the one that reads back as the same wall
 * time is taken, the earlier in the hour the clocks go back; a time skipped when they go forward
 * is read with the winter offset (02:30 on the last Sunday of March becomes 03:30).
 */
export function copenhagenToIso(day: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const wall = Date.parse(`${day}T${time}:00Z`);
  // Date.parse rolls 31 February over into March: such a day is not a day
  if (Number.isNaN(wall) || new Date(wall).toISOString().slice(0, 16) !== `${day}T${time}`) return null;
  const summer = new Date(wall - 2 * 3_600_000).toISOString();
  const winter = new Date(wall - 3_600_000).toISOString();
  const same = (iso: string) => {
    const p = copenhagenParts(iso);
    return p.day === day && p.time === time;
  };
  return same(summer) ? summer : winter;
}

const localeTag = (language: string) => (language === 'en' ? 'en-GB' : 'da-DK');

/** "tirsdag 8. december 2026" in the UI's language, Copenhagen's calendar. */
export const formatDay = (iso: string, language: string) =>
  new Date(iso).toLocaleDateString(localeTag(language), { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** "14.00" (da) or "14:00" (en), Copenhagen's clock. */
export const formatTime = (iso: string, language: string) =>
  new Date(iso).toLocaleTimeString(localeTag(language), { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });

/** A session's span: its day and the two times, or both days when it ends on another day. */
export function formatSpan(startsAt: string, endsAt: string, language: string): string {
  const start = copenhagenParts(startsAt);
  const end = copenhagenParts(endsAt);
  if (start.day === end.day) return `${formatDay(startsAt, language)}, ${formatTime(startsAt, language)}–${formatTime(endsAt, language)}`;
  return `${formatDay(startsAt, language)} ${formatTime(startsAt, language)} – ${formatDay(endsAt, language)} ${formatTime(endsAt, language)}`;
}
