import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TIdentityList, TPublicProviders } from '../../../../shared/api/sign-in';
import { api } from '../../../app/api';

export const myIdentitiesQuery = queryOptions({ queryKey: ['me', 'identities'], queryFn: () => api<TIdentityList>('/me/identities') });

/** GET /me/identities: the providers I sign in through. */
export const useMyIdentities = () => useQuery(myIdentitiesQuery);

/** DELETE /me/identities/:id: I stop signing in through that provider. */
export function useUnlinkMyIdentity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/me/identities/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['me', 'identities'] }),
  });
}

/** Whether the school the session works in offers any sign-in provider (GET /auth/providers, public, shared with the sign-in page's cache). */
export function useSchoolHasProviders(schoolId: string | undefined): boolean {
  const { data } = useQuery({ queryKey: ['auth', 'providers'], queryFn: () => api<TPublicProviders>('/auth/providers'), staleTime: 5 * 60_000, retry: false });
  return schoolId !== undefined && (data?.providers ?? []).some((p) => p.schoolId === schoolId);
}
