import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { homePreferences } from '../../db/schema/index';

/** Whether the person gets the weekly digest: yes until they say no. */
export async function weeklyDigestOf(exec: Executor, schoolId: string, personId: string): Promise<boolean> {
  const [row] = await exec
    .select({ on: homePreferences.weeklyDigest })
    .from(homePreferences)
    .where(and(eq(homePreferences.schoolId, schoolId), eq(homePreferences.personId, personId)));
  return row?.on ?? true;
}

/** The person's choice, from their account page or the link in a digest. */
export async function setWeeklyDigest(exec: Executor, schoolId: string, personId: string, on: boolean): Promise<void> {
  await exec
    .insert(homePreferences)
    .values({ schoolId, personId, weeklyDigest: on })
    .onConflictDoUpdate({ target: [homePreferences.schoolId, homePreferences.personId], set: { weeklyDigest: on, updatedAt: sql`now()` } });
}
