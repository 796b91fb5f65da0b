import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TDialogueComment,
  TDialogueCopyInput,
  TDialogueItemsInput,
  TDialogueModerateInput,
  TDialogueMyAnswersInput,
  TDialogueMyAnswersSaved,
  TDialogueOpenInput,
  TDialogueSession,
  TDialogueSessionInput,
  TDialogueSessionList,
  TDialogueSessionPatch,
  TLiveState,
} from '../../../../shared/api/dialogue';
import { api } from '../../../app/api';
import { HOME_KEY } from '../../../app/home';

export const DIALOGUE_KEY = ['dialogue'] as const;
const sessionKey = (id: string) => [...DIALOGUE_KEY, 'session', id];

/** GET /dialogue/sessions: the sessions the actor facilitates or is asked to answer. */
export const useDialogueSessions = () => useQuery({ queryKey: [...DIALOGUE_KEY, 'sessions'], queryFn: () => api<TDialogueSessionList>('/dialogue/sessions') });

/** GET /dialogue/sessions/:id */
export const useDialogueSession = (id: string) => useQuery({ queryKey: sessionKey(id), queryFn: () => api<TDialogueSession>(`/dialogue/sessions/${id}`) });

function useSessionWrite<I>(fn: (input: I) => Promise<TDialogueSession>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (s) => {
      client.setQueryData(sessionKey(s.id), s);
      void client.invalidateQueries({ queryKey: [...DIALOGUE_KEY, 'sessions'] });
      void client.invalidateQueries({ queryKey: HOME_KEY });
    },
  });
}

/** POST /dialogue/sessions: a new draft. */
export const useCreateDialogueSession = () => useSessionWrite((input: TDialogueSessionInput) => api<TDialogueSession>('/dialogue/sessions', { method: 'POST', json: input }));
/** PATCH /dialogue/sessions/:id */
export const patchSession = (id: string, input: TDialogueSessionPatch) => api<TDialogueSession>(`/dialogue/sessions/${id}`, { method: 'PATCH', json: input });
export const useUpdateDialogueSession = (id: string) => useSessionWrite((input: TDialogueSessionPatch) => patchSession(id, input));
/** PUT /dialogue/sessions/:id/items */
export const useSaveDialogueItems = (id: string) =>
  useSessionWrite((input: TDialogueItemsInput) => api<TDialogueSession>(`/dialogue/sessions/${id}/items`, { method: 'PUT', json: input }));
/** POST /dialogue/sessions/:id/open */
export const useOpenDialogueSession = (id: string) =>
  useSessionWrite((input: TDialogueOpenInput) => api<TDialogueSession>(`/dialogue/sessions/${id}/open`, { method: 'POST', json: input }));
/** POST /dialogue/sessions/:id/copy: "Brug som skabelon", a new draft. */
export const useCopyDialogueSession = (id: string) =>
  useSessionWrite((input: TDialogueCopyInput) => api<TDialogueSession>(`/dialogue/sessions/${id}/copy`, { method: 'POST', json: input }));

/** POST /dialogue/sessions/:id/comments/:commentId/moderate: approve or hide a comment (the live state follows by push). */
export const useModerateComment = (sessionId: string) =>
  useMutation({
    mutationFn: ({ commentId, ...input }: TDialogueModerateInput & { commentId: string }) =>
      api<TDialogueComment>(`/dialogue/sessions/${sessionId}/comments/${commentId}/moderate`, { method: 'POST', json: input }),
  });

/** DELETE /dialogue/sessions/:id: a draft. */
export function useDeleteDialogueSession(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(`/dialogue/sessions/${id}`, { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [...DIALOGUE_KEY, 'sessions'] }),
  });
}

/** GET /dialogue/sessions/:id/my-answers: an asynchronous session as a member of its audience sees it. */
export const useMyAnswers = (id: string) => useQuery({ queryKey: [...DIALOGUE_KEY, 'my', id], queryFn: () => api<TLiveState>(`/dialogue/sessions/${id}/my-answers`) });

/** PUT /dialogue/sessions/:id/my-answers */
export const saveMyAnswers = (id: string, input: TDialogueMyAnswersInput) => api<TDialogueMyAnswersSaved>(`/dialogue/sessions/${id}/my-answers`, { method: 'PUT', json: input });
