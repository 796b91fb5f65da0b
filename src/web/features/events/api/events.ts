import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TEventDetail,
  TEventInput,
  TEventList,
  TEventPatch,
  TMaterialInput,
  TParticipantList,
  TProjectInput,
  TSessionInput,
  TSessionPatch,
  TSignupInput,
  TSignupResult,
} from '../../../../shared/api/events';
import { api, queryString } from '../../../app/api';
import { HOME_KEY } from '../../../app/home';

/** Every query of the module starts with this key: a write refreshes the lists, the event and Min side at once. */
export const EVENTS_KEY = ['events'] as const;
const enc = encodeURIComponent;

/** GET /events: the network's upcoming events (and the drafts the actor organises). */
export const useEvents = (p: { past?: boolean } = {}) =>
  useQuery({
    queryKey: [...EVENTS_KEY, 'list', p],
    queryFn: () => api<TEventList>(`/events${queryString({ past: p.past ? 'true' : undefined })}`),
    placeholderData: keepPreviousData,
  });

/** GET /events/:id */
export const useEvent = (id: string) => useQuery({ queryKey: [...EVENTS_KEY, 'event', id], queryFn: () => api<TEventDetail>(`/events/${enc(id)}`) });

/** GET /events/:id/participants: the organiser's list. */
export const useParticipants = (id: string) =>
  useQuery({ queryKey: [...EVENTS_KEY, 'participants', id], queryFn: () => api<TParticipantList>(`/events/${enc(id)}/participants`) });

/** A write of the module; afterwards everything the module shows, and Min side, is read again. */
function useEventWrite<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      void client.invalidateQueries({ queryKey: HOME_KEY });
      await client.invalidateQueries({ queryKey: EVENTS_KEY });
    },
  });
}

export const useCreateEvent = () => useEventWrite((input: TEventInput) => api<TEventDetail>('/events', { method: 'POST', json: input }));
export const usePatchEvent = (id: string) => useEventWrite((patch: TEventPatch) => api<TEventDetail>(`/events/${enc(id)}`, { method: 'PATCH', json: patch }));
export const usePublishEvent = (id: string) => useEventWrite(() => api<TEventDetail>(`/events/${enc(id)}/publish`, { method: 'POST' }));
export const useCancelEvent = (id: string) => useEventWrite(() => api<TEventDetail>(`/events/${enc(id)}/cancel`, { method: 'POST' }));

export const useAddSession = (eventId: string) =>
  useEventWrite((input: TSessionInput) => api<unknown>(`/events/${enc(eventId)}/sessions`, { method: 'POST', json: input }));
export const usePatchSession = () =>
  useEventWrite(({ id, patch }: { id: string; patch: TSessionPatch }) => api<unknown>(`/events/sessions/${enc(id)}`, { method: 'PATCH', json: patch }));
export const useCancelSession = () => useEventWrite((id: string) => api<unknown>(`/events/sessions/${enc(id)}/cancel`, { method: 'POST' }));

export const useSignup = () =>
  useEventWrite(({ sessionId, input }: { sessionId: string; input: TSignupInput }) =>
    api<TSignupResult>(`/events/sessions/${enc(sessionId)}/signup`, { method: 'POST', json: input }),
  );
export const useCancelSignup = () => useEventWrite((sessionId: string) => api<void>(`/events/sessions/${enc(sessionId)}/signup`, { method: 'DELETE' }));
export const useSaveProject = (eventId: string) =>
  useEventWrite((input: TProjectInput) => api<unknown>(`/events/${enc(eventId)}/project`, { method: 'PUT', json: input }));

export const useAddMaterial = (eventId: string) =>
  useEventWrite((input: TMaterialInput) => api<unknown>(`/events/${enc(eventId)}/materials`, { method: 'POST', json: input }));
export const useRemoveMaterial = () => useEventWrite((id: string) => api<void>(`/events/materials/${enc(id)}`, { method: 'DELETE' }));
