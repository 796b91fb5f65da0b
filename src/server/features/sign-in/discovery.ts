import { isIP } from 'node:net';
import * as oidc from 'openid-client';
import type { Config } from '../../config';
import { invalid } from '../../platform/errors';

/*
 * The provider's discovery document, read through openid-client: checked when a provider is saved
 * and read at each sign-in, cached for 10 minutes per provider version (a saved change is a new
 * key). Every request to a provider is bounded in time, so a provider that hangs never holds a
 * request of ours for long.
 */

/** How long one request to a provider may take (discovery, the token exchange, its keys). */
export const PROVIDER_TIMEOUT_SECONDS = 5;
const CACHE_MS = 10 * 60_000;
const CACHE_MAX = 500;

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);
const isLoopback = (host: string) => LOOPBACK_NAMES.has(host) || (isIP(host) === 4 && host.startsWith('127.'));

/** https, or http on a loopback address outside production (the tests' in-process provider). */
export function issuerAllowed(config: Config, issuer: string): boolean {
  const url = URL.parse(issuer);
  if (!url || url.username || url.password || url.search || url.hash) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && config.allowLoopbackIssuers && isLoopback(url.hostname);
}

export type ProviderClient = { id: string; issuer: string; clientId: string; updatedAt: Date };

function discover(config: Config, issuer: string, clientId: string, secret: string | undefined): Promise<oidc.Configuration> {
  const insecure = new URL(issuer).protocol === 'http:';
  const metadata = secret === undefined ? undefined : { client_secret: secret };
  return oidc.discovery(new URL(issuer), clientId, metadata, secret === undefined ? undefined : oidc.ClientSecretBasic(secret), {
    timeout: PROVIDER_TIMEOUT_SECONDS,
    // the ID token's signature is checked against the provider's published keys (not only trusted for coming over TLS)
    execute: [oidc.enableNonRepudiationChecks, ...(insecure && config.allowLoopbackIssuers ? [oidc.allowInsecureRequests] : [])],
  });
}

const cache = new Map<string, { at: number; value: Promise<oidc.Configuration> }>();

/** The client configuration for a provider (discovery cached 10 minutes; a failed discovery is not kept). */
export function providerConfiguration(config: Config, provider: ProviderClient, secret: string): Promise<oidc.Configuration> {
  const key = `${provider.id}:${provider.updatedAt.getTime()}`;
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < CACHE_MS) return hit.value;
  if (cache.size >= CACHE_MAX) cache.clear();
  const value = discover(config, provider.issuer, provider.clientId, secret);
  cache.set(key, { at: now, value });
  value.catch(() => cache.delete(key));
  return value;
}

/** Refuses (422 naming `issuer`) an issuer that is not allowed, not reachable, or not an OpenID provider whose document names it. */
export async function checkIssuer(config: Config, issuer: string): Promise<void> {
  if (!issuerAllowed(config, issuer)) throw invalid([{ field: 'issuer', key: 'validation.issuer_not_allowed' }]);
  let found: oidc.Configuration;
  try {
    found = await discover(config, issuer, 'retning-check', undefined);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const oauthError = typeof code === 'string' && code.startsWith('OAUTH_') && code !== 'OAUTH_TIMEOUT' && code !== 'OAUTH_ABORT';
    throw invalid([{ field: 'issuer', key: oauthError ? 'validation.issuer_not_oidc' : 'validation.issuer_unreachable' }]);
  }
  if (!found.serverMetadata().authorization_endpoint) throw invalid([{ field: 'issuer', key: 'validation.issuer_not_oidc' }]);
}
