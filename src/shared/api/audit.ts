import { z } from 'zod';
import { ZTimestamp } from './common';

/** One audit event: who changed what and when (secrets already replaced by the writer). */
export const ZAuditEvent = z.object({
  id: z.string(),
  at: ZTimestamp,
  actorName: z.string(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  summary: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()).nullable(),
});
export type TAuditEvent = z.input<typeof ZAuditEvent>;

/** GET /audit: one page of events, and every audit action the school's log holds (for the filter). */
export const ZAuditPage = z.object({
  items: z.array(ZAuditEvent),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  actions: z.array(z.string()),
});
export type TAuditPage = z.input<typeof ZAuditPage>;
