import { and, eq, inArray, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZCompanyInput, ZCompanyPatch } from '../../../shared/api/internship';
import type { Executor } from '../../db/client';
import { companies, companyProgrammes, programmes } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import { conflict, invalid } from '../../platform/errors';
import { isUuid } from '../../platform/loader';
import { isValidCvr } from './companies-cvr';
import type { CompanyRow } from './companies-queries';

/* Writes of companies: create, edit (archive), the programmes a company is approved for. */

type Input = z.output<typeof ZCompanyInput>;
type Patch = z.output<typeof ZCompanyPatch>;

const cvrTaken = () => conflict('company_cvr_taken', [{ field: 'cvr', key: 'errors.company_cvr_taken' }]);

async function assertCvrFree(exec: Executor, schoolId: string, cvr: string, exceptId: string | null) {
  if (!isValidCvr(cvr)) throw invalid([{ field: 'cvr', key: 'validation.cvr_check_digit' }]);
  const where = [eq(companies.schoolId, schoolId), eq(companies.cvr, cvr)];
  if (exceptId) where.push(ne(companies.id, exceptId));
  const [taken] = await exec
    .select({ id: companies.id })
    .from(companies)
    .where(and(...where))
    .limit(1);
  if (taken) throw cvrTaken();
}

/** Replaces the programmes a company is approved for; every id must be a programme of the school. */
async function setProgrammes(exec: Executor, schoolId: string, companyId: string, ids: string[]) {
  const wanted = [...new Set(ids)];
  if (wanted.length) {
    const found = wanted.every(isUuid)
      ? await exec
          .select({ id: programmes.id })
          .from(programmes)
          .where(and(eq(programmes.schoolId, schoolId), inArray(programmes.id, wanted)))
      : [];
    if (found.length !== wanted.length) throw invalid([{ field: 'programmeIds', key: 'validation.unknown_programme' }]);
  }
  await exec.delete(companyProgrammes).where(and(eq(companyProgrammes.schoolId, schoolId), eq(companyProgrammes.companyId, companyId)));
  if (wanted.length) await exec.insert(companyProgrammes).values(wanted.map((programmeId) => ({ schoolId, companyId, programmeId })));
}

export async function createCompany(tx: Executor, actor: SchoolActor, input: Input): Promise<CompanyRow> {
  const schoolId = actor.school.id;
  await assertCvrFree(tx, schoolId, input.cvr, null);
  const { programmeIds, ...fields } = input;
  const [row] = await tx
    .insert(companies)
    .values({ schoolId, ...fields, createdBy: actor.person.id })
    .onConflictDoNothing()
    .returning();
  // A concurrent request took the CVR between the check and the insert.
  if (!row) throw cvrTaken();
  await setProgrammes(tx, schoolId, row.id, programmeIds);
  return row;
}

export async function updateCompany(tx: Executor, actor: SchoolActor, before: CompanyRow, patch: Patch): Promise<CompanyRow> {
  const schoolId = actor.school.id;
  if (patch.cvr !== undefined && patch.cvr !== before.cvr) await assertCvrFree(tx, schoolId, patch.cvr, before.id);
  const { programmeIds, archived, ...fields } = patch;
  const set: Partial<typeof companies.$inferInsert> = { ...fields, updatedAt: new Date() };
  if (archived !== undefined) set.archivedAt = archived ? (before.archivedAt ?? new Date()) : null;
  const [row] = await tx
    .update(companies)
    .set(set)
    .where(and(eq(companies.schoolId, schoolId), eq(companies.id, before.id)))
    .returning();
  if (!row) throw new Error('update returned nothing');
  if (programmeIds !== undefined) await setProgrammes(tx, schoolId, row.id, programmeIds);
  return row;
}
