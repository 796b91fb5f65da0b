import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAssessmentInput, TAssessmentSaved, TDraft, TMyRound, TReminderResult, TRound, TRoundInput } from '../../../../shared/api/competence';
import { api } from '../../../app/api';

/** GET /competence/rounds */
export const useRounds = () => useQuery({ queryKey: ['competence', 'rounds'], queryFn: () => api<TMyRound[]>('/competence/rounds') });

/** POST /competence/rounds */
export function useOpenRound() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TRoundInput) => api<TRound>('/competence/rounds', { method: 'POST', json: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['competence'] }),
  });
}

/** POST /competence/rounds/:id/reminders */
export const useRemind = (id: string) => useMutation({ mutationFn: () => api<TReminderResult>(`/competence/rounds/${id}/reminders`, { method: 'POST' }) });

export type Draft = TDraft;
/** GET /competence/rounds/:id/assessment: my answers to resume. */
export const useDraft = (roundId: string) => useQuery({ queryKey: ['competence', 'draft', roundId], queryFn: () => api<TDraft>(`/competence/rounds/${roundId}/assessment`), staleTime: Infinity });

/** PUT /competence/rounds/:id/assessment: save (and submit). */
export function useSaveAssessment(roundId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TAssessmentInput) => api<TAssessmentSaved>(`/competence/rounds/${roundId}/assessment`, { method: 'PUT', json: input }),
    onSuccess: (r) => {
      if (r.submitted) void client.invalidateQueries({ queryKey: ['competence'] });
    },
  });
}
