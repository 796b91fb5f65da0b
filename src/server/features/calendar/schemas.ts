import { z } from 'zod';
import { ZIsoDate, ZName } from '../../../shared/schemas';

/** Request schemas of the årshjul (strict: unknown fields are refused). */

export const ZCalendarQuery = z.strictObject({
  /** The school year that starts in this calendar year (2025: 2025/26); not together with from/to. */
  schoolYear: z.coerce.number().int().min(1000).max(9998).optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  departmentId: z.uuid().optional(),
  sigtelinje: z.string().max(60).optional(),
});
export const ZItemInput = z.strictObject({
  title: ZName,
  description: z.string().trim().max(2000).nullable().optional(),
  startsOn: ZIsoDate,
  endsOn: ZIsoDate.optional(),
  departmentId: z.uuid().nullable().optional(),
  sigtelinjer: z.array(z.string().max(60)).max(10).default([]),
});
export const ZItemPatch = z.strictObject({
  title: ZName.optional(),
  description: z.string().trim().max(2000).nullable().optional(),
  startsOn: ZIsoDate.optional(),
  endsOn: ZIsoDate.optional(),
  cancelled: z.literal(true).optional(),
});
export const ZFeedInput = z.strictObject({ departmentId: z.uuid().nullable().optional() });
export const ZToken = z.strictObject({ token: z.string().max(200) });
