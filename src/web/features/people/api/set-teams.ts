import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import type { TPerson } from '../../../../shared/api/people';

/** PUT /people/:id/teams. */
export function useSetTeams(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (teamIds: string[]) => api<TPerson>(`/people/${encodeURIComponent(id)}/teams`, { method: 'PUT', json: { teamIds } }),
    onSuccess: (person) => client.setQueryData(['people', 'one', id], person),
  });
}
