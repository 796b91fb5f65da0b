import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TSchool } from '../../../../shared/api/school';
import type { ZSchoolPatch } from '../../../../shared/schemas';
import { api } from '../../../app/api';

export type SchoolPatch = z.input<typeof ZSchoolPatch>;

/** PATCH /school. */
export function useUpdateSchool() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: SchoolPatch) => api<TSchool>('/school', { method: 'PATCH', json: patch }),
    onSuccess: (school) => {
      client.setQueryData(['school'], school);
      void client.invalidateQueries({ queryKey: ['overview'] });
      void client.invalidateQueries({ queryKey: ['me'] });
    },
  });
}
