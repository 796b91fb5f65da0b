import { z } from 'zod';
import { HOME_KINDS, HOME_MODULES, HOME_URGENCIES } from '../home';
import { ZDay, ZTimestamp } from './common';

/*
 * "Min side" (GET /home): what asks for the signed-in person now, across modules. Each module adds
 * its items through the `home` hook of its server manifest; the page groups them by module, in
 * this order, and the navigation shows a count per entry.
 */

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
