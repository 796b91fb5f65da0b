import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import type { TPerson } from '../../../../shared/api/people';

export type PersonInput = { name: string; email: string; jobTitle: string | null; departmentId: string | null; employmentStart: string | null };

/** POST /people. */
export function useCreatePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PersonInput) => api<TPerson>('/people', { method: 'POST', json: input }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['people'] });
      void client.invalidateQueries({ queryKey: ['overview'] });
    },
  });
}
