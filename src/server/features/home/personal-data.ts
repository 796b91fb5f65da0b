import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { homeDigests, homePreferences } from '../../db/schema/index';
import type { ErasureReport, PersonalDataHooks } from '../../platform/feature';
import { weeklyDigestOf } from './preferences';

/** The person's choice of the weekly digest and the weeks it was sent to them (the links' tokens are secrets and stay out). */
async function exportHome(exec: Executor, schoolId: string, personId: string): Promise<Record<string, unknown>> {
  const sent = await exec
    .select({ week: homeDigests.week, sentAt: homeDigests.sentAt })
    .from(homeDigests)
    .where(and(eq(homeDigests.schoolId, schoolId), eq(homeDigests.personId, personId)))
    .orderBy(asc(homeDigests.week));
  return { weeklyDigest: await weeklyDigestOf(exec, schoolId, personId), digestsSent: sent.map((s) => ({ week: s.week, sentAt: s.sentAt.toISOString() })) };
}

/** Both are only about the person: deleted. */
async function eraseHome(tx: Executor, schoolId: string, personId: string): Promise<ErasureReport> {
  const digests = await tx.delete(homeDigests).where(and(eq(homeDigests.schoolId, schoolId), eq(homeDigests.personId, personId))).returning({ week: homeDigests.week });
  const prefs = await tx.delete(homePreferences).where(and(eq(homePreferences.schoolId, schoolId), eq(homePreferences.personId, personId))).returning({ p: homePreferences.personId });
  return { deleted: { digests: digests.length, preferences: prefs.length } };
}

export const homePersonalData: PersonalDataHooks = { export: exportHome, erase: eraseHome };
