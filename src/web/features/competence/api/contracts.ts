import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TContract, TContractContentInput, TContractPatch, TContractRow } from '../../../../shared/api/competence';
import { api } from '../../../app/api';

export type Contract = TContract;
export const useContracts = () => useQuery({ queryKey: ['competence', 'contracts'], queryFn: () => api<TContractRow[]>('/competence/contracts') });
export const useContract = (id: string | null) => useQuery({ queryKey: ['competence', 'contract', id], queryFn: () => api<TContract>(`/competence/contracts/${id}`), enabled: !!id });

const useInvalidate = () => {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: ['competence'] });
};
export function useCreateContract() {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (v: { personId: string; content: TContractContentInput }) => api<TContract>('/competence/contracts', { method: 'POST', json: v }), onSuccess });
}
export function useAcknowledge() {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api<TContract>(`/competence/contracts/${id}/acknowledge`, { method: 'POST' }), onSuccess });
}
/** PATCH /competence/contracts/:id: a content change asks both parties to acknowledge again. */
export function useUpdateContract(id: string) {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (v: TContractPatch) => api<TContract>(`/competence/contracts/${id}`, { method: 'PATCH', json: v }), onSuccess });
}
