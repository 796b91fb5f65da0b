import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TOffer, TOfferInput, TOfferList } from '../../../../shared/api/internship';
import { api, queryString } from '../../../app/api';
import { KEY } from './keys';

export const useOffers = (p: { departmentId?: string | null; source?: 'company' | 'school' | null } = {}) =>
  useQuery({ queryKey: [KEY, 'offers', p], queryFn: () => api<TOfferList>(`/internship/offers${queryString(p)}`) });

export function useCreateOffer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TOfferInput) => api<TOffer>('/internship/offers', { method: 'POST', json: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [KEY, 'offers'] }),
  });
}
