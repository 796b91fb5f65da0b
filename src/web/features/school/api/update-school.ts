import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import type { School, SchoolSettings } from './get-school';

export type SchoolPatch = { name?: string; institutionNumber?: string | null; settings?: SchoolSettings };

/** PATCH /school. */
export function useUpdateSchool() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: SchoolPatch) => api<School>('/school', { method: 'PATCH', json: patch }),
    onSuccess: (school) => {
      client.setQueryData(['school'], school);
      void client.invalidateQueries({ queryKey: ['overview'] });
      void client.invalidateQueries({ queryKey: ['me'] });
    },
  });
}
