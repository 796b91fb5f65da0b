import { z } from 'zod';

/* The school's settings and the Overblik: what each route answers. */

export const ZSchool = z.object({
  id: z.string(),
  name: z.string(),
  institutionNumber: z.string().nullable(),
  settings: z.object({ defaultLocale: z.enum(['da', 'en']), schoolYearStartMonth: z.number() }),
  /** The storage the school's uploaded files take, against its quota (set by the host). */
  storage: z.object({ quotaBytes: z.number(), usedBytes: z.number() }),
});
export type TSchool = z.input<typeof ZSchool>;

/** GET /overview: the school, its active departments with active head counts, totals and the four sigtelinjer. */
export const ZOverview = z.object({
  school: z.object({ id: z.string(), name: z.string(), institutionNumber: z.string().nullable() }),
  departments: z.array(z.object({ id: z.string(), name: z.string(), people: z.number() })),
  totals: z.object({ people: z.number(), departments: z.number(), programmes: z.number(), teams: z.number() }),
  sigtelinjer: z.array(z.number()),
});
export type TOverview = z.input<typeof ZOverview>;
