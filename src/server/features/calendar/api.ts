/** What the årshjul offers other features: writing their own dated items (inside their transaction). */
export { cancelCalendarItem, upsertCalendarItem, type CalendarItemInput } from './items';
