import { sql, type SQL } from 'drizzle-orm';
import type { TSurveyGroup } from '../../../shared/api/surveys';
import type { surveyRounds } from '../../db/schema/index';
import { people } from '../../db/schema/index';
import { todayInCopenhagen } from '../../platform/time';
import { rolesOfGroup } from './groups';

export type SurveyRound = typeof surveyRounds.$inferSelect;
export type RoundStatus = 'planned' | 'open' | 'closed';

/** Closed by hand or by the job, or past its closing day (the job closes it formally within the hour). */
export const statusOf = (r: Pick<SurveyRound, 'closedAt' | 'opensOn' | 'closesOn'>, today = todayInCopenhagen()): RoundStatus =>
  r.closedAt !== null || today > r.closesOn ? 'closed' : today < r.opensOn ? 'planned' : 'open';

/** Whether a person of this group and department is asked by the round. */
export const asks = (r: Pick<SurveyRound, 'groups' | 'departmentIds'>, group: TSurveyGroup | null, departmentId: string | null) =>
  group !== null && r.groups.includes(group) && (r.departmentIds === null || (departmentId !== null && r.departmentIds.includes(departmentId)));

const hasRoleIn = (roles: readonly string[]) =>
  sql`exists (select 1 from person_roles pr where pr.school_id = ${people.schoolId} and pr.person_id = ${people.id} and pr.role in (${sql.join(
    roles.map((r) => sql`${r}`),
    sql`, `,
  )}))`;

/** A person's respondent group in SQL, as `groupOfRoles` decides it (null: none). */
export const groupSql: SQL<TSurveyGroup | null> = sql`case
  when ${hasRoleIn(rolesOfGroup('leader'))} then 'leader'
  when ${hasRoleIn(rolesOfGroup('teacher'))} then 'teacher'
  when ${hasRoleIn(rolesOfGroup('student'))} then 'student'
  when ${hasRoleIn(rolesOfGroup('supervisor'))} then 'supervisor' end`;

/** Active people with an account whom the round asks (by group and department): those reminders and participation are about. */
export const askedWhere = (schoolId: string, r: Pick<SurveyRound, 'groups' | 'departmentIds'>): SQL =>
  sql`${people.schoolId} = ${schoolId} and ${people.active} and ${people.accountId} is not null
      and (${groupSql}) in (${sql.join(r.groups.map((g) => sql`${g}`), sql`, `)})
      ${r.departmentIds === null ? sql`` : r.departmentIds.length ? sql`and ${people.departmentId} in (${sql.join(r.departmentIds.map((d) => sql`${d}::uuid`), sql`, `)})` : sql`and false`}`;

export const personKey = (personId: string) => `person:${personId}`;
export const linkKey = (cookieHash: string) => `link:${cookieHash}`;
