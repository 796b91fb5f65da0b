import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import type { FrameworkWithItems } from './framework';
import type { Round, Settings } from './types';

export type MyRound = Round & { eligible: boolean; mySubmittedAt: string | null; myAnswered: number };
/** GET /competence/rounds */
export const useRounds = () => useQuery({ queryKey: ['competence', 'rounds'], queryFn: () => api<MyRound[]>('/competence/rounds') });

export type RoundInput = { title: string; opensOn: string; closesOn: string; departmentIds: string[] | null; frameworkKind?: 'staff' | 'student' };
/** POST /competence/rounds */
export function useOpenRound() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RoundInput) => api<Round>('/competence/rounds', { method: 'POST', json: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['competence'] }),
  });
}

/** POST /competence/rounds/:id/reminders */
export const useRemind = (id: string) => useMutation({ mutationFn: () => api<{ enabled: boolean; pending: number; sent: number }>(`/competence/rounds/${id}/reminders`, { method: 'POST' }) });

export type Draft = { round: Round; framework: FrameworkWithItems; basicAnswers: boolean[] | null; answers: Record<string, number>; submittedAt: string | null; settings: Settings };
/** GET /competence/rounds/:id/assessment: my answers to resume. */
export const useDraft = (roundId: string) => useQuery({ queryKey: ['competence', 'draft', roundId], queryFn: () => api<Draft>(`/competence/rounds/${roundId}/assessment`), staleTime: Infinity });

export type SaveInput = { basicAnswers?: boolean[]; answers?: { competenceId: string; level: number }[]; submit?: boolean };
/** PUT /competence/rounds/:id/assessment: save (and submit). */
export function useSaveAssessment(roundId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveInput) => api<{ answered: number; submitted: boolean }>(`/competence/rounds/${roundId}/assessment`, { method: 'PUT', json: input }),
    onSuccess: (r) => {
      if (r.submitted) void client.invalidateQueries({ queryKey: ['competence'] });
    },
  });
}
