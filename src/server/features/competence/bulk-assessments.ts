import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { competenceAnswers, competenceAssessments, competenceItems } from '../../db/schema/index';
import { materialiseAreaLevels } from './assessments';

/** Answers written per statement. */
const ANSWERS_PER_INSERT = 20_000;

/** Writes submitted assessments straight into the database (tests, seed and bench): level(person index, competence index). */
export async function writeAssessments(
  exec: Executor,
  schoolId: string,
  roundId: string,
  frameworkId: string,
  persons: { id: string; departmentId: string | null }[],
  level: (p: number, c: number) => number,
  passed: (p: number) => boolean = () => true,
  submittedAt: Date = new Date(),
): Promise<void> {
  const comps = await exec
    .select({ id: competenceItems.id })
    .from(competenceItems)
    .where(and(eq(competenceItems.schoolId, schoolId), eq(competenceItems.frameworkId, frameworkId), isNotNull(competenceItems.parentId)));
  if (!persons.length) return;
  const rows = await exec
    .insert(competenceAssessments)
    .values(persons.map((p, i) => ({ schoolId, roundId, personId: p.id, departmentId: p.departmentId, basicAnswers: [true, true, true, passed(i), passed(i)], basicPassed: passed(i), submittedAt })))
    .returning({ id: competenceAssessments.id, personId: competenceAssessments.personId });
  const answers = rows.flatMap((r) => {
    const p = persons.findIndex((x) => x.id === r.personId);
    return comps.map((c, ci) => [r.id, c.id, level(p, ci)] as const);
  });
  // one JSON parameter per chunk instead of four per answer: building and parsing thousands of parameters cost more than the insert
  for (let i = 0; i < answers.length; i += ANSWERS_PER_INSERT) {
    await exec.execute(sql`
      insert into ${competenceAnswers} (school_id, assessment_id, competence_id, level)
      select ${schoolId}::uuid, (x->>0)::uuid, (x->>1)::uuid, (x->>2)::smallint
      from jsonb_array_elements(${JSON.stringify(answers.slice(i, i + ANSWERS_PER_INSERT))}::jsonb) x`);
  }
  for (let i = 0; i < rows.length; i += 500) await materialiseAreaLevels(exec, schoolId, rows.slice(i, i + 500).map((r) => r.id));
}
