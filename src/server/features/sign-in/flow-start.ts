import { createHash } from 'node:crypto';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import * as oidc from 'openid-client';
import type { Config } from '../../config';
import type { Executor } from '../../db/client';
import { accountTokens, people, schools, signInFlows, signInProviders } from '../../db/schema/index';
import { notFound } from '../../platform/errors';
import { isUuid } from '../../platform/loader';
import { hashSecret } from '../../platform/tokens';
import type { TSignInFailure } from '../../../shared/api/sign-in';
import { decryptSecret } from './secrets';
import { providerConfiguration } from './discovery';

/** How long a sign-in may take between the redirect to the provider and its callback. */
export const FLOW_TTL_MS = 10 * 60_000;
export const CALLBACK_PATH = '/api/v1/auth/oidc/callback';
const SCOPE = 'openid email profile';

export const stateHash = (state: string) => createHash('sha256').update(state).digest('base64url');
/** The redirect URI registered at every provider: this app's origin + the callback path (normalised as the token request will send it, `:80` dropped). */
export const redirectUri = (origin: string) => new URL(CALLBACK_PATH, origin).href;

/** A path of this app (`/…`, never `//host` or `/\host`, which a browser reads as another site). */
export const safeNext = (next: string | undefined): string | null =>
  next !== undefined && /^\/(?![/\\])[^\s]*$/.test(next) && next.length <= 500 ? next : null;

export type SignInProvider = typeof signInProviders.$inferSelect & { schoolName: string; schoolArchived: boolean };

/** A provider by id with its school (404 for an unknown id: the id is not a secret, but there is nothing to say). */
export async function providerForSignIn(exec: Executor, id: string): Promise<SignInProvider> {
  if (!isUuid(id)) throw notFound();
  const [row] = await exec
    .select({ p: signInProviders, schoolName: schools.name, archivedAt: schools.archivedAt })
    .from(signInProviders)
    .innerJoin(schools, eq(schools.id, signInProviders.schoolId))
    .where(eq(signInProviders.id, id))
    .limit(1);
  if (!row) throw notFound();
  return { ...row.p, schoolName: row.schoolName, schoolArchived: row.archivedAt !== null };
}

/** The client configuration of a provider, its secret decrypted only here. */
export async function clientFor(config: Config, provider: SignInProvider): Promise<oidc.Configuration> {
  return providerConfiguration(config, provider, await decryptSecret(config, provider.clientSecretEnc));
}

/** The invitation a sign-in carries: valid, unused, and for a person of the provider's school. */
async function invitationFor(exec: Executor, token: string, schoolId: string): Promise<string | null> {
  const [row] = await exec
    .select({ id: accountTokens.id })
    .from(accountTokens)
    .innerJoin(people, and(eq(people.accountId, accountTokens.accountId), eq(people.schoolId, schoolId)))
    .where(
      and(
        eq(accountTokens.tokenHash, hashSecret(token)),
        eq(accountTokens.kind, 'invite'),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, new Date()),
      ),
    )
    .limit(1);
  return row?.id ?? null;
}

export type StartResult = { ok: true; url: string } | { ok: false; reason: TSignInFailure };

/** Stores a flow (SHA-256 of `state`, `nonce`, the PKCE verifier; 10 minutes) and gives the provider's authorization URL. */
export async function startSignIn(
  exec: Executor,
  config: Config,
  provider: SignInProvider,
  input: { origin: string; invitation?: string; next?: string },
): Promise<StartResult> {
  if (!provider.active || provider.schoolArchived) return { ok: false, reason: 'inactive' };
  const invitationId = input.invitation ? await invitationFor(exec, input.invitation, provider.schoolId) : null;
  if (input.invitation && !invitationId) return { ok: false, reason: 'invitation' };
  let client: oidc.Configuration;
  try {
    client = await clientFor(config, provider);
  } catch {
    return { ok: false, reason: 'provider_error' };
  }
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  await exec.insert(signInFlows).values({
    stateHash: stateHash(state),
    schoolId: provider.schoolId,
    providerId: provider.id,
    nonce,
    codeVerifier,
    invitationId,
    next: safeNext(input.next),
    expiresAt: new Date(Date.now() + FLOW_TTL_MS),
  });
  const url = oidc.buildAuthorizationUrl(client, {
    redirect_uri: redirectUri(input.origin),
    scope: SCOPE,
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { ok: true, url: url.href };
}

/** Flows never finished (the person closed the tab at the provider). */
export async function sweepExpiredFlows(exec: Executor, now: Date): Promise<number> {
  const gone = await exec.delete(signInFlows).where(lt(signInFlows.expiresAt, now)).returning({ s: signInFlows.stateHash });
  return gone.length;
}
