import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TLinkResult } from '../../../../shared/api/people';
import { api } from '../../../app/api';

export type LinkKind = 'invitation' | 'password-reset';

/** POST /people/:id/invitation or /people/:id/password-reset. */
export function useCreateLink(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (kind: LinkKind) => api<TLinkResult>(`/people/${encodeURIComponent(id)}/${kind}`, { method: 'POST' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['people'] }),
  });
}
