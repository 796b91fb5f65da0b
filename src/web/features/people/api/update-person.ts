import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import type { PersonInput } from './create-person';
import type { TPerson } from '../../../../shared/api/people';

export type PersonPatch = Partial<PersonInput> & { active?: boolean };

/** PATCH /people/:id: edit, deactivate (active: false) or reactivate. */
export function useUpdatePerson(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: PersonPatch) => api<TPerson>(`/people/${encodeURIComponent(id)}`, { method: 'PATCH', json: patch }),
    onSuccess: (person) => {
      client.setQueryData(['people', 'one', id], person);
      void client.invalidateQueries({ queryKey: ['people', 'list'] });
      void client.invalidateQueries({ queryKey: ['overview'] });
    },
  });
}
