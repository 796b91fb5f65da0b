import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { competenceContracts, competenceCourses, competenceEnrolments, people } from '../../db/schema/index';
import type { Framework } from './frameworks';
import { profileOf } from './assessments';

/**
 * Everything Retning holds about one person's competence development, for their own download and
 * the school's export of a person's data (GDPR art. 15 and 20). Without a framework (a school that
 * has not begun mapping) there are no assessments.
 */
export async function exportOwnData(exec: Executor, schoolId: string, personId: string, fw: Framework | null) {
  const [person] = await exec.select({ name: people.name, email: people.email }).from(people).where(and(eq(people.schoolId, schoolId), eq(people.id, personId)));
  const rounds = fw ? await profileOf(exec, schoolId, personId, fw) : [];
  const names = new Map((fw?.areas ?? []).flatMap((a) => [[a.id, `${a.code} ${a.title.da}`] as const, ...a.competences.map((c) => [c.id, `${c.code} ${c.title.da}`] as const)]));
  const enrolments = await exec
    .select({ e: competenceEnrolments, title: competenceCourses.title })
    .from(competenceEnrolments)
    .innerJoin(competenceCourses, and(eq(competenceCourses.schoolId, competenceEnrolments.schoolId), eq(competenceCourses.id, competenceEnrolments.courseId)))
    .where(and(eq(competenceEnrolments.schoolId, schoolId), eq(competenceEnrolments.personId, personId)));
  const contracts = await exec
    .select()
    .from(competenceContracts)
    .where(and(eq(competenceContracts.schoolId, schoolId), eq(competenceContracts.personId, personId)));
  return {
    exportedAt: new Date().toISOString(),
    person,
    framework: fw ? { title: fw.title.da, version: fw.version } : null,
    assessments: rounds.map((r) => ({
      round: r.roundTitle,
      submittedAt: r.submittedAt.toISOString(),
      basicSkillsPassed: r.basicPassed,
      competences: Object.entries(r.competences).map(([id, level]) => ({ competence: names.get(id) ?? id, level })),
      areas: r.areas.map((a) => ({ area: names.get(a.id) ?? a.id, mean: a.mean, level: a.level })),
    })),
    courses: enrolments.map(({ e, title }) => ({ course: title, status: e.status, attended: e.attended, completedAt: e.completedAt?.toISOString() ?? null, rating: e.rating, comment: e.comment })),
    contracts: contracts.map((c) => ({ status: c.status, version: c.version, content: c.content, employeeAckAt: c.employeeAckAt?.toISOString() ?? null, leaderAckAt: c.leaderAckAt?.toISOString() ?? null })),
  };
}
