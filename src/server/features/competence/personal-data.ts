import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import { competenceAssessments, competenceContractHistory, competenceContracts, competenceEnrolments, competenceRounds } from '../../db/schema/index';
import type { ErasureContext, ErasureReport, PersonalDataHooks } from '../../platform/feature';
import { cancelCalendarItem } from '../calendar/api';
import { refreshAreaTotals } from './area-totals';
import { roundIsOpen } from './assessments';
import { currentFramework } from './frameworks';
import { exportOwnData } from './own-data';
import { recordChanges, type Change } from './publish';

/**
 * Deletes assessments with their answers and area means, and keeps the aggregates exact: the
 * running totals of every round × department they counted in are recomputed, and the change is
 * recorded like a submission, so that an open round's published figures move only in steps of
 * THRESHOLD people (docs/ANONYMITY.md, "Over time"). Used by the erasure of a person and by the
 * retention job. Returns how many assessments went.
 */
export async function eraseAssessments(tx: Executor, schoolId: string, assessmentIds: string[]): Promise<number> {
  if (!assessmentIds.length) return 0;
  const ids = sql.join(assessmentIds.map((id) => sql`${id}::uuid`), sql`, `);
  const changes = await rawQuery<Change>(
    tx,
    sql`
      select round_id r, department_id d, assessment_id a from competence_area_levels where school_id = ${schoolId} and assessment_id in (${ids})
      union select round_id, department_id, id from competence_assessments where school_id = ${schoolId} and id in (${ids}) and submitted_at is not null`,
  );
  // Answers and area means go with the assessment (on delete cascade).
  const gone = await tx
    .delete(competenceAssessments)
    .where(and(eq(competenceAssessments.schoolId, schoolId), inArray(competenceAssessments.id, assessmentIds)))
    .returning({ id: competenceAssessments.id });
  // A closed round is read live: recomputing its totals now would change its figures by this one
  // person, and a reading before and after would give their levels. Its totals, anonymous figures of
  // at least THRESHOLD people, stay as they were at the close; should the round open again, they
  // are recomputed with the next step of its department (docs/ANONYMITY.md, docs/PRIVACY.md).
  const open = await openRounds(tx, schoolId, [...new Set(changes.map((c) => c.r))]);
  const moving = changes.filter((c) => open.has(c.r));
  await refreshAreaTotals(tx, schoolId, moving);
  await recordChanges(tx, schoolId, moving);
  return gone.length;
}

async function openRounds(tx: Executor, schoolId: string, roundIds: string[]): Promise<Set<string>> {
  if (!roundIds.length) return new Set();
  const rows = await tx
    .select()
    .from(competenceRounds)
    .where(and(eq(competenceRounds.schoolId, schoolId), inArray(competenceRounds.id, roundIds)));
  return new Set(rows.filter((r) => roundIsOpen(r)).map((r) => r.id));
}

const followUpRef = (contractId: string, date: string) => `contract-followup:${contractId}:${date}`;

/**
 * A person's competence data (docs/PRIVACY.md): their assessments and answers, enrolments (with
 * their course evaluations) and development contracts (with every version and their årshjul
 * follow-ups) are deleted; contracts they led as the leader stay with the leader shown by the
 * former-employee name.
 */
async function eraseCompetence(tx: Executor, schoolId: string, personId: string, { subject }: ErasureContext): Promise<ErasureReport> {
  const assessments = await tx
    .select({ id: competenceAssessments.id })
    .from(competenceAssessments)
    .where(and(eq(competenceAssessments.schoolId, schoolId), eq(competenceAssessments.personId, personId)));
  const erasedAssessments = await eraseAssessments(
    tx,
    schoolId,
    assessments.map((a) => a.id),
  );
  const enrolments = await tx
    .delete(competenceEnrolments)
    .where(and(eq(competenceEnrolments.schoolId, schoolId), eq(competenceEnrolments.personId, personId)))
    .returning({ id: competenceEnrolments.id });
  const contracts = await tx
    .select({ id: competenceContracts.id, content: competenceContracts.content })
    .from(competenceContracts)
    .where(and(eq(competenceContracts.schoolId, schoolId), eq(competenceContracts.personId, personId)));
  for (const c of contracts) {
    for (const date of new Set(c.content.followUps)) await cancelCalendarItem(tx, schoolId, 'competence', followUpRef(c.id, date));
  }
  if (contracts.length) {
    const ids = contracts.map((c) => c.id);
    await tx.delete(competenceContractHistory).where(and(eq(competenceContractHistory.schoolId, schoolId), inArray(competenceContractHistory.contractId, ids)));
    await tx.delete(competenceContracts).where(and(eq(competenceContracts.schoolId, schoolId), inArray(competenceContracts.id, ids)));
  }
  // As the leader of others' contracts: the contracts are theirs; only the name in the history goes.
  const led = await tx
    .update(competenceContractHistory)
    .set({ byName: subject.formerName })
    .where(and(eq(competenceContractHistory.schoolId, schoolId), eq(competenceContractHistory.byName, subject.name)))
    .returning({ seq: competenceContractHistory.seq });
  return {
    deleted: { assessments: erasedAssessments, enrolments: enrolments.length, contracts: contracts.length },
    anonymised: { contractVersionsByThem: led.length },
  };
}

/** The personal-data hooks of the competence module: the same export as the person's own download, and the erasure. */
export const competencePersonalData: PersonalDataHooks = {
  export: async (exec, schoolId, personId) => {
    const data = await exportOwnData(exec, schoolId, personId, await currentFramework(exec, schoolId, 'staff'));
    return { framework: data.framework, assessments: data.assessments, courses: data.courses, contracts: data.contracts };
  },
  erase: eraseCompetence,
};
