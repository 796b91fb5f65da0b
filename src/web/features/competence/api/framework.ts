import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFramework, TFrameworkImported, TFrameworkWithTexts, TSettings, TSettingsView } from '../../../../shared/api/competence';
import { api } from '../../../app/api';
import type { L } from './types';

export type FrameworkWithItems = TFrameworkWithTexts;
export const frameworkQuery = queryOptions({ queryKey: ['competence', 'framework'], queryFn: () => api<TFrameworkWithTexts>('/competence/framework') });
/** GET /competence/framework: the school's staff framework. */
export const useFramework = () => useQuery(frameworkQuery);

/** GET /competence/settings: the settings, with what the actor may do under them (`abilities`) and the reach of their leadership (`scope`). */
export const useSettings = () => useQuery({ queryKey: ['competence', 'settings'], queryFn: () => api<TSettingsView>('/competence/settings') });

/** PATCH /competence/settings */
export function useUpdateSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<TSettings>) => api<TSettingsView>('/competence/settings', { method: 'PATCH', json: patch }),
    onSuccess: (s) => client.setQueryData(['competence', 'settings'], s),
  });
}

/** POST /competence/frameworks/case: import a CASE package (JSON text); answers the framework with what the import assumed (`importNotes`). */
export function useImportCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => api<TFrameworkImported>('/competence/frameworks/case', { method: 'POST', body: text, contentType: 'application/json' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['competence'] }),
  });
}

/** POST /competence/frameworks/moodle: import a Moodle competency framework CSV as a new framework. */
export function useImportMoodle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => api<TFramework>('/competence/frameworks/moodle', { method: 'POST', body: text, contentType: 'text/csv' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['competence'] }),
  });
}

/** PATCH /competence/items/:id: an area's or competence's texts (bumps the framework version). */
export function useUpdateItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; title: L; description: L }) => api<TFramework>(`/competence/items/${v.id}`, { method: 'PATCH', json: { title: v.title, description: v.description } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['competence'] }),
  });
}
