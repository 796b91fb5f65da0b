/** Dates as Danish users expect them: always in Copenhagen time, in the UI's language. */
const TIME_ZONE = 'Europe/Copenhagen';
const localeTag = (language: string) => (language === 'en' ? 'en-GB' : 'da-DK');

/** A timestamp as date and time (the browser's default style unless given). */
export const formatDateTime = (iso: string, language: string, style: Pick<Intl.DateTimeFormatOptions, 'dateStyle' | 'timeStyle'> = {}) =>
  new Date(iso).toLocaleString(localeTag(language), { timeZone: TIME_ZONE, ...style });

/** A timestamp as a date only. */
export const formatDate = (iso: string, language: string) => new Date(iso).toLocaleDateString(localeTag(language), { timeZone: TIME_ZONE, dateStyle: 'medium' });

/** Today's date in Copenhagen as YYYY-MM-DD (the default of date fields). */
export const todayInCopenhagen = () => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
/** A calendar day (yyyy-mm-dd) written the Danish way, dd-mm-yyyy. */
export const dk = (day: string) => `${day.slice(8, 10)}-${day.slice(5, 7)}-${day.slice(0, 4)}`;
