/** Today as a calendar day in Copenhagen (YYYY-MM-DD). */
export const todayInCopenhagen = (now = new Date()) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(now);
