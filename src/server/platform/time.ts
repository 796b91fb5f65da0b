/**
 * Time in Europe/Copenhagen (ARCHITECTURE rule 7). Formatters are built once: building an
 * Intl.DateTimeFormat costs far more than using one, and these run on hot paths.
 */
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (YYYY-MM-DD) in Copenhagen at this instant. */
export const copenhagenDay = (at: Date): string => dayFormat.format(at);

/** Today's date in Copenhagen (YYYY-MM-DD). */
export const todayInCopenhagen = (now: Date = new Date()): string => copenhagenDay(now);
