import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TProvider, TProviderInput, TProviderList, TProviderPatch } from '../../../../shared/api/sign-in';
import { api } from '../../../app/api';

const KEY = ['sign-in', 'providers'] as const;
const enc = encodeURIComponent;

/** GET /sign-in-providers: the school's providers (never a secret, only whether one is set) and the redirect URI to register. */
export const useSchoolProviders = () => useQuery({ queryKey: KEY, queryFn: () => api<TProviderList>('/sign-in-providers') });

/** After a change, the administrator's list and the sign-in page's public list (the same browser may sign out and see it). */
function useRefresh() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: KEY });
    void client.invalidateQueries({ queryKey: ['auth', 'providers'] });
  };
}

/** POST /sign-in-providers: the server reads the issuer's discovery document first (422 naming `issuer` when it cannot). */
export function useCreateProvider() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (input: TProviderInput) => api<TProvider>('/sign-in-providers', { method: 'POST', json: input }), onSuccess: refresh });
}

/** PATCH /sign-in-providers/:id: a secret left out keeps the stored one. */
export function usePatchProvider() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: TProviderPatch }) => api<TProvider>(`/sign-in-providers/${enc(id)}`, { method: 'PATCH', json: patch }),
    onSuccess: refresh,
  });
}

/** DELETE /sign-in-providers/:id: its links go with it. */
export function useDeleteProvider() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => api<void>(`/sign-in-providers/${enc(id)}`, { method: 'DELETE' }), onSuccess: refresh });
}
