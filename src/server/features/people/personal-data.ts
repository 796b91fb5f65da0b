import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { departments, people, personRoles, personTeams, teams } from '../../db/schema/index';
import type { ErasureContext, ErasureReport, PersonalDataHooks } from '../../platform/feature';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The address an erased person's row keeps: unique in the school (people_email_uq) and never deliverable (RFC 2606 .invalid). */
export const erasedEmail = (personId: string) => `${personId}@erased.invalid`;

/** The person's record in the school: profile, roles and teams. */
async function exportPeople(exec: Executor, schoolId: string, personId: string): Promise<Record<string, unknown>> {
  const [p] = await exec
    .select({ person: people, department: departments.name })
    .from(people)
    .leftJoin(departments, and(eq(departments.schoolId, people.schoolId), eq(departments.id, people.departmentId)))
    .where(and(eq(people.schoolId, schoolId), eq(people.id, personId)));
  if (!p) return {};
  const roles = await exec
    .select({ role: personRoles.role, since: personRoles.createdAt })
    .from(personRoles)
    .where(and(eq(personRoles.schoolId, schoolId), eq(personRoles.personId, personId)))
    .orderBy(asc(personRoles.role));
  const myTeams = await exec
    .select({ name: teams.name })
    .from(personTeams)
    .innerJoin(teams, and(eq(teams.schoolId, personTeams.schoolId), eq(teams.id, personTeams.teamId)))
    .where(and(eq(personTeams.schoolId, schoolId), eq(personTeams.personId, personId)))
    .orderBy(asc(teams.name));
  const { person } = p;
  return {
    profile: {
      name: person.name,
      email: person.email,
      jobTitle: person.jobTitle,
      department: p.department,
      employmentStart: person.employmentStart,
      active: person.active,
      createdAt: iso(person.createdAt),
      deactivatedAt: iso(person.deactivatedAt),
    },
    roles: roles.map((r) => ({ role: r.role, since: iso(r.since) })),
    teams: myTeams.map((t) => t.name),
  };
}

/**
 * The person's record is kept (others' work refers to it) but anonymised: the name becomes the
 * former-employee name, the e-mail an undeliverable placeholder, job title, department and start
 * date go, the person is inactive and marked erased; their roles and team memberships are deleted.
 */
async function erasePeople(tx: Executor, schoolId: string, personId: string, { subject }: ErasureContext): Promise<ErasureReport> {
  const roles = await tx.delete(personRoles).where(and(eq(personRoles.schoolId, schoolId), eq(personRoles.personId, personId))).returning({ r: personRoles.role });
  const memberships = await tx.delete(personTeams).where(and(eq(personTeams.schoolId, schoolId), eq(personTeams.personId, personId))).returning({ t: personTeams.teamId });
  await tx
    .update(people)
    .set({
      name: subject.formerName,
      email: erasedEmail(personId),
      jobTitle: null,
      departmentId: null,
      employmentStart: null,
      active: false,
      erasedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(people.schoolId, schoolId), eq(people.id, personId)));
  return { deleted: { roles: roles.length, teamMemberships: memberships.length }, anonymised: { person: 1 } };
}

export const peoplePersonalData: PersonalDataHooks = { export: exportPeople, erase: erasePeople };
