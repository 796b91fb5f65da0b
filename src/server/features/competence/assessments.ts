import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { competenceAnswers, competenceAssessments, competenceRounds, people } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import { rawQuery } from '../../db/raw';
import { AppError, invalid } from '../../platform/errors';
import { todayInCopenhagen } from '../../platform/time';
import { BASIC_CHECKS } from './framework-data';
import { competencesOf, type Framework } from './frameworks';
import { refreshAreaTotals } from './area-totals';
import { recordChanges, type Change } from './publish';
import { answeredLevel, basicPassed, levelOfMean, mean, round1 } from './levels';

type RoundRow = typeof competenceRounds.$inferSelect;

/** Rounds open and close on Danish calendar days. */
export const roundIsOpen = (r: RoundRow, today = todayInCopenhagen()) => r.closedAt === null && r.opensOn <= today && today <= r.closesOn;
export const roundClosed = () => new AppError(409, 'round_closed');

/** Who takes part in a round: active, in its departments (or the whole school), staff or students by the round's framework. */
export function eligibleWhere(schoolId: string, round: Pick<RoundRow, 'departmentIds' | 'frameworkId'>) {
  // A staff framework's round is for staff (not students or company supervisors); a student framework's round for students.
  const staff = sql`case (select f.kind from competence_frameworks f where f.school_id = ${people.schoolId} and f.id = ${round.frameworkId})
    when 'student' then exists (select 1 from person_roles r where r.school_id = ${people.schoolId} and r.person_id = ${people.id} and r.role = 'student')
    else exists (select 1 from person_roles r where r.school_id = ${people.schoolId} and r.person_id = ${people.id} and r.role not in ('student', 'company_supervisor')) end`;
  const conds = [eq(people.schoolId, schoolId), eq(people.active, true), staff];
  if (round.departmentIds) conds.push(round.departmentIds.length ? inArray(people.departmentId, round.departmentIds) : sql`false`);
  return and(...conds);
}

export async function isEligible(exec: Executor, schoolId: string, round: RoundRow, personId: string): Promise<boolean> {
  const [row] = await exec.select({ id: people.id }).from(people).where(and(eligibleWhere(schoolId, round), eq(people.id, personId)));
  return row !== undefined;
}

/**
 * Writes the mean per area of submitted assessments as answered (replacing earlier rows of the same
 * assessments) and refreshes the running totals of their departments. Level 0 does not flatten
 * the answers: a person at level 0 counts in the heatmap with the levels they gave (docs/competence.md).
 */
export async function materialiseAreaLevels(tx: Executor, schoolId: string, assessmentIds: string[]): Promise<void> {
  if (!assessmentIds.length) return;
  const ids = sql.join(assessmentIds.map((id) => sql`${id}::uuid`), sql`, `);
  // The departments these assessments counted in before (their old rows) and count in now.
  const changes = await rawQuery<Change>(
    tx,
    sql`
      select round_id r, department_id d, assessment_id a from competence_area_levels where school_id = ${schoolId} and assessment_id in (${ids})
      union select round_id, department_id, id from competence_assessments where school_id = ${schoolId} and id in (${ids})`,
  );
  await tx.execute(sql`delete from competence_area_levels where school_id = ${schoolId} and assessment_id in (${ids})`);
  await tx.execute(sql`
    insert into competence_area_levels (school_id, assessment_id, area_id, round_id, department_id, mean)
    select a.school_id, a.id, i.parent_id, a.round_id, a.department_id, avg(ans.level)::float8
    from competence_assessments a
    join competence_answers ans on ans.school_id = a.school_id and ans.assessment_id = a.id
    join competence_items i on i.school_id = ans.school_id and i.id = ans.competence_id
    where a.school_id = ${schoolId} and a.id in (${ids}) and a.submitted_at is not null
    group by a.school_id, a.id, i.parent_id, a.round_id, a.department_id`);
  await refreshAreaTotals(tx, schoolId, changes);
  await recordChanges(tx, schoolId, changes);
}

