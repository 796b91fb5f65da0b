import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { SIGTELINJER } from '../../../shared/vocabulary';
import type { Config } from '../../config';
import type { Executor } from '../../db/client';
import { departments, people, programmes, schools, teams } from '../../db/schema/index';
import { notFound } from '../../platform/errors';
import { storageOf } from '../../platform/files/index';

export async function loadSchool(exec: Executor, schoolId: string) {
  const [s] = await exec.select().from(schools).where(eq(schools.id, schoolId));
  if (!s) throw notFound();
  return s;
}

/** The school as its settings page shows it; the storage quota is the host's, shown beside the settings the school edits. */
export async function presentSchool(exec: Executor, config: Config, s: typeof schools.$inferSelect) {
  const { defaultLocale, schoolYearStartMonth } = s.settings;
  return { id: s.id, name: s.name, institutionNumber: s.institutionNumber, settings: { defaultLocale, schoolYearStartMonth }, storage: await storageOf(exec, config, s.id) };
}

/** The Overblik: the school, its active departments with their active people, and the totals. */
export async function overview(exec: Executor, schoolId: string) {
  const s = await loadSchool(exec, schoolId);
  const depts = await exec
    .select({ id: departments.id, name: departments.name, people: count(people.id) })
    .from(departments)
    .leftJoin(people, and(eq(people.schoolId, departments.schoolId), eq(people.departmentId, departments.id), eq(people.active, true)))
    .where(and(eq(departments.schoolId, schoolId), isNull(departments.archivedAt)))
    .groupBy(departments.id, departments.name)
    .orderBy(asc(departments.name));
  const [totals] = await exec
    .select({ people: count() })
    .from(people)
    .where(and(eq(people.schoolId, schoolId), eq(people.active, true)));
  const [progs] = await exec.select({ n: count() }).from(programmes).where(and(eq(programmes.schoolId, schoolId), isNull(programmes.archivedAt)));
  const [tms] = await exec.select({ n: count() }).from(teams).where(and(eq(teams.schoolId, schoolId), isNull(teams.archivedAt)));
  return {
    school: { id: s.id, name: s.name, institutionNumber: s.institutionNumber },
    departments: depts,
    totals: { people: totals?.people ?? 0, departments: depts.length, programmes: progs?.n ?? 0, teams: tms?.n ?? 0 },
    sigtelinjer: [...SIGTELINJER],
  };
}
