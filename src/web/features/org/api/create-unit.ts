import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import type { TOrgUnit } from '../../../../shared/api/org';
import type { UnitKind } from './list-units';

/** POST /departments | /programmes | /teams. */
export function useCreateUnit(kind: UnitKind) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; departmentId?: string | null }) => api<TOrgUnit>(`/${kind}`, { method: 'POST', json: input }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['org', kind] });
      void client.invalidateQueries({ queryKey: ['overview'] });
    },
  });
}
