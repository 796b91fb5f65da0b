import { and, eq } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Executor } from '../../db/client';
import { externalIdentities, signInFlows, signInProviders } from '../../db/schema/index';
import type { ProviderClaims } from '../../db/schema/sign-in';
import type { AuditEntry } from '../../platform/audit';
import { invalid } from '../../platform/errors';
import type { TProviderKind } from '../../../shared/api/sign-in';
import { checkIssuer } from './discovery';
import { encryptSecret } from './secrets';
import type { ProviderRow } from './providers-queries';

/*
 * A school's identity providers (docs/sign-in.md, "Providers"). The issuer is checked (discovery
 * within 5 s) and the secret encrypted before the short transaction that writes, so no transaction
 * waits on another server. The audit entry names the secret only as `[skjult]`.
 */

export type ProviderFields = {
  kind: TProviderKind;
  label: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  allowedTenants: string[];
  emailMatching: boolean;
  claims: ProviderClaims;
  active: boolean;
};
export type ProviderChanges = Partial<Omit<ProviderFields, 'kind'>>;
/** What a write needs once the network work is done: the values to store and the audit entry. */
export type PreparedWrite = { values: Partial<typeof signInProviders.$inferInsert>; changes: Record<string, unknown> };

export type PreparedCreate = { values: Omit<typeof signInProviders.$inferInsert, 'schoolId'>; changes: Record<string, unknown> };

const normaliseIssuer = (issuer: string) => issuer.replace(/\/+$/, '');

function assertTenants(kind: TProviderKind, tenants: string[]) {
  if (kind === 'entra' && tenants.length === 0) throw invalid([{ field: 'allowedTenants', key: 'validation.tenants_required' }]);
}

/** Claims that name a person but may change or be reused: a link is never keyed on them (docs/sign-in.md). */
const UNSTABLE_SUBJECTS = new Set(['email', 'preferred_username', 'upn', 'unique_name', 'name']);

/** Entra ID's link is always `tid:oid`; elsewhere the subject claim may be renamed, but never to an e-mail or user name. */
function assertSubject(kind: TProviderKind, claims: ProviderClaims | undefined) {
  const subject = claims?.subject;
  if (subject === undefined) return;
  if (kind === 'entra' || UNSTABLE_SUBJECTS.has(subject.toLowerCase())) throw invalid([{ field: 'claims.subject', key: 'validation.subject_unstable' }]);
}

/** Checks and encrypts a new provider (outside any transaction). */
export async function prepareCreate(config: Config, input: ProviderFields): Promise<PreparedCreate> {
  assertTenants(input.kind, input.allowedTenants);
  assertSubject(input.kind, input.claims);
  const issuer = normaliseIssuer(input.issuer);
  await checkIssuer(config, issuer);
  const { clientSecret, ...rest } = input;
  const values = { ...rest, issuer, clientSecretEnc: await encryptSecret(config, clientSecret) };
  return { values, changes: { ...rest, issuer, clientSecret: true } };
}

/** Checks a change (a new issuer is discovered again) and encrypts a new secret (outside any transaction). */
export async function prepareUpdate(config: Config, current: ProviderRow, patch: ProviderChanges): Promise<PreparedWrite> {
  assertTenants(current.kind, patch.allowedTenants ?? current.allowedTenants);
  assertSubject(current.kind, patch.claims);
  const { clientSecret, ...rest } = patch;
  const issuer = rest.issuer === undefined ? undefined : normaliseIssuer(rest.issuer);
  if (issuer !== undefined && issuer !== current.issuer) await checkIssuer(config, issuer);
  const values = {
    ...rest,
    ...(issuer === undefined ? {} : { issuer }),
    ...(clientSecret === undefined ? {} : { clientSecretEnc: await encryptSecret(config, clientSecret) }),
    updatedAt: new Date(),
  };
  return { values, changes: { ...rest, ...(issuer === undefined ? {} : { issuer }), ...(clientSecret === undefined ? {} : { clientSecret: true }) } };
}

type Audit = (entry: AuditEntry) => Promise<void>;

export async function insertProvider(tx: Executor, schoolId: string, prepared: PreparedCreate, audit: Audit): Promise<ProviderRow> {
  const [row] = await tx.insert(signInProviders).values({ ...prepared.values, schoolId }).returning();
  if (!row) throw new Error('provider insert returned nothing');
  await audit({ action: 'sign_in_provider.created', resourceType: 'sign_in_provider', resourceId: row.id, summary: row.label, changes: prepared.changes });
  return row;
}

export async function updateProvider(tx: Executor, current: ProviderRow, prepared: PreparedWrite, audit: Audit): Promise<ProviderRow> {
  const [row] = await tx
    .update(signInProviders)
    .set(prepared.values)
    .where(and(eq(signInProviders.schoolId, current.schoolId), eq(signInProviders.id, current.id)))
    .returning();
  if (!row) throw new Error('provider update returned nothing');
  await audit({ action: 'sign_in_provider.updated', resourceType: 'sign_in_provider', resourceId: row.id, summary: row.label, changes: prepared.changes });
  return row;
}

/** Removes a provider with its links and unfinished flows; the people keep their accounts and passwords. */
export async function deleteProvider(tx: Executor, current: ProviderRow, audit: Audit): Promise<void> {
  const links = await tx
    .delete(externalIdentities)
    .where(and(eq(externalIdentities.schoolId, current.schoolId), eq(externalIdentities.providerId, current.id)))
    .returning({ id: externalIdentities.id });
  await tx.delete(signInFlows).where(eq(signInFlows.providerId, current.id));
  await tx.delete(signInProviders).where(and(eq(signInProviders.schoolId, current.schoolId), eq(signInProviders.id, current.id)));
  await audit({
    action: 'sign_in_provider.deleted',
    resourceType: 'sign_in_provider',
    resourceId: current.id,
    summary: current.label,
    changes: { links: links.length },
  });
}
