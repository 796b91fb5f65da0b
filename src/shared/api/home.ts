import { z } from 'zod';
import { ZDay, ZTimestamp } from './common';

/*
 * "Min side" (GET /home): what asks for the signed-in person now, across modules. Each module adds
 * its items through the `home` hook of its server manifest; the page groups them by module, in
 * this order, and the navigation shows a count per entry.
 */

/** The modules that add to the home page, in the order the page shows them. */
export const HOME_MODULES = ['competence', 'library', 'strategy', 'calendar'] as const;
export type THomeModule = (typeof HOME_MODULES)[number];

/** What an item is; the UI and the e-mail digest word it from `home.kind.<kind>` in the locale files. */
export const HOME_KINDS = [
  /** An open competence round the person takes part in and has not sent (progress: answered/total). */
  'competence.round',
  /** A development contract whose current version waits for the person's acknowledgement. */
  'competence.contract',
  /** A course session the person is signed up for in the coming weeks. */
  'competence.session',
  /** A course the person attended and has not evaluated. */
  'competence.evaluation',
  /** For leaders: mandatory courses not completed by staff in their scope (count). */
  'competence.staffStatus',
  /** For the editorial group: submissions waiting to be taken for review (count). */
  'library.reviewQueue',
  /** For the editorial group: an item the person has taken for review. */
  'library.reviewing',
  /** The person's own item waiting for, or in, review. */
  'library.inReview',
  /** The person's own item sent back by the editorial group, to fix. */
  'library.returned',
  /** New comments by others on the person's own item (count). */
  'library.comments',
  /** A follow-up meeting on an initiative the person owns or works on, due soon or overdue. */
  'strategy.followup',
  /** An initiative the person owns or works on that has had no check-in for a while. */
  'strategy.checkin',
  /** For leaders: overdue follow-ups in their scope (count). */
  'strategy.overdue',
  /** An item of the årshjul this week. */
  'calendar.item',
] as const;
export type THomeKind = (typeof HOME_KINDS)[number];

/** How pressing an item is: past its date, due within days, waiting, or for information. */
export const HOME_URGENCIES = ['overdue', 'soon', 'todo', 'info'] as const;
export type THomeUrgency = (typeof HOME_URGENCIES)[number];

export const ZHomeItem = z.object({
  /** Unique within the list (kind and the thing's id). */
  id: z.string(),
  module: z.enum(HOME_MODULES),
  kind: z.enum(HOME_KINDS),
  /** The thing's own name (a round, a forløb, an initiative); null for a summary. */
  title: z.string().nullable(),
  /** A second name that places it (the initiative of a follow-up, the course of a session). */
  detail: z.string().nullable(),
  progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
  dueOn: ZDay.nullable(),
  startsAt: ZTimestamp.nullable(),
  count: z.number().int().nullable(),
  /** Where in the web app it is done. */
  path: z.string(),
  /** The navigation entry (its path) whose count this item adds to; null: no count. */
  nav: z.string().nullable(),
  urgency: z.enum(HOME_URGENCIES),
});
export type THomeItem = z.input<typeof ZHomeItem>;

/** GET /home: the items, most pressing first within each module, and the count per navigation entry. */
export const ZHome = z.object({
  items: z.array(ZHomeItem),
  counts: z.array(z.object({ path: z.string(), count: z.number().int() })),
});
export type THome = z.input<typeof ZHome>;

/** POST /home/unsubscribe/:token: the weekly digest is off for the person the link was sent to. */
export const ZUnsubscribed = z.object({ schoolName: z.string() });
export type TUnsubscribed = z.input<typeof ZUnsubscribed>;
