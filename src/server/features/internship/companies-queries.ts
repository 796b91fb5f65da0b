import { and, asc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { TCompanySupervisor, ZCompaniesQuery } from '../../../shared/api/internship';
import type { Executor } from '../../db/client';
import { companies, companyProgrammes, placements, programmes, people, supervisorCompanies } from '../../db/schema/index';
import type { Actor, SchoolActor } from '../../platform/actor';
import { notFound } from '../../platform/errors';
import { isUuid, loadScoped } from '../../platform/loader';
import { isStaff } from '../../platform/policy-helpers';
import { todayInCopenhagen } from '../../platform/time';
import type { CompanyResource } from './policy';

/* Reads of companies: search, per department (through the programmes it runs), one company with its supervisors. */

export type CompanyRow = typeof companies.$inferSelect;
export type CompanyExtras = { programmes: { id: string; name: string }[]; currentStudents: number };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The programmes and today's students of the given companies. */
export async function companyExtras(exec: Executor, schoolId: string, ids: string[]): Promise<Map<string, CompanyExtras>> {
  const out = new Map<string, CompanyExtras>(ids.map((id) => [id, { programmes: [], currentStudents: 0 }]));
  if (!ids.length) return out;
  const today = todayInCopenhagen();
  const [progs, counts] = await Promise.all([
    exec
      .select({ companyId: companyProgrammes.companyId, id: programmes.id, name: programmes.name })
      .from(companyProgrammes)
      .innerJoin(programmes, and(eq(programmes.schoolId, companyProgrammes.schoolId), eq(programmes.id, companyProgrammes.programmeId)))
      .where(and(eq(companyProgrammes.schoolId, schoolId), inArray(companyProgrammes.companyId, ids)))
      .orderBy(asc(programmes.name)),
    exec
      .select({ companyId: placements.companyId, n: sql<number>`count(distinct ${placements.studentId})::int` })
      .from(placements)
      .where(
        and(
          eq(placements.schoolId, schoolId),
          inArray(placements.companyId, ids),
          sql`${placements.startsOn} <= ${today}::date and ${placements.endsOn} >= ${today}::date`,
        ),
      )
      .groupBy(placements.companyId),
  ]);
  for (const p of progs) out.get(p.companyId)?.programmes.push({ id: p.id, name: p.name });
  for (const c of counts) if (c.companyId) (out.get(c.companyId) as CompanyExtras).currentStudents = c.n;
  return out;
}

export async function listCompanies(exec: Executor, actor: SchoolActor, query: z.output<typeof ZCompaniesQuery>): Promise<CompanyRow[]> {
  const schoolId = actor.school.id;
  const where: (SQL | undefined)[] = [eq(companies.schoolId, schoolId)];
  where.push(query.archived === 'true' ? isNotNull(companies.archivedAt) : isNull(companies.archivedAt));
  if (query.q) {
    const like = `%${escapeLike(query.q.toLowerCase())}%`;
    where.push(or(ilike(companies.name, like), ilike(companies.trade, like), ilike(companies.city, like), sql`${companies.cvr} like ${`${escapeLike(query.q.replace(/\s/g, ''))}%`}`));
  }
  if (query.programmeId !== undefined) {
    if (!isUuid(query.programmeId)) return [];
    where.push(
      sql`exists (select 1 from company_programmes cp where cp.school_id = ${schoolId} and cp.company_id = "companies"."id" and cp.programme_id = ${query.programmeId})`,
    );
  }
  if (query.departmentId !== undefined) {
    if (!isUuid(query.departmentId)) return [];
    where.push(
      sql`exists (select 1 from company_programmes cp join programme_departments pd on pd.school_id = cp.school_id and pd.programme_id = cp.programme_id
        where cp.school_id = ${schoolId} and cp.company_id = "companies"."id" and pd.department_id = ${query.departmentId})`,
    );
  }
  return exec
    .select()
    .from(companies)
    .where(and(...where))
    .orderBy(asc(sql`lower(${companies.name})`))
    .limit(500);
}

export async function companySupervisors(exec: Executor, schoolId: string, companyId: string): Promise<TCompanySupervisor[]> {
  const rows = await exec
    .select({ id: people.id, name: people.name, email: people.email, accountId: people.accountId })
    .from(supervisorCompanies)
    .innerJoin(people, and(eq(people.schoolId, supervisorCompanies.schoolId), eq(people.id, supervisorCompanies.supervisorId)))
    .where(and(eq(supervisorCompanies.schoolId, schoolId), eq(supervisorCompanies.companyId, companyId)))
    .orderBy(asc(people.name));
  return rows.map((r) => ({ id: r.id, name: r.name, email: r.email, invited: r.accountId !== null }));
}

/** The companies a supervisor is tied to. */
export async function companiesOfSupervisor(exec: Executor, schoolId: string, supervisorId: string): Promise<string[]> {
  const rows = await exec
    .select({ companyId: supervisorCompanies.companyId })
    .from(supervisorCompanies)
    .where(and(eq(supervisorCompanies.schoolId, schoolId), eq(supervisorCompanies.supervisorId, supervisorId)));
  return rows.map((r) => r.companyId);
}

/**
 * A company of the actor's school with its policy resource. A supervisor of another company gets
 * 404 like a missing one: he learns nothing of the school's other companies.
 */
export async function loadCompany(exec: Executor, actor: Actor, id: string): Promise<{ row: CompanyRow; resource: CompanyResource }> {
  const row = await loadScoped(exec, actor, companies, id);
  const supervisor = actor.person !== null && actor.roles.includes('company_supervisor');
  const mine = supervisor && actor.person !== null && (await companiesOfSupervisor(exec, row.schoolId, actor.person.id)).includes(row.id);
  if (supervisor && !isStaff(actor) && !mine) throw notFound();
  return { row, resource: { kind: 'company', companyId: row.id, supervisedByActor: mine } };
}
