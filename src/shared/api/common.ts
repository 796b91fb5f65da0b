import { z } from 'zod';
import { ACTIONS } from './actions';

/**
 * Pieces of the API contract that every feature uses. Response schemas live in
 * `src/shared/api/<feature>.ts` so that the server validates what it sends with the same schema
 * the web takes its types from (`z.input<…>` is what travels over the wire).
 */

/** A route parameter `:id`. Ids are UUIDs; anything else is simply not found (404, not 422). */
export const ZId = z.strictObject({ id: z.string().max(100) });

/**
 * The years a date the client sends may fall in. The wire formats (YYYY-MM-DD, ISO 8601) already
 * stop at 9999; below 1000 a date is a typing error ("0202" for 2020) or a probe (PostgreSQL has no
 * year 0). Checked only when a request is read, never when an answer is written, so a day stored
 * before the rule can still be shown and corrected.
 */
export const YEARS = { min: 1000, max: 9999 } as const;

const yearOf = (iso: string) => Number(/^[+-]?\d+/.exec(iso)?.[0] ?? Number.NaN);
/** A decode step that refuses a date outside YEARS with `validation.date_out_of_range` (the encode step leaves it be). */
const inYears = <T>(value: T, iso: string, payload: { issues: z.core.$ZodRawIssue[] }): T => {
  const year = yearOf(iso);
  if (!(year >= YEARS.min && year <= YEARS.max)) payload.issues.push({ code: 'custom', message: 'validation.date_out_of_range', input: iso });
  return value;
};

/** A point in time: a Date on the server, an ISO 8601 string on the wire and in the browser. */
export const ZTimestamp = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (s, payload) => inYears(new Date(s), s, payload),
  encode: (d) => d.toISOString(),
});

/** A point in time the server keeps as its ISO 8601 string (an input that is written as it came). */
export const ZDateTime = z.codec(z.iso.datetime({ offset: true }), z.iso.datetime({ offset: true }), {
  decode: (s, payload) => inYears(s, s, payload),
  encode: (s) => s,
});

/** A calendar day (YYYY-MM-DD), as the database's `date` columns give it. */
export const ZDay = z.codec(z.iso.date(), z.iso.date(), {
  decode: (s, payload) => inYears(s, s, payload),
  encode: (s) => s,
});

/** What the actor may do (in general, or with one resource): the one shape abilities reach the UI in. */
export const ZAbilities = z.array(z.enum(ACTIONS));

/** A named reference to another resource. */
export const ZRef = z.object({ id: z.string(), name: z.string() });

/** 204 No Content. */
export const NO_CONTENT = { kind: 'no_content' } as const;
/** A file or a stream the handler sends itself (downloads, CSV, PDF, iCalendar, streamed progress). */
export const fileResponse = (contentType: string) => ({ kind: 'file', contentType }) as const;
export type FileResponse = ReturnType<typeof fileResponse>;
