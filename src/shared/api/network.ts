import { z } from 'zod';
import { ZEmail, ZInstitutionNumber, ZName } from '../schemas';
import { ZAuditEvent } from './audit';
import { ZDay, ZTimestamp } from './common';
import { ZLinkResult } from './people';

/*
 * The network host's API contract (docs/network.md): the coordinator's schools, onboarding,
 * archiving, coordinators and the network's own log. Counts and activity only: nothing here
 * carries a school's personal data (no person's name, e-mail or id).
 */

/** One school of the network as the coordinator sees it: sizes and activity. */
export const ZNetworkSchool = z.object({
  id: z.string(),
  name: z.string(),
  institutionNumber: z.string().nullable(),
  /** Active people. */
  people: z.number(),
  /** Departments not archived. */
  departments: z.number(),
  /** Distinct accounts of the school with a session seen in the last 30 days. */
  activeAccounts30d: z.number(),
  /** The Copenhagen day of the newest event in the school's audit log; null when the log is empty. */
  lastActivity: ZDay.nullable(),
  /** Active initiatives of the school (not achieved or stopped). */
  initiatives: z.number(),
  /** Library items published in the school's library. */
  libraryItems: z.number(),
  archived: z.boolean(),
});
export type TNetworkSchool = z.input<typeof ZNetworkSchool>;

/** The network's totals over its schools that are not archived. */
export const ZNetworkTotals = z.object({
  schools: z.number(),
  archivedSchools: z.number(),
  people: z.number(),
  departments: z.number(),
  activeAccounts30d: z.number(),
  initiatives: z.number(),
  libraryItems: z.number(),
});
export type TNetworkTotals = z.input<typeof ZNetworkTotals>;

/** GET /network: the network the session works in, its totals and its schools (archived ones last). */
export const ZNetwork = z.object({
  id: z.string(),
  name: z.string(),
  totals: ZNetworkTotals,
  schools: z.array(ZNetworkSchool),
});
export type TNetwork = z.input<typeof ZNetwork>;

/** POST /network/schools: a new school and its first administrator (invited). */
export const ZNetworkSchoolInput = z.strictObject({
  name: ZName,
  institutionNumber: ZInstitutionNumber,
  adminName: ZName,
  adminEmail: ZEmail,
});
export type TNetworkSchoolInput = z.input<typeof ZNetworkSchoolInput>;

/** The created school and the administrator's invitation (e-mailed, or the link shown once). */
export const ZNetworkSchoolCreated = z.object({ school: ZNetworkSchool, invitation: ZLinkResult });
export type TNetworkSchoolCreated = z.input<typeof ZNetworkSchoolCreated>;

/** One coordinator of the network (an account has no name of its own: the e-mail is what is shown). */
export const ZCoordinator = z.object({
  accountId: z.string(),
  email: z.string(),
  since: ZTimestamp,
  /** Whether the account has set a password (has accepted the invitation). */
  active: z.boolean(),
  /** The signed-in coordinator themselves. */
  self: z.boolean(),
});
export type TCoordinator = z.input<typeof ZCoordinator>;

/** GET /network/coordinators. */
export const ZCoordinatorList = z.object({ items: z.array(ZCoordinator) });
export type TCoordinatorList = z.input<typeof ZCoordinatorList>;

/** POST /network/coordinators: invite a coordinator by e-mail. */
export const ZCoordinatorInput = z.strictObject({ email: ZEmail });
export type TCoordinatorInput = z.input<typeof ZCoordinatorInput>;

/** The new coordinator and the invitation (e-mailed, or the link shown once). */
export const ZCoordinatorInvited = z.object({ coordinator: ZCoordinator, invitation: ZLinkResult });
export type TCoordinatorInvited = z.input<typeof ZCoordinatorInvited>;

/** GET /network/audit: one page of the network's own log, and every action it holds (for the filter). */
export const ZNetworkAuditPage = z.object({
  items: z.array(ZAuditEvent),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  actions: z.array(z.string()),
});
export type TNetworkAuditPage = z.input<typeof ZNetworkAuditPage>;

/** PUT /me/network: the network the session works in. */
export const ZNetworkSwitchInput = z.strictObject({ networkId: z.string().max(100) });
export type TNetworkSwitchInput = z.input<typeof ZNetworkSwitchInput>;
export const ZNetworkSwitched = z.object({ networkId: z.string() });
export type TNetworkSwitched = z.input<typeof ZNetworkSwitched>;

/** GET /network/audit's query: a page, and optionally one action. */
export const ZNetworkAuditQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  action: z.string().max(60).optional(),
});
export type TNetworkAuditQuery = z.input<typeof ZNetworkAuditQuery>;
