import { z } from 'zod';
import { ACTIONS } from './actions';

/**
 * Pieces of the API contract that every feature uses. Response schemas live in
 * `src/shared/api/<feature>.ts` so that the server validates what it sends with the same schema
 * the web takes its types from (`z.input<…>` is what travels over the wire).
 */

/** A route parameter `:id`. Ids are UUIDs; anything else is simply not found (404, not 422). */
export const ZId = z.strictObject({ id: z.string().max(100) });

/** A point in time: a Date on the server, an ISO 8601 string on the wire and in the browser. */
export const ZTimestamp = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (s) => new Date(s),
  encode: (d) => d.toISOString(),
});

/** A calendar day (YYYY-MM-DD), as the database's `date` columns give it. */
export const ZDay = z.iso.date();

/** What the actor may do (in general, or with one resource): the one shape abilities reach the UI in. */
export const ZAbilities = z.array(z.enum(ACTIONS));

/** A named reference to another resource. */
export const ZRef = z.object({ id: z.string(), name: z.string() });

/** 204 No Content. */
export const NO_CONTENT = { kind: 'no_content' } as const;
/** A file or a stream the handler sends itself (downloads, CSV, PDF, iCalendar, streamed progress). */
export const fileResponse = (contentType: string) => ({ kind: 'file', contentType }) as const;
export type FileResponse = ReturnType<typeof fileResponse>;
