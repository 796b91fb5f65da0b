import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TDialogueSessionList } from '../../../../shared/api/dialogue';
import type { TPlaces } from '../../../../shared/api/strategy';
import type { TDialogueComparison, TDialogueDecisionInput, TDialogueResults } from '../../../../shared/api/dialogue-results';
import { api, queryString } from '../../../app/api';

const KEY = ['dialogue', 'results'] as const;

/** GET /dialogue/sessions/:id/results */
export const useDialogueResults = (id: string) => useQuery({ queryKey: [...KEY, id], queryFn: () => api<TDialogueResults>(`/dialogue/sessions/${id}/results`) });

/** The closed sessions whose results the reader may open (from GET /dialogue/sessions). */
export const useClosedSessions = () =>
  useQuery({
    queryKey: [...KEY, 'sessions'],
    queryFn: () => api<TDialogueSessionList>('/dialogue/sessions'),
    select: (l) => l.sessions.filter((s) => s.status === 'closed' && s.abilities.includes('dialogueSession:results')),
  });

/** GET /dialogue/compare?a=&b= */
export const useComparison = (a: string | null, b: string | null) =>
  useQuery({
    queryKey: [...KEY, 'compare', a, b],
    queryFn: () => api<TDialogueComparison>(`/dialogue/compare${queryString({ a, b })}`),
    enabled: !!a && !!b && a !== b,
  });

/** POST /dialogue/sessions/:id/decisions ("Træf beslutning") */
export function useDecide(sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TDialogueDecisionInput) => api<{ decisionId: string; initiativeId: string | null }>(`/dialogue/sessions/${sessionId}/decisions`, { method: 'POST', json: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['strategy', 'decisions'] }),
  });
}

/** Where the reader may record a decision (GET /strategy/scope): centrally, or for which departments. */
export function useDecisionPlaces() {
  const q = useQuery({ queryKey: ['strategy', 'scope'], queryFn: () => api<TPlaces>('/strategy/scope'), staleTime: 60_000 });
  const schoolWide = q.data?.schoolWide.includes('decision:create') ?? false;
  const departments = (q.data?.departments ?? []).filter((d) => d.abilities.includes('decision:create')).map((d) => ({ value: d.id, label: d.name }));
  return { schoolWide, departments, ready: !q.isPending };
}
