import { queryOptions } from '@tanstack/react-query';
import type { TCalendar, TCalendarItem, TFeed, TFeedCreated } from '../../../../shared/api/calendar';
import { api, queryString } from '../../../app/api';

export type Calendar = TCalendar;
export type CalendarItem = TCalendarItem;
export type Feed = TFeed;
export type FeedCreated = TFeedCreated;

/** The årshjul of a school year (null: today's) or from a day, filtered by department and sigtelinje. */
export const calendarQuery = (q: { schoolYear?: number | null; from?: string; departmentId?: string | null; sigtelinje?: string | null }) =>
  queryOptions({ queryKey: ['calendar', q], queryFn: () => api<Calendar>(`/calendar${queryString(q)}`) });
export const feedsQuery = queryOptions({ queryKey: ['calendar', 'feeds'], queryFn: () => api<Feed[]>('/calendar/feeds') });
