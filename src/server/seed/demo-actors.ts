import { and, eq, inArray } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { SchoolRole } from '../../shared/roles';
import type { Executor } from '../db/client';
import { auditEvents, departments, people, personRoles, schools } from '../db/schema/index';
import type { SchoolActor } from '../platform/actor';
import { auditRow, type AuditEntry } from '../platform/audit';

/**
 * The demo school's content is written by its own people through the features' commands, as the
 * API would on their behalf: each command gets an actor built from a person of the demo school and
 * an audit writer, so the audit log reads "Dorte Direktør published the strategy". The 40
 * colleagues have no sign-in account yet; what they do (enrol, evaluate, acknowledge) is logged
 * under their name without an account. The events are the rows `audit` writes, gathered and
 * written in one statement by `flush()` before the seed's transaction ends (a few hundred single
 * inserts would slow the first start).
 */
export type DemoWriter = { db: Executor; actor: SchoolActor; audit: (entry: AuditEntry) => Promise<void> };

type PersonRow = typeof people.$inferSelect;

/** The demo school's people (by e-mail), their actors and writers, its departments by name and its first month of the school year. */
export async function demoPeople(tx: Executor, schoolId: string) {
  const [row] = await tx.select({ id: schools.id, name: schools.name, networkId: schools.networkId, settings: schools.settings }).from(schools).where(eq(schools.id, schoolId));
  if (!row) throw new Error('the demo school is missing');
  const { settings, ...school } = row;
  const depts = await tx.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.schoolId, schoolId));
  const department = (name: string): string => {
    const d = depts.find((x) => x.name === name);
    if (!d) throw new Error(`the demo department ${name} is missing`);
    return d.id;
  };
  const rows = await tx.select().from(people).where(eq(people.schoolId, schoolId));
  const roleRows = rows.length
    ? await tx
        .select({ personId: personRoles.personId, role: personRoles.role })
        .from(personRoles)
        .where(and(eq(personRoles.schoolId, schoolId), inArray(personRoles.personId, rows.map((r) => r.id))))
    : [];
  const rolesOf = (id: string) => roleRows.filter((r) => r.personId === id).map((r) => r.role as SchoolRole);
  const byEmail = new Map(rows.map((r) => [r.email.toLowerCase(), r]));
  const events: PgInsertValue<typeof auditEvents>[] = [];

  /** The actor a person acts as, and a writer that logs what they do under their name. */
  const writerFor = (person: PersonRow): DemoWriter => {
    const actor: SchoolActor = {
      // colleagues without an account act only through the seed; the audit below never uses this id for them
      accountId: person.accountId ?? '',
      email: person.email,
      locale: 'da',
      sessionId: '',
      csrfToken: '',
      school,
      person: { id: person.id, name: person.name, departmentId: person.departmentId },
      roles: rolesOf(person.id),
      network: null,
    };
    return {
      db: tx,
      actor,
      audit: async (entry) => {
        const row = auditRow(person.accountId ? actor : { system: person.name, schoolId }, entry);
        if (row) events.push(row);
      },
    };
  };
  const person = (email: string): PersonRow => {
    const p = byEmail.get(email.toLowerCase());
    if (!p) throw new Error(`the demo person ${email} is missing`);
    return p;
  };
  /** Writes the audit events gathered so far. */
  const flush = async () => {
    if (events.length) await tx.insert(auditEvents).values(events.splice(0));
  };
  return { school, flush, startMonth: settings.schoolYearStartMonth, rows, person, department, as: (email: string) => writerFor(person(email)), writerFor };
}
