import { z } from 'zod';

/** A department, programme or team of the school. */
export const ZOrgUnit = z.object({ id: z.string(), name: z.string(), archived: z.boolean(), departmentId: z.string().nullable() });
export type TOrgUnit = z.input<typeof ZOrgUnit>;
export const ZOrgUnitList = z.array(ZOrgUnit);

export const ZOrgListQuery = z.strictObject({ archived: z.enum(['true', 'false']).optional() });
