/** What the årshjul offers other features: writing their own dated items (inside their transaction), items added by hand (the demo seed), the school year. */
export { cancelCalendarItem, upsertCalendarItem, type CalendarItemInput } from './items';
export { addItem, type Writer as CalendarWriter } from './commands';
export { schoolYearOf, schoolYearStarting, type SchoolYear } from './school-year';
export { ZItemInput } from './schemas';
