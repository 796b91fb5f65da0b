import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TOwnItemsInput,
  TSurveyDraftInput,
  TSurveyDraftSaved,
  TSurveyLinkCreated,
  TSurveyLinkInput,
  TSurveyReminderResult,
  TSurveyRound,
  TSurveyRoundDetail,
  TSurveyRoundInput,
  TSurveyRoundPatch,
  TSurveySettings,
  TSurveySettingsPatch,
  TSurveySheet,
} from '../../../../shared/api/surveys';
import { api } from '../../../app/api';
import { HOME_KEY } from '../../../app/home';

const KEY = ['surveys'] as const;

/** GET /surveys/settings */
export const useSurveySettings = () => useQuery({ queryKey: [...KEY, 'settings'], queryFn: () => api<TSurveySettings>('/surveys/settings') });

function useSettingsWrite<I>(path: string, method: 'PATCH' | 'PUT') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => api<TSurveySettings>(path, { method, json: input }),
    onSuccess: (s) => client.setQueryData([...KEY, 'settings'], s),
  });
}
/** PATCH /surveys/settings */
export const useUpdateSurveySettings = () => useSettingsWrite<TSurveySettingsPatch>('/surveys/settings', 'PATCH');
/** PUT /surveys/own-items */
export const useSaveOwnItems = () => useSettingsWrite<TOwnItemsInput>('/surveys/own-items', 'PUT');

/** GET /surveys/rounds */
export const useSurveyRounds = () => useQuery({ queryKey: [...KEY, 'rounds'], queryFn: () => api<TSurveyRound[]>('/surveys/rounds') });
/** GET /surveys/rounds/:id */
export const useSurveyRound = (id: string) => useQuery({ queryKey: [...KEY, 'round', id], queryFn: () => api<TSurveyRoundDetail>(`/surveys/rounds/${id}`) });

function useRoundWrite<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void client.invalidateQueries({ queryKey: KEY }) });
}
/** POST /surveys/rounds */
export const useCreateSurveyRound = () => useRoundWrite((input: TSurveyRoundInput) => api<TSurveyRound>('/surveys/rounds', { method: 'POST', json: input }));
/** PATCH /surveys/rounds/:id */
export const useUpdateSurveyRound = (id: string) => useRoundWrite((input: TSurveyRoundPatch) => api<TSurveyRound>(`/surveys/rounds/${id}`, { method: 'PATCH', json: input }));
/** POST /surveys/rounds/:id/close */
export const useCloseSurveyRound = (id: string) => useRoundWrite(() => api<TSurveyRound>(`/surveys/rounds/${id}/close`, { method: 'POST' }));
/** POST /surveys/rounds/:id/reminders */
export const useRemindSurveyRound = (id: string) => useRoundWrite(() => api<TSurveyReminderResult>(`/surveys/rounds/${id}/reminders`, { method: 'POST' }));
/** POST /surveys/rounds/:id/links: the address and QR code are in this answer only. */
export const useCreateSurveyLink = (id: string) => useRoundWrite((input: TSurveyLinkInput) => api<TSurveyLinkCreated>(`/surveys/rounds/${id}/links`, { method: 'POST', json: input }));
/** DELETE /surveys/links/:id */
export const useRevokeSurveyLink = () => useRoundWrite((linkId: string) => api<void>(`/surveys/links/${linkId}`, { method: 'DELETE' }));

/** Where a sheet is read and saved: signed in (a round) or through a link (its token). */
export type SheetSource = { kind: 'round'; id: string } | { kind: 'link'; token: string };
const base = (s: SheetSource) => (s.kind === 'round' ? `/surveys/rounds/${s.id}` : `/surveys/public/${s.token}`);
const sheetKey = (s: SheetSource) => [...KEY, 'sheet', s.kind, s.kind === 'round' ? s.id : s.token];

/** GET the sheet with what was saved (signed in: .../sheet; link: the token's own address). */
export const useSheet = (s: SheetSource) =>
  useQuery({ queryKey: sheetKey(s), queryFn: () => api<TSurveySheet>(s.kind === 'round' ? `${base(s)}/sheet` : base(s)), staleTime: Infinity, retry: false });

/** PUT .../draft: a partial sheet merged into the saved one. */
export const useSaveDraft = (s: SheetSource) => useMutation({ mutationFn: (input: TSurveyDraftInput) => api<TSurveyDraftSaved>(`${base(s)}/draft`, { method: 'PUT', json: input }) });

/** POST .../submit */
export function useSubmitSheet(s: SheetSource) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TSurveyDraftInput) => api<TSurveyDraftSaved>(`${base(s)}/submit`, { method: 'POST', json: input }),
    onSuccess: () => {
      client.setQueryData<TSurveySheet>(sheetKey(s), (d) => (d ? { ...d, submitted: true, answers: {}, comments: {} } : d));
      void client.invalidateQueries({ queryKey: HOME_KEY });
    },
  });
}
