import { z } from 'zod';
import { ZDay } from './api/common';
import { SCHOOL_ROLES } from './roles';

/** zod schemas shared by server and web. Messages are locale keys. */
export const ZEmail = z.string().trim().toLowerCase().max(254).email({ error: 'validation.invalid_email' });
export const ZInstitutionNumber = z.string().regex(/^\d{6}$/, { error: 'validation.institution_number' });
export const ZName = z.string().trim().min(1).max(200);
export const ZLocale = z.enum(['da', 'en']);
export const ZRole = z.enum(SCHOOL_ROLES);
/** A calendar day the client sends (years 1000–9999, see YEARS). */
export const ZIsoDate = ZDay;

export const ZLogin = z.strictObject({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(1000) });
export type TLogin = z.infer<typeof ZLogin>;

export const ZSetPassword = z.strictObject({ password: z.string().min(10).max(1000) });

export const ZPersonInput = z.strictObject({
  name: ZName,
  email: ZEmail,
  jobTitle: z.string().trim().max(200).nullable().optional(),
  departmentId: z.uuid().nullable().optional(),
  employmentStart: ZIsoDate.nullable().optional(),
});
export type TPersonInput = z.infer<typeof ZPersonInput>;

export const ZPersonPatch = ZPersonInput.partial().extend({ active: z.boolean().optional() }).strict();
export type TPersonPatch = z.infer<typeof ZPersonPatch>;

export const ZRolesInput = z.strictObject({ roles: z.array(ZRole).max(SCHOOL_ROLES.length) });

export const ZTeamsInput = z.strictObject({ teamIds: z.array(z.uuid()).max(200) });

export const ZSchoolSettings = z.strictObject({
  defaultLocale: ZLocale,
  schoolYearStartMonth: z.number().int().min(1).max(12),
});
export const ZSchoolPatch = z.strictObject({
  name: ZName.optional(),
  institutionNumber: ZInstitutionNumber.nullable().optional(),
  settings: ZSchoolSettings.optional(),
});

export const ZOrgUnitInput = z.strictObject({ name: ZName, departmentId: z.uuid().nullable().optional() });
export const ZOrgUnitPatch = z.strictObject({ name: ZName.optional(), archived: z.boolean().optional(), departmentId: z.uuid().nullable().optional() });
