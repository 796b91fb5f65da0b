import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TOrgUnit } from '../../../../shared/api/org';
import type {
  TColleague,
  TComment,
  TComparison,
  TGlossaryTerm,
  TItem,
  TLibrarySettings,
  TReviewSummary,
  TSearchResult,
  TSharedItem,
  TSharedLibrary,
  TSharedRow,
  TSpellIssue,
  TVersions,
} from '../../../../shared/api/library';
import { api, queryString, request } from '../../../app/api';

export const RELATION_FIELDS = ['laeringsforudsaetninger', 'rammefaktorer', 'maal', 'indhold', 'laereprocesser', 'vurdering'] as const;
export type RelationField = (typeof RELATION_FIELDS)[number];
export const MATERIAL_TYPES = ['document', 'video', 'link', 'simulation', 'quiz', 'other'] as const;
export const LICENCES = ['cc_by', 'cc_by_sa', 'cc_by_nc', 'all_rights'] as const;
export const TAG_GROUPS = ['uddannelse', 'fag', 'niveau', 'sigtelinje', 'teknologi'] as const;

export type SearchParams = { q?: string; kind?: string; type?: string; programmeId?: string; status?: string; tag?: string; mine?: string; page?: number };

export type ItemInput = Partial<{
  title: string;
  summary: string;
  programmeId: string | null;
  subject: string | null;
  duration: string | null;
  fields: Partial<Record<RelationField, string>>;
  lmsUrl: string | null;
  materialType: string | null;
  url: string | null;
  tags: Partial<Record<string, string[]>>;
  licence: string;
  language: string;
  coAuthorIds: string[];
  materialIds: string[];
}>;

export const searchQuery = (p: SearchParams) => queryOptions({ queryKey: ['library', 'search', p], queryFn: () => api<TSearchResult>(`/library/items${queryString(p)}`), placeholderData: keepPreviousData });
export const useSearch = (p: SearchParams) => useQuery(searchQuery(p));
export const itemQuery = (id: string) => queryOptions({ queryKey: ['library', 'item', id], queryFn: () => api<TItem>(`/library/items/${encodeURIComponent(id)}`) });
export const useItem = (id: string) => useQuery(itemQuery(id));

export function useItemAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ path, method = 'POST', json }: { path: string; method?: 'POST' | 'PUT' | 'PATCH'; json?: unknown }) => api<TItem>(`/library/items/${encodeURIComponent(id)}${path}`, { method, json }),
    onSuccess: (item) => {
      if (item.id === id) client.setQueryData(['library', 'item', id], item);
      void client.invalidateQueries({ queryKey: ['library'] });
    },
  });
}
export function useCreateItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ItemInput & { kind: string }) => api<TItem>('/library/items', { method: 'POST', json: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['library'] }),
  });
}
/** DELETE /library/items/:id: a draft with its discussion, versions and file. */
export function useDeleteItem(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(`/library/items/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => {
      client.removeQueries({ queryKey: ['library', 'item', id] });
      void client.invalidateQueries({ queryKey: ['library'] });
    },
  });
}
export function useUpload(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file);
      const res = await request(`/library/items/${encodeURIComponent(id)}/file`, { method: 'POST', body: form });
      return (await res.json()) as TItem;
    },
    onSuccess: (item) => client.setQueryData(['library', 'item', id], item),
  });
}

export const useSpellcheck = (id: string) => useMutation({ mutationFn: () => api<{ issues: TSpellIssue[] }>(`/library/items/${encodeURIComponent(id)}/spellcheck`, { method: 'POST' }) });

export const useVersions = (id: string) => useQuery({ queryKey: ['library', 'versions', id], queryFn: () => api<TVersions>(`/library/items/${encodeURIComponent(id)}/versions`) });
export const useCompare = (id: string, from: string | null, to: string | null) =>
  useQuery({
    queryKey: ['library', 'compare', id, from, to],
    enabled: Boolean(from && to),
    queryFn: () => api<TComparison>(`/library/items/${encodeURIComponent(id)}/compare${queryString({ from, to })}`),
  });

export const useComments = (id: string) => useQuery({ queryKey: ['library', 'comments', id], queryFn: () => api<TComment[]>(`/library/items/${encodeURIComponent(id)}/comments`) });
export function usePostComment(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api<TComment>(`/library/items/${encodeURIComponent(id)}/comments`, { method: 'POST', json: { body } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['library', 'comments', id] }),
  });
}

export const useGlossary = () => useQuery({ queryKey: ['library', 'glossary'], queryFn: () => api<TGlossaryTerm[]>('/library/glossary') });
export function useGlossaryMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, method, json }: { id?: string; method: 'POST' | 'PATCH' | 'DELETE'; json?: unknown }) => api<TGlossaryTerm | undefined>(`/library/glossary${id ? `/${id}` : ''}`, { method, json }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['library', 'glossary'] }),
  });
}

export const useNetworkLibrary = (q: string) =>
  useQuery({ queryKey: ['library', 'network', q], queryFn: () => api<TSharedLibrary>(`/library/network${queryString({ q })}`), placeholderData: keepPreviousData });
export function useNetworkAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ row, path, json }: { row: Pick<TSharedRow, 'schoolId' | 'id'>; path: 'curate' | 'adapt'; json?: unknown }) => api<TItem | TSharedItem>(`/library/network/${row.schoolId}/${row.id}/${path}`, { method: 'POST', json }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['library'] }),
  });
}
export const useColleagues = (q: string) => useQuery({ queryKey: ['library', 'colleagues', q], queryFn: () => api<TColleague[]>(`/library/colleagues${queryString({ q })}`) });
export const useProgrammes = () => useQuery({ queryKey: ['org', 'programmes', { archived: false }], queryFn: () => api<TOrgUnit[]>('/programmes') });

/** The editorial group's queue count (the badge on "Review"); refreshed every minute and on focus. */
export const useReviewSummary = (enabled = true) =>
  useQuery({ queryKey: ['library', 'review-summary'], queryFn: () => api<TReviewSummary>('/library/review/summary'), enabled, refetchInterval: 60_000 });

export const useSettings = () => useQuery({ queryKey: ['library', 'settings'], queryFn: () => api<TLibrarySettings>('/library/settings') });
export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (json: TLibrarySettings) => api<TLibrarySettings>('/library/settings', { method: 'PUT', json }),
    onSuccess: (data) => {
      client.setQueryData(['library', 'settings'], data);
      void client.invalidateQueries({ queryKey: ['library', 'item'] });
    },
  });
}

export const useNetworkItem = (schoolId: string, id: string) =>
  useQuery({ queryKey: ['library', 'network-item', schoolId, id], queryFn: () => api<TSharedItem>(`/library/network/${encodeURIComponent(schoolId)}/${encodeURIComponent(id)}`) });
