import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { App } from '../../platform/http';
import type { TestClient } from '../../test/client';
import type { OidcProviderHandle } from '../../test/oidc-provider';
import type { TProviderInput } from '../../../shared/api/sign-in';

/** The key the sign-in tests encrypt client secrets with (config `secretsKey`), so no key file is written. */
export const TEST_SECRETS_KEY = randomBytes(32);

/** Registers the in-process provider at the school through the administrator's API. */
export async function registerProvider(
  admin: TestClient,
  idp: OidcProviderHandle,
  extra: Partial<TProviderInput> & Pick<TProviderInput, 'kind'>,
): Promise<string> {
  const res = await admin.post('/api/v1/sign-in-providers', {
    label: extra.kind === 'entra' ? 'Skolens Microsoft-konto' : 'UNI-Login',
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

/** A browser's sign-in without the browser: start → the provider (signs in its chosen user) → the callback. */
export async function signInThrough(
  app: App,
  idp: OidcProviderHandle,
  providerId: string,
  query = '',
): Promise<{ start: LightMyRequestResponse; callback: LightMyRequestResponse; callbackUrl: URL }> {
  const start = await app.inject({ method: 'GET', url: `/api/v1/auth/oidc/${providerId}/start${query}` });
  expect(start.statusCode, start.body).toBe(302);
  const callbackUrl = await idp.followToCallback(String(start.headers.location));
  const callback = await app.inject({ method: 'GET', url: `${callbackUrl.pathname}${callbackUrl.search}` });
  return { start, callback, callbackUrl };
}

/** The session cookie a callback set, as a Cookie header ('' when none). */
export const sessionCookieOf = (res: LightMyRequestResponse) =>
  res.cookies
    .filter((c) => c.name === 'retning_session' && c.value)
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
