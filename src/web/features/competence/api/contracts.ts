import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';

export type ContractContent = {
  goals: { competenceId: string; targetLevel: number; note: string }[];
  activities: { kind: 'course' | 'sidemandsoplaering' | 'other'; courseId: string | null; description: string }[];
  followUps: string[];
  note: string;
};
export type ContractRow = { id: string; person: { id: string; name: string }; leader: { id: string; name: string }; status: string; version: number; goals: number; nextFollowUp: string | null; employeeAcknowledged: boolean; leaderAcknowledged: boolean; role: 'employee' | 'leader' };
export type Contract = {
  id: string;
  person: { id: string; name: string };
  leader: { id: string; name: string };
  status: string;
  version: number;
  content: ContractContent;
  employeeAckAt: string | null;
  leaderAckAt: string | null;
  role: 'employee' | 'leader';
  history: { version: number; action: string; status: string; byName: string; at: string }[];
};
export const useContracts = () => useQuery({ queryKey: ['competence', 'contracts'], queryFn: () => api<ContractRow[]>('/competence/contracts') });
export const useContract = (id: string | null) => useQuery({ queryKey: ['competence', 'contract', id], queryFn: () => api<Contract>(`/competence/contracts/${id}`), enabled: !!id });

const useInvalidate = () => {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: ['competence'] });
};
export function useCreateContract() {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (v: { personId: string; content: ContractContent }) => api<Contract>('/competence/contracts', { method: 'POST', json: v }), onSuccess });
}
export function useAcknowledge() {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api<Contract>(`/competence/contracts/${id}/acknowledge`, { method: 'POST' }), onSuccess });
}
/** PATCH /competence/contracts/:id: a content change asks both parties to acknowledge again. */
export function useUpdateContract(id: string) {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (v: { content?: ContractContent; status?: string }) => api<Contract>(`/competence/contracts/${id}`, { method: 'PATCH', json: v }), onSuccess });
}
