import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accounts, accountTokens, externalIdentities, people } from '../../db/schema/index';
import { audit } from '../../platform/audit';
import type { TSignInFailure } from '../../../shared/api/sign-in';
import { ensureAccount } from '../auth/api';
import type { ReadIdentity } from './claims';
import type { SignInProvider } from './flow-start';

/*
 * Who a validated identity is at the provider's school (docs/sign-in.md, "The flow"): a known link,
 * else the invitation the flow carried, else (with e-mail matching on) an active person with the
 * same verified address and no link for this provider yet. Nothing else creates anyone.
 */

export type Linked = { ok: true; accountId: string; personId: string };
export type LinkResult = Linked | { ok: false; reason: TSignInFailure };

type Person = { id: string; accountId: string | null; active: boolean; erased: boolean; disabled: boolean };

const personCols = {
  id: people.id,
  accountId: people.accountId,
  active: people.active,
  erased: sql<boolean>`${people.erasedAt} is not null`,
  disabled: sql<boolean>`coalesce(${accounts.disabledAt} is not null, false)`,
};

async function personWhere(tx: Executor, schoolId: string, where: ReturnType<typeof and>): Promise<Person | undefined> {
  const [row] = await tx
    .select(personCols)
    .from(people)
    .leftJoin(accounts, eq(accounts.id, people.accountId))
    .where(and(eq(people.schoolId, schoolId), where))
    .limit(1);
  return row;
}

const usable = (p: Person | undefined): p is Person & { accountId: string } => p !== undefined && p.active && !p.erased && !p.disabled && p.accountId !== null;

/** A person of the school already linked to this provider (each person once per provider). */
async function hasLink(tx: Executor, provider: SignInProvider, personId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: externalIdentities.id })
    .from(externalIdentities)
    .where(and(eq(externalIdentities.schoolId, provider.schoolId), eq(externalIdentities.providerId, provider.id), eq(externalIdentities.personId, personId)))
    .limit(1);
  return row !== undefined;
}

async function link(
  tx: Executor,
  provider: SignInProvider,
  person: { id: string; accountId: string },
  identity: ReadIdentity,
  how: 'invitation' | 'email',
): Promise<Linked> {
  await tx.insert(externalIdentities).values({
    schoolId: provider.schoolId,
    providerId: provider.id,
    subject: identity.subject,
    accountId: person.accountId,
    personId: person.id,
    suggestedRole: identity.suggestedRole,
    lastSignInAt: new Date(),
  });
  await audit(tx, { system: provider.label, schoolId: provider.schoolId }, {
    action: 'sign_in.linked',
    resourceType: 'person',
    resourceId: person.id,
    changes: { provider: provider.label, how },
  });
  return { ok: true, accountId: person.accountId, personId: person.id };
}

/** Finds (or, by invitation or e-mail, makes) the link; runs in the caller's transaction. */
export async function resolveLink(tx: Executor, provider: SignInProvider, identity: ReadIdentity, invitationId: string | null): Promise<LinkResult> {
  const [known] = await tx
    .select({ id: externalIdentities.id, personId: externalIdentities.personId })
    .from(externalIdentities)
    .where(and(eq(externalIdentities.providerId, provider.id), eq(externalIdentities.subject, identity.subject)))
    .limit(1);
  if (known) {
    const person = await personWhere(tx, provider.schoolId, eq(people.id, known.personId));
    if (!usable(person)) return { ok: false, reason: 'inactive' };
    await tx
      .update(externalIdentities)
      .set({ lastSignInAt: new Date(), suggestedRole: identity.suggestedRole })
      .where(and(eq(externalIdentities.schoolId, provider.schoolId), eq(externalIdentities.id, known.id)));
    return { ok: true, accountId: person.accountId, personId: person.id };
  }

  if (invitationId) {
    // used once: the same statement that finds the invitation marks it used
    const [used] = await tx
      .update(accountTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(accountTokens.id, invitationId), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, new Date())))
      .returning({ accountId: accountTokens.accountId });
    if (!used) return { ok: false, reason: 'invitation' };
    const person = await personWhere(tx, provider.schoolId, eq(people.accountId, used.accountId));
    if (!usable(person)) return { ok: false, reason: 'inactive' };
    if (await hasLink(tx, provider, person.id)) return { ok: false, reason: 'unknown_identity' };
    return link(tx, provider, person, identity, 'invitation');
  }

  if (provider.emailMatching && identity.emailVerified && identity.email) {
    const sameEmail = and(sql`lower(${people.email}) = ${identity.email}`, eq(people.active, true), isNull(people.erasedAt));
    const person = await personWhere(tx, provider.schoolId, sameEmail);
    if (person && person.active && !person.erased && !person.disabled && !(await hasLink(tx, provider, person.id))) {
      const accountId = person.accountId ?? (await ensureAccount(tx, identity.email, 'da'));
      if (person.accountId === null) await tx.update(people).set({ accountId }).where(and(eq(people.schoolId, provider.schoolId), eq(people.id, person.id)));
      return link(tx, provider, { id: person.id, accountId }, identity, 'email');
    }
  }
  return { ok: false, reason: 'unknown_identity' };
}
