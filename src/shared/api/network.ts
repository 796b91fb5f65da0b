import { z } from 'zod';

/** GET /network: the coordinator's network and its schools, with sizes only (no personal data). */
export const ZNetworkSchool = z.object({
  id: z.string(),
  name: z.string(),
  institutionNumber: z.string().nullable(),
  people: z.number(),
  departments: z.number(),
});
export type TNetworkSchool = z.input<typeof ZNetworkSchool>;
export const ZNetwork = z.object({ id: z.string(), name: z.string(), schools: z.array(ZNetworkSchool) });
export type TNetwork = z.input<typeof ZNetwork>;
