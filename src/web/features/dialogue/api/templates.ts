import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TDialogueBoundary,
  TDialogueBoundaryInput,
  TDialoguePair,
  TDialoguePairInput,
  TDialoguePairPatch,
  TDialogueTemplates,
  TDialogueText,
} from '../../../../shared/api/dialogue';
import { api } from '../../../app/api';
import { DIALOGUE_KEY } from './sessions';

const KEY = [...DIALOGUE_KEY, 'templates'];

/** GET /dialogue/templates: the school's pairs and boundary types. */
export const useDialogueTemplates = () => useQuery({ queryKey: KEY, queryFn: () => api<TDialogueTemplates>('/dialogue/templates'), staleTime: 60_000 });

function useTemplateWrite<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void client.invalidateQueries({ queryKey: KEY }) });
}

/** POST /dialogue/pairs */
export const useAddPair = () => useTemplateWrite((input: TDialoguePairInput) => api<TDialoguePair>('/dialogue/pairs', { method: 'POST', json: input }));
/** PATCH /dialogue/pairs/:key */
export const usePatchPair = () =>
  useTemplateWrite(({ key, ...input }: TDialoguePairPatch & { key: string }) => api<TDialoguePair>(`/dialogue/pairs/${encodeURIComponent(key)}`, { method: 'PATCH', json: input }));
/** PUT /dialogue/boundaries/:key */
export const usePutBoundary = () =>
  useTemplateWrite(({ key, ...input }: TDialogueBoundaryInput & { key: string }) => api<TDialogueBoundary>(`/dialogue/boundaries/${key}`, { method: 'PUT', json: input }));

/** A text in the UI's language, the Danish one when the English is empty. */
export const inLang = (text: TDialogueText, lang: string): string => (lang.startsWith('en') && text.en ? text.en : text.da);
