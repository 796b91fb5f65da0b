import { and, asc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../db/client';
import { departments, people, personRoles, personTeams, teams } from '../../db/schema/index';
import { ZRole } from '../../../shared/schemas';
import type { SchoolActor } from '../../platform/actor';
import { peopleScope } from './policy';
import { isStaffPerson } from './staff';

export const ZPeopleQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  q: z.string().trim().max(200).optional(),
  departmentId: z.uuid().optional(),
  role: ZRole.optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
  /** Staff only (pickers of owners, collaborators, contract employees …): no students or company supervisors. */
  staff: z.enum(['true', 'false']).default('false'),
});
export type TPeopleQuery = z.infer<typeof ZPeopleQuery>;

const rolesOf = sql<string[]>`coalesce((select json_agg(${personRoles.role} order by ${personRoles.role}) from ${personRoles} where ${personRoles.schoolId} = ${people.schoolId} and ${personRoles.personId} = ${people.id}), '[]'::json)`;

export const personColumns = {
  id: people.id,
  name: people.name,
  email: people.email,
  jobTitle: people.jobTitle,
  departmentId: people.departmentId,
  departmentName: departments.name,
  employmentStart: people.employmentStart,
  active: people.active,
  hasAccount: sql<boolean>`${people.accountId} is not null`,
  roles: rolesOf,
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One page of people, searched and filtered; a department head sees only their department. */
export async function listPeople(exec: Executor, actor: SchoolActor, q: TPeopleQuery) {
  // An erased person's anonymised row stays for what others made with them, but is nobody to manage.
  const where: SQL[] = [eq(people.schoolId, actor.school.id), isNull(people.erasedAt)];
  const scope = peopleScope(actor);
  if (scope !== 'all') {
    if (!scope.departmentId) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    where.push(eq(people.departmentId, scope.departmentId));
  }
  if (q.active !== 'all') where.push(eq(people.active, q.active === 'true'));
  if (q.departmentId) where.push(eq(people.departmentId, q.departmentId));
  if (q.staff === 'true') where.push(isStaffPerson);
  if (q.role) {
    where.push(
      sql`exists (select 1 from ${personRoles} where ${personRoles.schoolId} = ${people.schoolId} and ${personRoles.personId} = ${people.id} and ${personRoles.role} = ${q.role})`,
    );
  }
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    const match = or(ilike(people.name, like), ilike(people.email, like), ilike(people.jobTitle, like));
    if (match) where.push(match);
  }
  const filtered = and(...where);
  // One statement: the page's ids are chosen first (using the name index), the total is an
  // uncorrelated sub-select evaluated once, and columns and roles are read for the page only.
  const page = exec
    .select({ id: people.id, sortName: sql<string>`lower(${people.name})`.as('sort_name') })
    .from(people)
    .where(filtered)
    .orderBy(asc(sql`lower(${people.name})`), asc(people.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .as('page');
  const total = sql<number>`(select count(*) from ${people} where ${filtered})`.mapWith(Number);
  const rows = await exec
    .select({ person: personColumns, total })
    .from(page)
    .innerJoin(people, and(eq(people.schoolId, actor.school.id), eq(people.id, page.id)))
    .leftJoin(departments, and(eq(departments.schoolId, people.schoolId), eq(departments.id, people.departmentId)))
    .orderBy(asc(page.sortName), asc(people.id));
  let count = rows[0]?.total;
  if (count === undefined) {
    const [c] = await exec.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(people).where(filtered);
    count = c?.n ?? 0;
  }
  // each person comes as its own object from the query: no copy per row without the total
  return { items: rows.map((r) => r.person), total: count, page: q.page, pageSize: q.pageSize };
}

const teamsOf = sql<{ id: string; name: string }[]>`coalesce((select json_agg(json_build_object('id', ${teams.id}, 'name', ${teams.name}) order by ${teams.name})
  from ${personTeams} join ${teams} on ${teams.schoolId} = ${personTeams.schoolId} and ${teams.id} = ${personTeams.teamId}
  where ${personTeams.schoolId} = ${people.schoolId} and ${personTeams.personId} = ${people.id}), '[]'::json)`;

/** One person with roles and teams. */
export async function getPerson(exec: Executor, schoolId: string, id: string) {
  const [row] = await exec
    .select({ ...personColumns, teams: teamsOf })
    .from(people)
    .leftJoin(departments, and(eq(departments.schoolId, people.schoolId), eq(departments.id, people.departmentId)))
    .where(and(eq(people.schoolId, schoolId), eq(people.id, id)));
  return row ?? null;
}
