import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZSupervisorInvite } from '../../../shared/api/internship';
import { accounts, people, personRoles, supervisorCompanies } from '../../db/schema/index';
import { conflict } from '../../platform/errors';
import { createPerson, issuePersonLink, setRoles, type PeopleWriter } from '../people/api';
import type { CompanyRow } from './companies-queries';

/*
 * A praktikvejleder is a person of the school with the one role company_supervisor, tied to one
 * or more companies. Inviting by e-mail creates the person (or finds him by the address), gives
 * the role and issues the people feature's invitation link, all in the route's transaction.
 */

export type InvitedSupervisor = { person: typeof people.$inferSelect; token: string | null };

/** Only someone who is nothing else at the school may become a supervisor: a staff member or student keeps what he is. */
const notSupervisor = () => conflict('supervisor_is_member', [{ field: 'email', key: 'errors.supervisor_is_member' }]);

export async function inviteSupervisor(writer: PeopleWriter, company: CompanyRow, input: z.output<typeof ZSupervisorInvite>, canEmail: boolean): Promise<InvitedSupervisor> {
  const { db: tx, actor } = writer;
  const schoolId = actor.school.id;
  const [existing] = await tx
    .select()
    .from(people)
    .where(and(eq(people.schoolId, schoolId), sql`lower(${people.email}) = ${input.email.toLowerCase()}`))
    .limit(1);
  let person = existing;
  if (person) {
    const roles = (
      await tx
        .select({ role: personRoles.role })
        .from(personRoles)
        .where(and(eq(personRoles.schoolId, schoolId), eq(personRoles.personId, person.id)))
    ).map((r) => r.role);
    if (roles.some((r) => r !== 'company_supervisor') || !person.active) throw notSupervisor();
    if (!roles.length) await setRoles(writer, person, ['company_supervisor']);
  } else {
    person = await createPerson(writer, { name: input.name, email: input.email, jobTitle: null, departmentId: null, employmentStart: null });
    await setRoles(writer, person, ['company_supervisor']);
  }
  await tx.insert(supervisorCompanies).values({ schoolId, supervisorId: person.id, companyId: company.id }).onConflictDoNothing();
  // Someone who already set a password signs in as before; the new company simply appears.
  const [account] = person.accountId
    ? await tx.select({ passwordHash: accounts.passwordHash }).from(accounts).where(eq(accounts.id, person.accountId))
    : [];
  const token = account?.passwordHash ? null : await issuePersonLink(writer, person, 'invite', canEmail);
  return { person, token };
}

/** Unties a supervisor from a company; he keeps his person record (and other companies). */
export async function removeSupervisor(writer: PeopleWriter, company: CompanyRow, supervisorId: string): Promise<boolean> {
  const rows = await writer.db
    .delete(supervisorCompanies)
    .where(and(eq(supervisorCompanies.schoolId, writer.actor.school.id), eq(supervisorCompanies.companyId, company.id), eq(supervisorCompanies.supervisorId, supervisorId)))
    .returning({ id: supervisorCompanies.supervisorId });
  return rows.length > 0;
}