export type AssessmentInput = { basicAnswers?: boolean[] | undefined; answers?: { competenceId: string; level: number }[] | undefined; submit?: boolean | undefined };

/** Saves (and optionally submits) the actor's own answers; the round must be open. The caller audits. */
export async function saveAssessment(tx: Executor, actor: SchoolActor, round: RoundRow, fw: Framework, input: AssessmentInput) {
  if (!roundIsOpen(round)) throw roundClosed();
  const known = new Set(competencesOf(fw).map((c) => c.id));
  const fields = (input.answers ?? []).flatMap((a, i) => (known.has(a.competenceId) ? [] : [{ field: `answers.${i}.competenceId`, key: 'competence.validation.unknown_competence' }]));
  if (input.basicAnswers && input.basicAnswers.length !== BASIC_CHECKS.length) fields.push({ field: 'basicAnswers', key: 'competence.validation.basic_count' });
  if (fields.length) throw invalid(fields);
  const schoolId = actor.school.id;
  const [existing] = await tx
    .select()
    .from(competenceAssessments)
    .where(and(eq(competenceAssessments.schoolId, schoolId), eq(competenceAssessments.roundId, round.id), eq(competenceAssessments.personId, actor.person.id)));
  let assessment = existing;
  if (!assessment) {
    [assessment] = await tx
      .insert(competenceAssessments)
      .values({ schoolId, roundId: round.id, personId: actor.person.id, departmentId: actor.person.departmentId, basicAnswers: input.basicAnswers ?? null })
      .returning();
  } else if (input.basicAnswers) {
    await tx.update(competenceAssessments).set({ basicAnswers: input.basicAnswers, ...(assessment.submittedAt ? { basicPassed: basicPassed(input.basicAnswers) } : {}), updatedAt: sql`now()` }).where(and(eq(competenceAssessments.schoolId, schoolId), eq(competenceAssessments.id, assessment.id)));
  }
  if (!assessment) throw new Error('assessment insert failed');
  for (const a of input.answers ?? []) {
    await tx
      .insert(competenceAnswers)
      .values({ schoolId, assessmentId: assessment.id, competenceId: a.competenceId, level: a.level })
      .onConflictDoUpdate({ target: [competenceAnswers.schoolId, competenceAnswers.assessmentId, competenceAnswers.competenceId], set: { level: a.level } });
  }
  const answered = await tx
    .select({ competenceId: competenceAnswers.competenceId, level: competenceAnswers.level })
    .from(competenceAnswers)
    .where(and(eq(competenceAnswers.schoolId, schoolId), eq(competenceAnswers.assessmentId, assessment.id)));
  const basic = input.basicAnswers ?? assessment.basicAnswers;
  if (input.submit) {
    const missing = competencesOf(fw).filter((c) => !answered.some((a) => a.competenceId === c.id));
    const errs = missing.map((c) => ({ field: `answers.${c.id}`, key: 'competence.validation.unanswered' }));
    if (!basic || basic.length !== BASIC_CHECKS.length) errs.unshift({ field: 'basicAnswers', key: 'competence.validation.unanswered' });
    if (errs.length) throw invalid(errs);
    await tx
      .update(competenceAssessments)
      .set({ submittedAt: sql`now()`, basicPassed: basicPassed(basic), departmentId: actor.person.departmentId, updatedAt: sql`now()` })
      .where(and(eq(competenceAssessments.schoolId, schoolId), eq(competenceAssessments.id, assessment.id)));
  }
  if (input.submit || assessment.submittedAt) await materialiseAreaLevels(tx, schoolId, [assessment.id]);
  return { id: assessment.id, answered: answered.length, submitted: input.submit === true || assessment.submittedAt !== null };
}

