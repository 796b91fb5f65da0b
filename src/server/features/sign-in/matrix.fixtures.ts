import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { externalIdentities, signInProviders } from '../../db/schema/index';
import type { FeatureMatrix, MatrixCtx } from '../../test/matrix';
import { startOidcProvider } from '../../test/oidc-provider';

/** A provider row of its own (no discovery: only the routes that save an issuer read it). */
async function providerIn(db: Db, schoolId: string, issuer: string): Promise<string> {
  const [row] = await db
    .insert(signInProviders)
    .values({
      schoolId,
      kind: 'oidc',
      label: `Udbyder ${randomUUID().slice(0, 6)}`,
      issuer,
      clientId: 'retning',
      clientSecretEnc: 'v1:a:b:c',
    })
    .returning({ id: signInProviders.id });
  if (!row) throw new Error('provider');
  return row.id;
}

/** A link of the person through a fresh provider (each person once per provider). */
async function identityOf(db: Db, schoolId: string, personId: string, accountId: string | null, issuer: string): Promise<string> {
  if (!accountId) throw new Error('the person has no account');
  const providerId = await providerIn(db, schoolId, issuer);
  const [row] = await db
    .insert(externalIdentities)
    .values({ schoolId, providerId, subject: randomUUID(), accountId, personId })
    .returning({ id: externalIdentities.id });
  if (!row) throw new Error('identity');
  return row.id;
}

const personResource = (p: { id: string; departmentId: string | null; accountId: string | null }) => ({
  kind: 'person',
  id: p.id,
  departmentId: p.departmentId,
  accountId: p.accountId,
});

/** Sign-in providers and links; saving a provider discovers a real (in-process) provider. */
export const signInMatrix: FeatureMatrix = async ({ db, a, b, adminB }) => {
  const idp = await startOidcProvider({ flavour: 'oidc' });
  const providerA = await providerIn(db, a.id, idp.issuer);
  const providerB = await providerIn(db, b.id, idp.issuer);
  const linkB = await identityOf(db, b.id, adminB.id, adminB.accountId, idp.issuer);
  return {
    'GET /api/v1/sign-in-providers': { own: () => ({ url: '/api/v1/sign-in-providers' }) },
    'POST /api/v1/sign-in-providers': {
      own: () => ({
        url: '/api/v1/sign-in-providers',
        body: { kind: 'oidc', label: 'Skolens login', issuer: idp.issuer, clientId: 'retning', clientSecret: 'hemmelig' },
      }),
    },
    'PATCH /api/v1/sign-in-providers/:id': {
      own: () => ({ url: `/api/v1/sign-in-providers/${providerA}`, body: { label: 'Omdøbt' } }),
      other: () => ({ url: `/api/v1/sign-in-providers/${providerB}`, body: { label: 'Hacket' } }),
    },
    'DELETE /api/v1/sign-in-providers/:id': {
      own: async () => ({ url: `/api/v1/sign-in-providers/${await providerIn(db, a.id, idp.issuer)}` }),
      other: async () => ({ url: `/api/v1/sign-in-providers/${await providerIn(db, b.id, idp.issuer)}` }),
    },
    'GET /api/v1/me/identities': { own: () => ({ url: '/api/v1/me/identities' }) },
    'DELETE /api/v1/me/identities/:id': {
      own: async (c: MatrixCtx) => ({
        url: `/api/v1/me/identities/${c.self ? await identityOf(db, a.id, c.self.id, c.self.accountId, idp.issuer) : randomUUID()}`,
        membersOnly: true,
      }),
      other: () => ({ url: `/api/v1/me/identities/${linkB}` }),
    },
    'GET /api/v1/people/:id/identities': {
      own: (c) => ({ url: `/api/v1/people/${c.targetA.id}/identities`, resource: personResource(c.targetA) }),
      other: (c) => ({ url: `/api/v1/people/${c.targetB.id}/identities` }),
    },
    'DELETE /api/v1/people/:id/identities/:identityId': {
      own: async (c) => ({
        url: `/api/v1/people/${c.targetA.id}/identities/${await identityOf(db, a.id, c.targetA.id, c.targetA.accountId, idp.issuer)}`,
        resource: personResource(c.targetA),
      }),
      other: async (c) => ({ url: `/api/v1/people/${c.targetB.id}/identities/${await identityOf(db, b.id, c.targetB.id, c.targetB.accountId, idp.issuer)}` }),
    },
  };
};
