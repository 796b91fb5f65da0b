import { z } from 'zod';
import { SCHOOL_ROLES } from '../roles';

/* The staff CSV import: the preview, the result and the streamed progress lines. */

const ZImportError = z.object({ field: z.string(), code: z.string(), message: z.string() });

/** One row of the file as the preview shows it, with its errors. */
export const ZImportRow = z.object({
  line: z.number(),
  name: z.string(),
  email: z.string(),
  jobTitle: z.string().nullable(),
  department: z.string().nullable(),
  employmentStart: z.string().nullable(),
  action: z.enum(['create', 'update', 'unchanged']),
  errors: z.array(ZImportError),
});
export type TImportRow = z.input<typeof ZImportRow>;

export const ZImportSummary = z.object({ total: z.number(), create: z.number(), update: z.number(), unchanged: z.number(), errors: z.number() });
export type TImportSummary = z.input<typeof ZImportSummary>;

/** POST /people/import/preview: how the file was read, and every row; writes nothing. */
export const ZImportPreview = z.object({
  encoding: z.enum(['utf-8', 'windows-1252', 'utf-16le']),
  separator: z.enum([';', ',', '\t']),
  columns: z.array(z.string()),
  summary: ZImportSummary,
  rows: z.array(ZImportRow),
});
export type TImportPreview = z.input<typeof ZImportPreview>;

/** Roles an import may give everyone in the file who has none yet: any school role but the administrator's, who is appointed one at a time. */
export const ZImportRole = z.enum(SCHOOL_ROLES).exclude(['school_admin']);
export type TImportRole = z.infer<typeof ZImportRole>;
export const IMPORT_ROLES = ZImportRole.options;

/** Someone the import invited, with the link to hand over when no e-mail was sent. */
const ZInvited = z.object({ name: z.string(), email: z.string(), link: z.string().nullable() });
/** Why someone in the file was not invited: the account also signs in elsewhere (its link goes only by e-mail), or the e-mail failed. */
const ZNotInvited = z.object({ name: z.string(), email: z.string(), reason: z.enum(['account_shared', 'mail_failed']) });

/** POST /people/import: what the import did; `role` and `invitations` when they were asked for. */
export const ZImportResult = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  role: z.object({ role: ZImportRole, given: z.number() }).optional(),
  invitations: z.object({ emailed: z.number(), invited: z.array(ZInvited), notInvited: z.array(ZNotInvited) }).optional(),
});
export type TImportResult = z.input<typeof ZImportResult>;

const ZProblem = z.object({
  type: z.string().optional(),
  title: z.string(),
  status: z.number(),
  code: z.string(),
  detail: z.string().optional(),
  errors: z.array(ZImportError).optional(),
});

/** One line of POST /people/import's streamed answer (Accept: application/x-ndjson). */
export const ZImportLine = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), done: z.number(), total: z.number() }),
  ZImportResult.extend({ type: z.literal('done') }),
  z.object({ type: z.literal('error'), problem: ZProblem }),
]);
export type TImportLine = z.input<typeof ZImportLine>;