/** The actor's draft or submission in a round, for resuming. */
export async function draftOf(exec: Executor, schoolId: string, roundId: string, personId: string) {
  const [a] = await exec
    .select()
    .from(competenceAssessments)
    .where(and(eq(competenceAssessments.schoolId, schoolId), eq(competenceAssessments.roundId, roundId), eq(competenceAssessments.personId, personId)));
  if (!a) return { basicAnswers: null, answers: {} as Record<string, number>, submittedAt: null as Date | null };
  const answers = await exec
    .select({ competenceId: competenceAnswers.competenceId, level: competenceAnswers.level })
    .from(competenceAnswers)
    .where(and(eq(competenceAnswers.schoolId, schoolId), eq(competenceAnswers.assessmentId, a.id)));
  return { basicAnswers: a.basicAnswers, answers: Object.fromEntries(answers.map((x) => [x.competenceId, x.level])), submittedAt: a.submittedAt };
}

export type ProfileLevels = {
  roundId: string;
  roundTitle: string;
  submittedAt: Date;
  basicPassed: boolean;
  competences: Record<string, number>;
  areas: { id: string; mean: number; level: number }[];
};

/** A person's submitted assessments, newest round first, with the levels as answered and the level-0 flag beside them. */
export async function profileOf(exec: Executor, schoolId: string, personId: string, fw: Framework): Promise<ProfileLevels[]> {
  const rows = await exec
    .select({ a: competenceAssessments, title: competenceRounds.title, opensOn: competenceRounds.opensOn })
    .from(competenceAssessments)
    .innerJoin(competenceRounds, and(eq(competenceRounds.schoolId, competenceAssessments.schoolId), eq(competenceRounds.id, competenceAssessments.roundId)))
    .where(and(eq(competenceAssessments.schoolId, schoolId), eq(competenceAssessments.personId, personId), isNotNull(competenceAssessments.submittedAt), eq(competenceRounds.frameworkId, fw.id)))
    .orderBy(desc(competenceRounds.opensOn));
  const out: ProfileLevels[] = [];
  for (const { a, title } of rows) {
    if (!a.submittedAt) continue;
    const answers = await exec
      .select({ competenceId: competenceAnswers.competenceId, level: competenceAnswers.level })
      .from(competenceAnswers)
      .where(and(eq(competenceAnswers.schoolId, schoolId), eq(competenceAnswers.assessmentId, a.id)));
    const passed = a.basicPassed === true;
    const competences = Object.fromEntries(answers.map((x) => [x.competenceId, answeredLevel(x.level)]));
    const areas = fw.areas.map((area) => {
      const m = mean(area.competences.map((c) => competences[c.id] ?? 0));
      return { id: area.id, mean: round1(m), level: levelOfMean(m) };
    });
    out.push({ roundId: a.roundId, roundTitle: title, submittedAt: a.submittedAt, basicPassed: passed, competences, areas });
  }
  return out;
}

/** The department's people whose latest submitted assessment places them at level 0 (their basic-skills check was not passed). */
export async function levelZeroList(exec: Executor, schoolId: string, departmentId: string) {
  const list = await rawQuery<{ id: string; name: string; submitted_at: string | Date; round_title: string }>(
    exec,
    sql`
    select p.id, p.name, latest.submitted_at, latest.title as round_title from people p
    join lateral (
      select a.basic_passed, a.submitted_at, r.title from competence_assessments a
      join competence_rounds r on r.school_id = a.school_id and r.id = a.round_id
      where a.school_id = p.school_id and a.person_id = p.id and a.submitted_at is not null
      order by r.opens_on desc, a.submitted_at desc limit 1
    ) latest on true
    where p.school_id = ${schoolId} and p.department_id = ${departmentId} and p.active and latest.basic_passed = false
    order by lower(p.name)`,
  );
  return list.map((r) => ({ personId: r.id, name: r.name, roundTitle: r.round_title, submittedAt: new Date(r.submitted_at) }));
}
