import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCompanyDetail, TCompanyInput, TCompanyList, TCompanyPatch, TSupervisorInvite, TSupervisorInvited } from '../../../../shared/api/internship';
import { api, queryString } from '../../../app/api';
import { KEY, enc } from './keys';

export const useCompanies = (p: { q?: string; departmentId?: string | null } = {}) =>
  useQuery({ queryKey: [KEY, 'companies', p], queryFn: () => api<TCompanyList>(`/internship/companies${queryString(p)}`), placeholderData: keepPreviousData });

export const useCompany = (id: string) => useQuery({ queryKey: [KEY, 'company', id], queryFn: () => api<TCompanyDetail>(`/internship/companies/${enc(id)}`) });

export function useCreateCompany() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TCompanyInput) => api<TCompanyDetail>('/internship/companies', { method: 'POST', json: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [KEY, 'companies'] }),
  });
}

export function usePatchCompany(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: TCompanyPatch) => api<TCompanyDetail>(`/internship/companies/${enc(id)}`, { method: 'PATCH', json: patch }),
    onSuccess: (company) => {
      client.setQueryData([KEY, 'company', id], company);
      void client.invalidateQueries({ queryKey: [KEY, 'companies'] });
    },
  });
}

export function useInviteSupervisor(companyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TSupervisorInvite) => api<TSupervisorInvited>(`/internship/companies/${enc(companyId)}/supervisors`, { method: 'POST', json: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [KEY, 'company', companyId] }),
  });
}
