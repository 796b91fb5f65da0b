import { z } from 'zod';
import { ZAbilities, ZDay, ZTimestamp } from './common';

/** The årshjul's answers: dated items of every module, and the iCalendar subscriptions. */

export const ZCalendarItem = z.object({
  id: z.string(),
  /** The module that owns the item ('calendar' for items added by hand). */
  source: z.string(),
  kind: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  startsOn: ZDay,
  /** Inclusive last day. */
  endsOn: ZDay,
  departmentId: z.string().nullable(),
  sigtelinjer: z.array(z.string()),
  link: z.string().nullable(),
  status: z.enum(['confirmed', 'cancelled']),
  sequence: z.number().int(),
});
export type TCalendarItem = z.input<typeof ZCalendarItem>;

export const ZCalendar = z.object({
  from: ZDay,
  to: ZDay,
  /** The school year the period starts in, by the year it begins (2025: 2025/26); the previous and next are one less and one more. */
  schoolYear: z.number().int(),
  schoolYearStartMonth: z.number().int(),
  /** What the actor may do with the årshjul ('calendar:manage': add items by hand). */
  abilities: ZAbilities,
  items: z.array(ZCalendarItem),
});
export type TCalendar = z.input<typeof ZCalendar>;

export const ZFeed = z.object({ id: z.string(), departmentId: z.string().nullable(), departmentName: z.string().nullable(), createdAt: ZTimestamp, mine: z.boolean() });
export type TFeed = z.input<typeof ZFeed>;
export const ZFeedList = z.array(ZFeed);
/** A new subscription: the URL holds the token and is shown once. */
export const ZFeedCreated = z.object({ id: z.string(), departmentId: z.string().nullable(), url: z.string() });
export type TFeedCreated = z.input<typeof ZFeedCreated>;
