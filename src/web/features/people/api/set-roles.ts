import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import type { TPerson } from '../../../../shared/api/people';

/** PUT /people/:id/roles. */
export function useSetRoles(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (roles: string[]) => api<TPerson>(`/people/${encodeURIComponent(id)}/roles`, { method: 'PUT', json: { roles } }),
    onSuccess: (person) => {
      client.setQueryData(['people', 'one', id], person);
      void client.invalidateQueries({ queryKey: ['people', 'list'] });
    },
  });
}
