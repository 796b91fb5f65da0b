import { and, desc, eq, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { competenceRounds } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import { todayInCopenhagen } from '../../platform/time';
import { draftOf, isEligible } from './assessments';
import { presentRound, type RoundRow } from './presenter';

/** The school's rounds, newest first, each with whether the actor takes part and how far they got. */
export async function myRounds(exec: Executor, actor: SchoolActor) {
  const rows = await exec
    .select()
    .from(competenceRounds)
    .where(eq(competenceRounds.schoolId, actor.school.id))
    .orderBy(desc(competenceRounds.opensOn), desc(competenceRounds.createdAt));
  const today = todayInCopenhagen();
  const out = [];
  for (const r of rows) {
    const mine = await draftOf(exec, actor.school.id, r.id, actor.person.id);
    out.push({
      ...presentRound(r, today),
      eligible: await isEligible(exec, actor.school.id, r, actor.person.id),
      mySubmittedAt: mine.submittedAt,
      myAnswered: Object.keys(mine.answers).length,
    });
  }
  return out;
}

/** The school's newest round (by opening date). */
export async function latestRound(exec: Executor, schoolId: string): Promise<RoundRow | undefined> {
  const [r] = await exec.select().from(competenceRounds).where(eq(competenceRounds.schoolId, schoolId)).orderBy(desc(competenceRounds.opensOn)).limit(1);
  return r;
}

/** The round before this one (same framework, earlier opening date), for comparison. */
export async function previousRound(exec: Executor, schoolId: string, round: RoundRow): Promise<RoundRow | undefined> {
  const [prev] = await exec
    .select()
    .from(competenceRounds)
    .where(and(eq(competenceRounds.schoolId, schoolId), eq(competenceRounds.frameworkId, round.frameworkId), lt(competenceRounds.opensOn, round.opensOn)))
    .orderBy(desc(competenceRounds.opensOn))
    .limit(1);
  return prev;
}
