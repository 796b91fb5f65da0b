import { z } from 'zod';

/* A person's data (GDPR): the erasure's answer and the school's retention setting (docs/PRIVACY.md). */

const ZCounts = z.record(z.string(), z.number());

/** POST /people/:id/erase: what each module deleted and kept anonymised, by kind of row. */
export const ZErasure = z.object({
  personId: z.string(),
  modules: z.record(z.string(), z.object({ deleted: ZCounts.optional(), anonymised: ZCounts.optional() })),
});
export type TErasure = z.input<typeof ZErasure>;

/** The body of the erasure: the person's name typed again, so that nobody is erased by a slip. */
export const ZEraseInput = z.strictObject({ confirm: z.string().max(400) });

/** Months after a person's deactivation before their competence answers are erased; null keeps them. */
export const RETENTION_MONTHS = { min: 1, max: 240 } as const;
export const ZRetentionMonths = z.number().int().min(RETENTION_MONTHS.min).max(RETENTION_MONTHS.max).nullable();

/** GET/PUT /school/retention: the school's setting in effect, and the default it falls back to. */
export const ZRetention = z.object({ competenceAnswersMonths: ZRetentionMonths, defaultMonths: z.number() });
export type TRetention = z.input<typeof ZRetention>;
export const ZRetentionInput = z.strictObject({ competenceAnswersMonths: ZRetentionMonths });

/** The retention a school has not chosen (docs/PRIVACY.md, "Retention"): two years after the person left. */
export const DEFAULT_RETENTION_MONTHS = 24;
/** The months a school's setting means: absent is the default, null keeps the answers. */
export const retentionMonths = (setting: number | null | undefined): number | null => (setting === undefined ? DEFAULT_RETENTION_MONTHS : setting);
