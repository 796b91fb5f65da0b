import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import type { TOrgUnit } from '../../../../shared/api/org';
import type { UnitKind } from './list-units';

export type UnitPatch = { name?: string; archived?: boolean; departmentId?: string | null };

/** PATCH /departments/:id etc.: rename, archive or restore. */
export function useUpdateUnit(kind: UnitKind) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UnitPatch }) => api<TOrgUnit>(`/${kind}/${id}`, { method: 'PATCH', json: patch }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['org'] });
      void client.invalidateQueries({ queryKey: ['overview'] });
    },
  });
}
