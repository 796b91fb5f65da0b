import { eq } from 'drizzle-orm';
import * as oidc from 'openid-client';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { signInFlows } from '../../db/schema/index';
import { audit } from '../../platform/audit';
import { createSession } from '../../platform/sessions';
import type { TSignInFailure } from '../../../shared/api/sign-in';
import { readIdentity } from './claims';
import { clientFor, providerForSignIn, stateHash, type SignInProvider } from './flow-start';
import { resolveLink } from './link';

/*
 * The callback (docs/sign-in.md, step 3): the flow is taken by `state` and deleted in the same
 * statement, the code exchanged with the PKCE verifier, the ID token validated by openid-client
 * (signature from the provider's keys, `iss`, `aud`, `exp`, `nonce`), then the identity is read
 * and linked. Each failure has one reason, audited in the provider's school.
 */

export type Finished =
  | { ok: true; session: { token: string }; next: string | null }
  | { ok: false; reason: TSignInFailure; schoolName: string | null };

type Callback = { state?: string; error?: string; currentUrl: URL; ip: string; userAgent: string | undefined };

/** The errors an error was caused by, outermost first (openid-client wraps oauth4webapi's, whose `cause` names the claim). */
function causes(err: unknown): { code: string; message: string; claim: unknown }[] {
  const out: { code: string; message: string; claim: unknown }[] = [];
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const o = e as { code?: unknown; message?: unknown; claim?: unknown; cause?: unknown };
    out.push({ code: typeof o.code === 'string' ? o.code : '', message: typeof o.message === 'string' ? o.message : '', claim: o.claim });
    e = o.cause;
  }
  return out;
}

/** What openid-client's error says went wrong with the exchange or the ID token. */
export function failureOf(err: unknown): TSignInFailure {
  const chain = causes(err);
  const code = chain[0]?.code ?? '';
  const claim = chain.find((c) => c.claim !== undefined)?.claim;
  if (code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED') return claim === 'nonce' ? 'nonce' : claim === 'aud' || claim === 'azp' ? 'audience' : 'provider_error';
  if (code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') return 'expired';
  if (chain.some((c) => c.code === 'OAUTH_KEY_SELECTION_FAILED' || /signature/i.test(c.message))) return 'signature';
  if (code === 'OAUTH_AUTHORIZATION_RESPONSE_ERROR') return 'provider_error';
  return 'exchange';
}

class LinkRefused extends Error {
  constructor(readonly reason: TSignInFailure) {
    super(reason);
  }
}

async function takeFlow(db: Db, state: string) {
  const [flow] = await db.delete(signInFlows).where(eq(signInFlows.stateHash, stateHash(state))).returning();
  return flow;
}

async function failed(db: Db, provider: SignInProvider, reason: TSignInFailure): Promise<Finished> {
  await audit(db, { system: provider.label, schoolId: provider.schoolId }, {
    action: 'sign_in.failed',
    resourceType: 'sign_in_provider',
    resourceId: provider.id,
    changes: { reason },
  });
  return { ok: false, reason, schoolName: provider.schoolName };
}

export async function finishSignIn(db: Db, config: Config, cb: Callback): Promise<Finished> {
  const flow = cb.state ? await takeFlow(db, cb.state) : undefined;
  if (!flow || !cb.state) return { ok: false, reason: 'state', schoolName: null };
  const provider = await providerForSignIn(db, flow.providerId);
  if (flow.expiresAt.getTime() < Date.now()) return failed(db, provider, 'state');
  if (!provider.active || provider.schoolArchived) return failed(db, provider, 'inactive');
  if (cb.error) return failed(db, provider, 'provider_error');

  let claims: Record<string, unknown>;
  try {
    const client = await clientFor(config, provider);
    const tokens = await oidc.authorizationCodeGrant(client, cb.currentUrl, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedNonce: flow.nonce,
      expectedState: cb.state,
      idTokenExpected: true,
    });
    claims = tokens.claims() ?? {};
  } catch (err) {
    return failed(db, provider, failureOf(err));
  }

  const read = readIdentity(provider, claims);
  if (!read.ok) return failed(db, provider, read.reason);
  try {
    const session = await db.transaction(async (tx) => {
      const linked = await resolveLink(tx, provider, read.identity, flow.invitationId);
      // thrown, so that an invitation marked used on the way is not used up by a refused sign-in
      if (!linked.ok) throw new LinkRefused(linked.reason);
      const { accountId } = linked;
      return createSession(tx, config, { accountId, schoolId: provider.schoolId, ip: cb.ip, userAgent: cb.userAgent, providerId: provider.id });
    });
    return { ok: true, session, next: flow.next };
  } catch (err) {
    if (err instanceof LinkRefused) return failed(db, provider, err.reason);
    throw err;
  }
}
