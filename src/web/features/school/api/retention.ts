import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TRetention } from '../../../../shared/api/privacy';
import { api } from '../../../app/api';

const retentionQuery = queryOptions({ queryKey: ['school', 'retention'], queryFn: () => api<TRetention>('/school/retention') });

/** GET /school/retention: months after deactivation before competence answers are erased (null: kept). */
export const useRetention = () => useQuery(retentionQuery);

/** PUT /school/retention. */
export function useSetRetention() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (months: number | null) => api<TRetention>('/school/retention', { method: 'PUT', json: { competenceAnswersMonths: months } }),
    onSuccess: (r) => client.setQueryData(retentionQuery.queryKey, r),
  });
}
