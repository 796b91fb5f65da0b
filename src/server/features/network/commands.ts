import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { TNetworkSchoolInput } from '../../../shared/api/network';
import type { Executor } from '../../db/client';
import { accounts, networkRoles, networks, people, personRoles, schools, sessions } from '../../db/schema/index';
import type { Actor } from '../../platform/actor';
import type { AuditEntry } from '../../platform/audit';
import { AppError, conflict, notFound } from '../../platform/errors';
import type { Mailer } from '../../platform/mail';
import { announceSessionChanges, accountChanged } from '../../platform/session-events';
import { deliverLink, ensureAccount, issueToken, linkFor, TOKEN_TTL_DAYS } from '../auth/api';
import { DEFAULT_SETTINGS } from '../../seed/create-school';
import { networkSchool } from './queries';

/** What a network command needs: the route's transaction, the coordinator and the audit writer. */
export type NetworkWriter = { db: Executor; actor: Actor; networkId: string; audit: (entry: AuditEntry) => Promise<void> };
/** Where an invitation goes: the mailer, and the address links point at. */
export type Delivery = { mailer: Mailer; origin: string; onMailError: (e: unknown) => void };

const COORDINATOR = 'network_coordinator';
const mailFailed = (d: Delivery) => (e: unknown) => {
  d.onMailError(e);
  throw new AppError(502, 'mail_failed');
};

/** Whether the account already signs in somewhere (a person of any school, or any network role). */
async function accountInUse(exec: Executor, accountId: string): Promise<boolean> {
  const [person] = await exec.select({ id: people.id }).from(people).where(eq(people.accountId, accountId)).limit(1);
  if (person) return true;
  const [role] = await exec.select({ id: networkRoles.accountId }).from(networkRoles).where(eq(networkRoles.accountId, accountId)).limit(1);
  return role !== undefined;
}

/**
 * Sends (or hands back) an invitation inside the transaction: when the e-mail cannot be sent the
 * whole onboarding is undone, so a school never exists without its administrator's invitation.
 * A copyable link for an account that signs in elsewhere would let the coordinator take it over:
 * such an account is invited only by e-mail (409 invite_needs_mail without SMTP).
 */
async function invite(
  w: NetworkWriter,
  d: Delivery,
  input: { accountId: string; inUse: boolean; email: string; schoolId: string | null; field: string; place: string },
) {
  if (input.inUse && !d.mailer.enabled) throw conflict('invite_needs_mail', [{ field: input.field, key: 'validation.invite_needs_mail' }]);
  const token = await issueToken(w.db, { kind: 'invite', accountId: input.accountId, schoolId: input.schoolId, createdBy: w.actor.accountId });
  const link = linkFor(d.origin, 'invite', token);
  const mail = { kind: 'invite' as const, to: input.email, locale: w.actor.locale, link, schoolName: input.place };
  const delivered = await deliverLink(d.mailer, mail).catch(mailFailed(d));
  return { ...delivered, expiresInDays: TOKEN_TTL_DAYS };
}

/** Onboards a school: the school, its first administrator (a person with school_admin) and the invitation, all or nothing. */
export async function onboardSchool(w: NetworkWriter, d: Delivery, input: TNetworkSchoolInput & { institutionNumber: string }) {
  const taken = () => conflict('institution_number_taken', [{ field: 'institutionNumber', key: 'validation.institution_number_taken' }]);
  const [clash] = await w.db.select({ id: schools.id }).from(schools).where(eq(schools.institutionNumber, input.institutionNumber)).limit(1);
  if (clash) throw taken();
  // The unique index decides a race between two coordinators: the loser is told the same 409.
  const [school] = await w.db
    .insert(schools)
    .values({ networkId: w.networkId, name: input.name, institutionNumber: input.institutionNumber, settings: DEFAULT_SETTINGS })
    .onConflictDoNothing()
    .returning({ id: schools.id });
  if (!school) throw taken();
  const [existing] = await w.db.select({ id: accounts.id }).from(accounts).where(sql`lower(${accounts.email}) = ${input.adminEmail}`).limit(1);
  const inUse = existing ? await accountInUse(w.db, existing.id) : false;
  const accountId = existing?.id ?? (await ensureAccount(w.db, input.adminEmail, DEFAULT_SETTINGS.defaultLocale));
  const [person] = await w.db
    .insert(people)
    .values({ schoolId: school.id, accountId, name: input.adminName, email: input.adminEmail, jobTitle: null })
    .returning({ id: people.id });
  if (!person) throw new Error('person insert returned nothing');
  await w.db.insert(personRoles).values({ schoolId: school.id, personId: person.id, role: 'school_admin' });
  if (existing) await accountChanged(w.db, accountId);
  const invitation = await invite(w, d, { accountId, inUse, email: input.adminEmail, schoolId: school.id, field: 'adminEmail', place: input.name });
  await w.audit({ schoolId: school.id, action: 'school.created', resourceType: 'school', resourceId: school.id, summary: input.name });
  await w.audit({
    schoolId: school.id,
    action: 'person.invited',
    resourceType: 'person',
    resourceId: person.id,
    summary: input.adminName,
    changes: { roles: ['school_admin'] },
  });
  await w.audit({
    networkId: w.networkId,
    action: 'network.school_created',
    resourceType: 'school',
    resourceId: school.id,
    summary: input.name,
    changes: { institutionNumber: input.institutionNumber },
  });
  return { school: await networkSchool(w.db, w.networkId, school.id), invitation };
}

