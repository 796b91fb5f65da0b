import { useCallback } from 'react';
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

/** PUT /competence/rounds/:id/assessment: save (and submit). The draft and my rounds are read again afterwards, so a return to the page shows what was saved. */
export function useSaveAssessment(roundId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TAssessmentInput) => api<TAssessmentSaved>(`/competence/rounds/${roundId}/assessment`, { method: 'PUT', json: input }),
    onSuccess: (r) => {
      void client.invalidateQueries({ queryKey: r.submitted ? ['competence'] : ['competence', 'draft', roundId] });
      void client.invalidateQueries({ queryKey: ['competence', 'rounds'] });
    },
  });
}

/**
 * Saves a step's changes when the person leaves the page mid-step (PUT, fire and forget): the draft
 * in the cache shows them at once, and is read again once the server has them.
 */
export function useKeepDraft(roundId: string) {
  const client = useQueryClient();
  return useCallback(
    (changes: Omit<TAssessmentInput, 'submit'> | null) => {
      if (!changes) return;
      const key = ['competence', 'draft', roundId];
      client.setQueryData<TDraft>(key, (d) =>
        d ? { ...d, basicAnswers: changes.basicAnswers ?? d.basicAnswers, answers: { ...d.answers, ...Object.fromEntries((changes.answers ?? []).map((a) => [a.competenceId, a.level])) } } : d,
      );
      void api<TAssessmentSaved>(`/competence/rounds/${roundId}/assessment`, { method: 'PUT', json: changes })
        .catch(() => undefined)
        .finally(() => void client.invalidateQueries({ queryKey: ['competence'] }));
    },
    [client, roundId],
  );
}
