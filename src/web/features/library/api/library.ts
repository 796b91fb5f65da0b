import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString, request } from '../../../app/api';

export const RELATION_FIELDS = ['laeringsforudsaetninger', 'rammefaktorer', 'maal', 'indhold', 'laereprocesser', 'vurdering'] as const;
export type RelationField = (typeof RELATION_FIELDS)[number];
export const MATERIAL_TYPES = ['document', 'video', 'link', 'simulation', 'quiz', 'other'] as const;
export const LICENCES = ['cc_by', 'cc_by_sa', 'cc_by_nc', 'all_rights'] as const;
export const TAG_GROUPS = ['uddannelse', 'fag', 'niveau', 'sigtelinje', 'teknologi'] as const;

type Facet = { value: string; count: number };
export type SearchRow = { id: string; kind: string; title: string; summary: string; status: string; materialType: string | null; programmeName: string | null; authorName: string; updatedAt: string; adapted: boolean };
export type SearchResult = { items: SearchRow[]; total: number; fuzzy: boolean; facets: { kind: Facet[]; type: Facet[]; status: Facet[]; programme: (Facet & { name: string })[]; tags: (Facet & { group: string })[] } };
export type SearchParams = { q?: string; kind?: string; type?: string; programmeId?: string; status?: string; tag?: string; mine?: string; page?: number };

export type Review = { id: string; version: number; reviewerName: string; checklist: Record<string, boolean>; fieldComments: Record<string, string>; decision: string | null; feedback: string | null; decidedAt: string | null };
export type Item = {
  id: string;
  kind: 'forlob' | 'material';
  title: string;
  summary: string;
  status: string;
  version: number;
  author: { id: string; name: string } | null;
  coAuthors: { id: string; name: string }[];
  programmeId: string | null;
  programmeName: string | null;
  subject: string | null;
  duration: string | null;
  fields: Partial<Record<RelationField, string>>;
  linkedFields: Partial<Record<RelationField, string>>;
  glossary: { id: string; term: string; definition: string }[];
  lmsUrl: string | null;
  materialType: string | null;
  url: string | null;
  file: { name: string; mime: string; size: number } | null;
  tags: Partial<Record<string, string[]>>;
  licence: string;
  language: string;
  lockedFields: string[];
  materials: { id: string; title: string; materialType: string | null; status: string }[];
  adaptedFrom: { id: string; schoolId: string; title: string; schoolName: string; authorName: string | null; sameSchool: boolean } | null;
  usage: { adaptations: number; schools: number };
  adaptations: { schoolName: string; id: string | null; title: string | null; authorName: string | null }[];
  reviewerName: string | null;
  reviews: Review[];
  network: { shared: boolean; featured: boolean; withdrawn: boolean };
  requiredFields: string[];
  criteria: string[];
  actions: Record<'update' | 'spellcheck' | 'share' | 'submit' | 'comment' | 'take' | 'review' | 'adapt' | 'lock' | 'network', boolean>;
};
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

export const searchQuery = (p: SearchParams) => queryOptions({ queryKey: ['library', 'search', p], queryFn: () => api<SearchResult>(`/library/items${queryString(p)}`), placeholderData: keepPreviousData });
export const useSearch = (p: SearchParams) => useQuery(searchQuery(p));
export const itemQuery = (id: string) => queryOptions({ queryKey: ['library', 'item', id], queryFn: () => api<Item>(`/library/items/${encodeURIComponent(id)}`) });
export const useItem = (id: string) => useQuery(itemQuery(id));

export function useItemAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ path, method = 'POST', json }: { path: string; method?: 'POST' | 'PUT' | 'PATCH'; json?: unknown }) => api<Item>(`/library/items/${encodeURIComponent(id)}${path}`, { method, json }),
    onSuccess: (item) => {
      if (item.id === id) client.setQueryData(['library', 'item', id], item);
      void client.invalidateQueries({ queryKey: ['library'] });
    },
  });
}
export function useCreateItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ItemInput & { kind: string }) => api<Item>('/library/items', { method: 'POST', json: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['library'] }),
  });
}
export function useUpload(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file);
      const res = await request(`/library/items/${encodeURIComponent(id)}/file`, { method: 'POST', body: form });
      return (await res.json()) as Item;
    },
    onSuccess: (item) => client.setQueryData(['library', 'item', id], item),
  });
}