/**
 * Archives a school of the network or opens it again. Archiving ends the school's sessions (every
 * app instance hears of it when the transaction commits); sign-in and the school switch leave
 * archived schools out, so its people cannot come back in. Nothing is deleted.
 */
export async function setArchived(w: NetworkWriter, schoolId: string, archived: boolean) {
  const before = await networkSchool(w.db, w.networkId, schoolId);
  if (before.archived === archived) throw conflict(archived ? 'school_already_archived' : 'school_not_archived');
  await w.db
    .update(schools)
    .set({ archivedAt: archived ? sql`now()` : null })
    .where(and(eq(schools.id, schoolId), eq(schools.networkId, w.networkId)));
  if (archived) {
    const ended = await w.db
      .update(sessions)
      .set({ endedAt: sql`now()` })
      .where(and(eq(sessions.schoolId, schoolId), isNull(sessions.endedAt)))
      .returning({ id: sessions.id });
    await announceSessionChanges(w.db, ended.map((s) => ({ kind: 'session' as const, id: s.id })));
  }
  const action = archived ? 'archived' : 'unarchived';
  await w.audit({ schoolId, action: `school.${action}`, resourceType: 'school', resourceId: schoolId, summary: before.name });
  await w.audit({ networkId: w.networkId, action: `network.school_${action}`, resourceType: 'school', resourceId: schoolId, summary: before.name });
  return networkSchool(w.db, w.networkId, schoolId);
}

/** The network's coordinators: e-mail, since when, and whether they have set a password. */
export async function listCoordinators(exec: Executor, networkId: string, selfId: string) {
  const rows = await exec
    .select({ accountId: accounts.id, email: accounts.email, since: networkRoles.createdAt, active: isNotNull(accounts.passwordHash) })
    .from(networkRoles)
    .innerJoin(accounts, eq(accounts.id, networkRoles.accountId))
    .where(and(eq(networkRoles.networkId, networkId), eq(networkRoles.role, COORDINATOR)))
    .orderBy(accounts.email);
  return rows.map((r) => ({ ...r, active: r.active === true, self: r.accountId === selfId }));
}

/** Makes an account (found or created by e-mail) a coordinator of the network and invites it. */
export async function inviteCoordinator(w: NetworkWriter, d: Delivery, email: string) {
  const [network] = await w.db.select({ name: networks.name }).from(networks).where(eq(networks.id, w.networkId));
  if (!network) throw notFound();
  const [existing] = await w.db.select({ id: accounts.id }).from(accounts).where(sql`lower(${accounts.email}) = ${email}`).limit(1);
  const inUse = existing ? await accountInUse(w.db, existing.id) : false;
  const accountId = existing?.id ?? (await ensureAccount(w.db, email, w.actor.locale));
  const added = await w.db.insert(networkRoles).values({ networkId: w.networkId, accountId, role: COORDINATOR }).onConflictDoNothing().returning();
  if (added.length === 0) throw conflict('coordinator_exists', [{ field: 'email', key: 'validation.coordinator_exists' }]);
  await accountChanged(w.db, accountId);
  const invitation = await invite(w, d, { accountId, inUse, email, schoolId: null, field: 'email', place: network.name });
  await w.audit({ networkId: w.networkId, action: 'network.coordinator_invited', resourceType: 'account', resourceId: accountId, summary: email });
  const coordinator = (await listCoordinators(w.db, w.networkId, w.actor.accountId)).find((c) => c.accountId === accountId);
  if (!coordinator) throw new Error('coordinator not found after insert');
  return { coordinator, invitation };
}

/** Removes a coordinator of this network (404 for anyone else); the last one stays (409 last_coordinator). */
export async function removeCoordinator(w: NetworkWriter, accountId: string) {
  // Lock the network's coordinator rows so that two removals at once cannot leave it with none.
  const rows = await w.db
    .select({ accountId: networkRoles.accountId })
    .from(networkRoles)
    .where(and(eq(networkRoles.networkId, w.networkId), eq(networkRoles.role, COORDINATOR)))
    .for('update');
  if (!rows.some((r) => r.accountId === accountId)) throw notFound();
  if (rows.length <= 1) throw conflict('last_coordinator');
  const [acc] = await w.db.select({ email: accounts.email }).from(accounts).where(eq(accounts.id, accountId));
  await w.db
    .delete(networkRoles)
    .where(and(eq(networkRoles.networkId, w.networkId), eq(networkRoles.accountId, accountId), eq(networkRoles.role, COORDINATOR)));
  await accountChanged(w.db, accountId);
  await w.audit({ networkId: w.networkId, action: 'network.coordinator_removed', resourceType: 'account', resourceId: accountId, summary: acc?.email });
}
