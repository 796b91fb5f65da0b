import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { auditEvents, departments, people, personRoles, personTeams, programmes, schools, teams } from '../../db/schema/index';

/** Everything the school owns, as one JSON document (data portability; no secrets). */
export async function exportSchool(exec: Executor, schoolId: string) {
  const [school] = await exec.select().from(schools).where(eq(schools.id, schoolId));
  return {
    format: 'retning-school-export',
    version: 1,
    exportedAt: new Date().toISOString(),
    school,
    departments: await exec.select().from(departments).where(eq(departments.schoolId, schoolId)).orderBy(asc(departments.name)),
    programmes: await exec.select().from(programmes).where(eq(programmes.schoolId, schoolId)).orderBy(asc(programmes.name)),
    teams: await exec.select().from(teams).where(eq(teams.schoolId, schoolId)).orderBy(asc(teams.name)),
    people: await exec
      .select({
        id: people.id,
        name: people.name,
        email: people.email,
        jobTitle: people.jobTitle,
        departmentId: people.departmentId,
        employmentStart: people.employmentStart,
        active: people.active,
        createdAt: people.createdAt,
        updatedAt: people.updatedAt,
      })
      .from(people)
      .where(eq(people.schoolId, schoolId))
      .orderBy(asc(people.name)),
    roles: await exec.select().from(personRoles).where(eq(personRoles.schoolId, schoolId)),
    teamMemberships: await exec.select().from(personTeams).where(eq(personTeams.schoolId, schoolId)),
    auditEvents: await exec.select().from(auditEvents).where(eq(auditEvents.schoolId, schoolId)).orderBy(asc(auditEvents.at)),
  };
}
