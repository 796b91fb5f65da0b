import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';

/** DELETE /me/sessions/:id. */
export function useEndSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/me/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['me', 'sessions'] }),
  });
}
