import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';

export type LinkKind = 'invitation' | 'password-reset';
export type LinkResult = { emailed: boolean; link: string | null; expiresInDays: number };

/** POST /people/:id/invitation or /people/:id/password-reset. */
export function useCreateLink(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (kind: LinkKind) => api<LinkResult>(`/people/${encodeURIComponent(id)}/${kind}`, { method: 'POST' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['people'] }),
  });
}
