import { and, eq, inArray, sql } from 'drizzle-orm';
import type { TImportRole } from '../../../shared/api/importer';
import type { Executor } from '../../db/client';
import { auditEvents, people, personRoles } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import { audit, auditRow } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { announceSessionChanges } from '../../platform/session-events';
import { issuePersonLink } from '../people/api';

/** What the administrator asked the import to do besides writing the rows. */
export type GrantOptions = { role?: TImportRole; invite: boolean; canEmail: boolean };

/** An invitation issued in the import's transaction; its link is delivered after the commit. */
export type IssuedInvitation = { name: string; email: string; token: string };

export type Granted = {
  role?: { role: TImportRole; given: number };
  invitations?: { issued: IssuedInvitation[]; shared: { name: string; email: string }[] };
};

/** Bounds the size of one `in (…)` list; a file may hold 20,000 rows. */
const CHUNK = 1000;

/**
 * Gives the file's people the chosen role and invites them, in the import's transaction (all or
 * nothing with the rows). The role goes to the active people of the file who hold no role yet: a
 * new hire, or someone imported before without one; whoever already has roles keeps exactly them
 * (a file of the whole staff must not add "teacher" to the director). Invitations go to the active
 * people of the file who have never been invited (no sign-in account); a pending invitation is
 * not replaced, the person's page sends a new one. Each person gets the audit event a change on
 * their own page writes.
 */
export async function grantImported(tx: Executor, actor: SchoolActor, emails: string[], options: GrantOptions): Promise<Granted> {
  const rows: (typeof people.$inferSelect & { hasRole: boolean })[] = [];
  const lower = [...new Set(emails.map((e) => e.toLowerCase()))];
  for (let i = 0; i < lower.length; i += CHUNK) {
    const found = await tx
      .select({
        person: people,
        hasRole: sql<boolean>`exists (select 1 from ${personRoles} where ${personRoles.schoolId} = ${people.schoolId} and ${personRoles.personId} = ${people.id})`,
      })
      .from(people)
      .where(and(eq(people.schoolId, actor.school.id), eq(people.active, true), inArray(sql`lower(${people.email})`, lower.slice(i, i + CHUNK))));
    rows.push(...found.map((r) => ({ ...r.person, hasRole: r.hasRole })));
  }
  const granted: Granted = {};
  if (options.role) granted.role = { role: options.role, given: await giveRole(tx, actor, rows.filter((r) => !r.hasRole), options.role) };
  if (options.invite) granted.invitations = await invite(tx, actor, rows.filter((r) => !r.accountId), options.canEmail);
  return granted;
}

async function giveRole(tx: Executor, actor: SchoolActor, roleless: (typeof people.$inferSelect)[], role: TImportRole): Promise<number> {
  for (let i = 0; i < roleless.length; i += CHUNK) {
    const chunk = roleless.slice(i, i + CHUNK);
    await tx.insert(personRoles).values(chunk.map((p) => ({ schoolId: actor.school.id, personId: p.id, role })));
    const events = chunk.flatMap((p) => {
      const row = auditRow(actor, { action: 'person.roles_changed', resourceType: 'person', resourceId: p.id, summary: p.name, changes: { added: [role], removed: [], by: 'import' } });
      return row ? [row] : [];
    });
    if (events.length) await tx.insert(auditEvents).values(events);
    // Someone signed in gains what the role opens at once.
    await announceSessionChanges(tx, chunk.flatMap((p) => (p.accountId ? [{ kind: 'account' as const, id: p.accountId }] : [])));
  }
  return roleless.length;
}

async function invite(tx: Executor, actor: SchoolActor, uninvited: (typeof people.$inferSelect)[], canEmail: boolean): Promise<NonNullable<Granted['invitations']>> {
  const writer = { db: tx, actor, audit: (entry: Parameters<typeof audit>[2]) => audit(tx, actor, entry) };
  const issued: IssuedInvitation[] = [];
  const shared: { name: string; email: string }[] = [];
  for (const person of uninvited) {
    try {
      issued.push({ name: person.name, email: person.email, token: await issuePersonLink(writer, person, 'invite', canEmail) });
    } catch (e) {
      // The address already signs in to another school or the network: its link may only be e-mailed.
      if (e instanceof AppError && e.code === 'account_shared') shared.push({ name: person.name, email: person.email });
      else throw e;
    }
  }
  return { issued, shared };
}
