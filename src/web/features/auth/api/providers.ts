import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TPublicProviders } from '../../../../shared/api/sign-in';
import { api, queryString } from '../../../app/api';

/** GET /auth/providers (public): the schools' active sign-in providers, one button each. */
export const providersQuery = queryOptions({
  queryKey: ['auth', 'providers'],
  queryFn: () => api<TPublicProviders>('/auth/providers'),
  staleTime: 5 * 60_000,
  retry: false,
});

export const useProviders = () => useQuery(providersQuery);

/**
 * Where a provider's button goes: the server stores the flow and answers 302 to the provider, so
 * this is a plain link (a full page load), not a request from the app.
 */
export function providerStartUrl(providerId: string, options: { next?: string; invitation?: string } = {}): string {
  const query = queryString({ next: options.next === '/' ? undefined : options.next, invitation: options.invitation });
  return `/api/v1/auth/oidc/${encodeURIComponent(providerId)}/start${query}`;
}
