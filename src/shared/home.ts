/*
 * The words of "Min side" shared by the server and the web, without zod (the web's first page
 * imports them): the modules in the order the page shows them, the kinds of items, how pressing
 * an item is. The API's schemas are in api/home.ts.
 */

/** The modules that add to the home page, in the order the page shows them. */
export const HOME_MODULES = ['competence', 'surveys', 'dialogue', 'events', 'library', 'strategy', 'calendar'] as const;
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
  /** An open self-evaluation round that asks the person and that they have not sent (progress: answered/total). */
  'surveys.round',
  /** An open asynchronous dialogue that asks the person, with pairs still unanswered (progress: answered/total). */
  'dialogue.session',
  /** A session of a network event (webinar, Learning Factory) the person has a seat in, upcoming. */
  'events.session',
  /** A session of a network event the person is on the waiting list for (detail: the position). */
  'events.waiting',
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
