import { and, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { competenceAnswers, competenceAssessments, competenceItems } from '../../db/schema/index';
import { materialiseAreaLevels } from './assessments';

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
    return comps.map((c, ci) => ({ schoolId, assessmentId: r.id, competenceId: c.id, level: level(p, ci) }));
  });
  for (let i = 0; i < answers.length; i += 2000) await exec.insert(competenceAnswers).values(answers.slice(i, i + 2000));
  for (let i = 0; i < rows.length; i += 500) await materialiseAreaLevels(exec, schoolId, rows.slice(i, i + 500).map((r) => r.id));
}
