import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCoordinatorInput, TCoordinatorInvited, TCoordinatorList } from '../../../../shared/api/network';
import { api } from '../../../app/api';
import { KEY, enc } from './keys';

const COORDINATORS = [KEY, 'coordinators'] as const;

/** GET /network/coordinators: e-mail and status of the network's coordinators. */
export const useCoordinators = () => useQuery({ queryKey: COORDINATORS, queryFn: () => api<TCoordinatorList>('/network/coordinators') });

/** POST /network/coordinators: invites an account by e-mail. */
export function useInviteCoordinator() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TCoordinatorInput) => api<TCoordinatorInvited>('/network/coordinators', { method: 'POST', json: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: COORDINATORS }),
  });
}

/** DELETE /network/coordinators/:accountId (never the last one: 409 last_coordinator). */
export function useRemoveCoordinator() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) => api<void>(`/network/coordinators/${enc(accountId)}`, { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: COORDINATORS }),
  });
}
