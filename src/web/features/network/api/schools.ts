import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TNetwork, TNetworkSchool, TNetworkSchoolCreated, TNetworkSchoolInput } from '../../../../shared/api/network';
import { api } from '../../../app/api';
import { KEY, enc } from './keys';

export const networkQuery = queryOptions({ queryKey: [KEY, 'schools'], queryFn: () => api<TNetwork>('/network') });

/** GET /network: the network's totals and its schools, with counts and activity only (no personal data). */
export const useNetwork = () => useQuery(networkQuery);

/** POST /network/schools: a school and its first administrator, invited. */
export function useCreateSchool() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TNetworkSchoolInput) => api<TNetworkSchoolCreated>('/network/schools', { method: 'POST', json: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** POST /network/schools/:id/archive or /unarchive. */
export function useSetArchived() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) =>
      api<TNetworkSchool>(`/network/schools/${enc(id)}/${archived ? 'archive' : 'unarchive'}`, { method: 'POST' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [KEY] }),
  });
}
