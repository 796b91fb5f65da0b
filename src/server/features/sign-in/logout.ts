import { eq } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Executor } from '../../db/client';
import { sessions } from '../../db/schema/index';
import { clientFor, providerForSignIn } from './flow-start';

/**
 * Where to end the provider's session too (docs/sign-in.md, step 4): its `end_session_endpoint`
 * with our client id and the way back to our sign-in page, when the session came through a
 * provider that has one; null for a password session or a provider that cannot be reached.
 */
export async function endSessionUrl(exec: Executor, config: Config, sessionId: string, origin: string): Promise<{ url: string; label: string } | null> {
  const [row] = await exec.select({ providerId: sessions.providerId }).from(sessions).where(eq(sessions.id, sessionId)).limit(1);
  if (!row?.providerId) return null;
  try {
    const provider = await providerForSignIn(exec, row.providerId);
    const endpoint = (await clientFor(config, provider)).serverMetadata().end_session_endpoint;
    if (!endpoint) return null;
    const url = new URL(endpoint);
    url.searchParams.set('client_id', provider.clientId);
    url.searchParams.set('post_logout_redirect_uri', new URL('/log-ind', origin).href);
    return { url: url.href, label: provider.label };
  } catch {
    return null;
  }
}
