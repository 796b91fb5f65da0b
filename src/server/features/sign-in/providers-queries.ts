import { and, asc, count, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { externalIdentities, signInProviders } from '../../db/schema/index';
import type { z } from 'zod';
import type { ZProvider } from '../../../shared/api/sign-in';

export type ProviderRow = typeof signInProviders.$inferSelect;

/** A provider as its administrator sees it: whether a secret is set, never the secret. */
export function presentProvider(p: ProviderRow, linkCount: number, redirectUri: string): z.output<typeof ZProvider> {
  return {
    id: p.id,
    kind: p.kind,
    label: p.label,
    issuer: p.issuer,
    clientId: p.clientId,
    secretSet: p.clientSecretEnc !== '',
    allowedTenants: p.allowedTenants,
    emailMatching: p.emailMatching,
    claims: p.claims,
    active: p.active,
    linkCount,
    redirectUri,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export async function linkCounts(exec: Executor, schoolId: string): Promise<Map<string, number>> {
  const rows = await exec
    .select({ providerId: externalIdentities.providerId, n: count() })
    .from(externalIdentities)
    .where(eq(externalIdentities.schoolId, schoolId))
    .groupBy(externalIdentities.providerId);
  return new Map(rows.map((r) => [r.providerId, r.n]));
}

export async function listProviders(exec: Executor, schoolId: string): Promise<ProviderRow[]> {
  return exec.select().from(signInProviders).where(eq(signInProviders.schoolId, schoolId)).orderBy(asc(signInProviders.label), asc(signInProviders.createdAt));
}

export async function providerLinkCount(exec: Executor, schoolId: string, providerId: string): Promise<number> {
  const [row] = await exec
    .select({ n: count() })
    .from(externalIdentities)
    .where(and(eq(externalIdentities.schoolId, schoolId), eq(externalIdentities.providerId, providerId)));
  return row?.n ?? 0;
}
