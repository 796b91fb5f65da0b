import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { externalIdentities, signInProviders } from '../../db/schema/index';
import { notFound } from '../../platform/errors';
import { isUuid } from '../../platform/loader';
import type { AuditEntry } from '../../platform/audit';
import type { TIdentity, TSuggestedRole } from '../../../shared/api/sign-in';

/* A person's links to external identities: listed on Min konto and the person's page, unlinked by the person or the administrator. */

const columns = {
  id: externalIdentities.id,
  providerId: externalIdentities.providerId,
  providerLabel: signInProviders.label,
  providerKind: signInProviders.kind,
  suggestedRole: externalIdentities.suggestedRole,
  linkedAt: externalIdentities.linkedAt,
  lastSignInAt: externalIdentities.lastSignInAt,
};

type IdentityRow = Omit<TIdentity, 'linkedAt' | 'lastSignInAt' | 'suggestedRole'> & { suggestedRole: string | null; linkedAt: Date; lastSignInAt: Date | null };

const present = (r: IdentityRow): Omit<IdentityRow, 'suggestedRole'> & { suggestedRole: TSuggestedRole | null } => ({
  ...r,
  suggestedRole: r.suggestedRole === 'staff' || r.suggestedRole === 'student' ? r.suggestedRole : null,
});

export async function personIdentities(exec: Executor, schoolId: string, personId: string) {
  const rows = await exec
    .select(columns)
    .from(externalIdentities)
    .innerJoin(signInProviders, and(eq(signInProviders.schoolId, externalIdentities.schoolId), eq(signInProviders.id, externalIdentities.providerId)))
    .where(and(eq(externalIdentities.schoolId, schoolId), eq(externalIdentities.personId, personId)))
    .orderBy(asc(signInProviders.label));
  return rows.map(present);
}

/** One of the person's links (404 alike for another person's and a missing one). */
export async function loadIdentity(exec: Executor, schoolId: string, personId: string, id: string) {
  if (!isUuid(id)) throw notFound();
  const [row] = await exec
    .select(columns)
    .from(externalIdentities)
    .innerJoin(signInProviders, and(eq(signInProviders.schoolId, externalIdentities.schoolId), eq(signInProviders.id, externalIdentities.providerId)))
    .where(and(eq(externalIdentities.schoolId, schoolId), eq(externalIdentities.personId, personId), eq(externalIdentities.id, id)))
    .limit(1);
  if (!row) throw notFound();
  return present(row);
}

/** Removes a link: the next sign-in through that provider is unknown again (or links anew by invitation or e-mail). */
export async function unlinkIdentity(
  tx: Executor,
  schoolId: string,
  personId: string,
  identity: { id: string; providerLabel: string },
  audit: (e: AuditEntry) => Promise<void>,
): Promise<void> {
  await tx.delete(externalIdentities).where(and(eq(externalIdentities.schoolId, schoolId), eq(externalIdentities.id, identity.id)));
  await audit({ action: 'sign_in.unlinked', resourceType: 'person', resourceId: personId, changes: { provider: identity.providerLabel } });
}