export type SpellIssue = { field: string; word: string; count: number; suggestions: string[] };
export const useSpellcheck = (id: string) => useMutation({ mutationFn: () => api<{ issues: SpellIssue[] }>(`/library/items/${encodeURIComponent(id)}/spellcheck`, { method: 'POST' }) });

export type Version = { id: string; version: number; event: string; createdAt: string; by: string };
export const useVersions = (id: string) => useQuery({ queryKey: ['library', 'versions', id], queryFn: () => api<{ current: number; versions: Version[] }>(`/library/items/${encodeURIComponent(id)}/versions`) });
export const useCompare = (id: string, from: string | null, to: string | null) =>
  useQuery({
    queryKey: ['library', 'compare', id, from, to],
    enabled: Boolean(from && to),
    queryFn: () => api<{ changes: { field: string; before: unknown; after: unknown }[] }>(`/library/items/${encodeURIComponent(id)}/compare${queryString({ from, to })}`),
  });

export type Comment = { id: string; body: string; createdAt: string; authorName: string };
export const useComments = (id: string) => useQuery({ queryKey: ['library', 'comments', id], queryFn: () => api<Comment[]>(`/library/items/${encodeURIComponent(id)}/comments`) });
export function usePostComment(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api<Comment>(`/library/items/${encodeURIComponent(id)}/comments`, { method: 'POST', json: { body } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['library', 'comments', id] }),
  });
}

export type Term = { id: string; term: string; definition: string };
export const useGlossary = () => useQuery({ queryKey: ['library', 'glossary'], queryFn: () => api<Term[]>('/library/glossary') });
export function useGlossaryMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, method, json }: { id?: string; method: 'POST' | 'PATCH' | 'DELETE'; json?: unknown }) => api<Term | undefined>(`/library/glossary${id ? `/${id}` : ''}`, { method, json }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['library', 'glossary'] }),
  });
}

export type NetworkRow = { id: string; schoolId: string; schoolName: string; own: boolean; kind: string; title: string; summary: string; licence: string; featured: boolean; withdrawn: boolean };
export const useNetworkLibrary = (q: string) =>
  useQuery({ queryKey: ['library', 'network', q], queryFn: () => api<{ items: NetworkRow[]; canCurate: boolean }>(`/library/network${queryString({ q })}`), placeholderData: keepPreviousData });
export function useNetworkAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ row, path, json }: { row: NetworkRow; path: 'curate' | 'adapt'; json?: unknown }) => api<{ id: string }>(`/library/network/${row.schoolId}/${row.id}/${path}`, { method: 'POST', json }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['library'] }),
  });
}
export const useColleagues = (q: string) => useQuery({ queryKey: ['library', 'colleagues', q], queryFn: () => api<{ id: string; name: string }[]>(`/library/colleagues${queryString({ q })}`) });
export const useProgrammes = () => useQuery({ queryKey: ['org', 'programmes', { archived: false }], queryFn: () => api<{ id: string; name: string }[]>('/programmes') });

/** The editorial group's queue count (the badge on "Review"); refreshed every minute and on focus. */
export const useReviewSummary = (enabled = true) =>
  useQuery({ queryKey: ['library', 'review-summary'], queryFn: () => api<{ waiting: number; mine: number }>('/library/review/summary'), enabled, refetchInterval: 60_000 });

export type Settings = { requiredFields: string[]; criteria: string[] };
export const useSettings = () => useQuery({ queryKey: ['library', 'settings'], queryFn: () => api<Settings>('/library/settings') });
export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (json: Settings) => api<Settings>('/library/settings', { method: 'PUT', json }),
    onSuccess: (data) => {
      client.setQueryData(['library', 'settings'], data);
      void client.invalidateQueries({ queryKey: ['library', 'item'] });
    },
  });
}

export type NetworkItem = NetworkRow & {
  subject: string | null;
  duration: string | null;
  fields: Partial<Record<RelationField, string>>;
  lmsUrl: string | null;
  materialType: string | null;
  url: string | null;
  tags: Partial<Record<string, string[]>>;
  language: string;
  publishedAt: string | null;
  canCurate: boolean;
  canAdapt: boolean;
};
export const useNetworkItem = (schoolId: string, id: string) =>
  useQuery({ queryKey: ['library', 'network-item', schoolId, id], queryFn: () => api<NetworkItem>(`/library/network/${encodeURIComponent(schoolId)}/${encodeURIComponent(id)}`) });
