import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TIdentityList, TPublicProviders } from '../../../../shared/api/sign-in';
import { api } from '../../../app/api';

const enc = encodeURIComponent;
const key = (personId: string) => ['people', 'identities', personId] as const;

/** GET /people/:id/identities: the providers a person signs in through, with the role a provider suggests. */
export const usePersonIdentities = (personId: string) =>
  useQuery({ queryKey: key(personId), queryFn: () => api<TIdentityList>(`/people/${enc(personId)}/identities`) });

/** DELETE /people/:id/identities/:identityId. */
export function useUnlinkPersonIdentity(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (identityId: string) => api<void>(`/people/${enc(personId)}/identities/${enc(identityId)}`, { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: key(personId) }),
  });
}

/** Whether the school the session works in offers any sign-in provider (GET /auth/providers, public, shared with the sign-in page's cache). */
export function useSchoolHasProviders(schoolId: string | undefined): boolean {
  const { data } = useQuery({ queryKey: ['auth', 'providers'], queryFn: () => api<TPublicProviders>('/auth/providers'), staleTime: 5 * 60_000, retry: false });
  return schoolId !== undefined && (data?.providers ?? []).some((p) => p.schoolId === schoolId);
}
