import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TAmbassador,
  TAttention,
  TCounts,
  TDecision,
  TIndicator,
  TInitiative,
  TInitiativeItem,
  TOverview,
  TPlaces,
  TPortfolio,
  TStatus,
  TStrategy,
  TStrategySummary,
  TStrategyVersion,
  TTechnology,
  TTechState,
  TTerm,
  TTerms,
} from '../../../../shared/api/strategy';
import { api, queryString } from '../../../app/api';
import type { Ability } from '../../../app/session';

export type Status = TStatus;
export type Term = TTerm;
export type Terms = TTerms;
export type StrategySummary = TStrategySummary;
export type Strategy = TStrategy;
export type StrategyVersion = TStrategyVersion;
export type InitiativeItem = TInitiativeItem;
export type Indicator = TIndicator;
export type Initiative = TInitiative;
export type Counts = TCounts;
export type Overview = TOverview;
export type Portfolio = TPortfolio;
export type Technology = TTechnology;
export type TechState = TTechState;
export type Decision = TDecision;
export type Ambassador = TAmbassador;
export type Places = TPlaces;

export const termsQuery = queryOptions({ queryKey: ['strategy', 'terms'], queryFn: () => api<Terms>('/strategy/terms'), staleTime: 60_000 });
export const strategiesQuery = queryOptions({ queryKey: ['strategy', 'list'], queryFn: () => api<StrategySummary[]>('/strategies') });
export const strategyQuery = (id: string) => queryOptions({ queryKey: ['strategy', 'one', id], queryFn: () => api<Strategy>(`/strategies/${id}`) });
export const initiativesQuery = (q: { departmentId?: string | null; sigtelinje?: string | null }) =>
  queryOptions({ queryKey: ['strategy', 'initiatives', q], queryFn: () => api<InitiativeItem[]>(`/initiatives${queryString(q)}`) });
export const initiativeQuery = (id: string) => queryOptions({ queryKey: ['strategy', 'initiative', id], queryFn: () => api<Initiative>(`/initiatives/${id}`) });
export const overviewQuery = (departmentId: string | null) =>
  queryOptions({ queryKey: ['strategy', 'overview', departmentId], queryFn: () => api<Overview>(`/strategy/overview${queryString({ departmentId })}`) });
export const attentionQuery = queryOptions({ queryKey: ['strategy', 'attention'], queryFn: () => api<TAttention>('/strategy/attention') });
/** Where the signed-in person may add things (the whole school, which departments), per action. */
export const placesQuery = queryOptions({ queryKey: ['strategy', 'scope'], queryFn: () => api<Places>('/strategy/scope'), staleTime: 60_000 });
export const portfolioQuery = queryOptions({ queryKey: ['strategy', 'technologies'], queryFn: () => api<Portfolio>('/technologies') });
export const decisionsQuery = queryOptions({ queryKey: ['strategy', 'decisions'], queryFn: () => api<Decision[]>('/decisions') });
export const ambassadorsQuery = queryOptions({ queryKey: ['strategy', 'ambassadors'], queryFn: () => api<Ambassador[]>('/ambassadors') });
export const versionQuery = (id: string, version: string) =>
  queryOptions({ queryKey: ['strategy', 'version', id, version], queryFn: () => api<StrategyVersion>(`/strategies/${id}/versions/${version}`) });

export const useTerms = () => useQuery(termsQuery);

/**
 * Where a form may place what it adds for this action: whether the whole school is allowed
 * (central / school-wide) and which departments; the first allowed place is the default.
 */
export function usePlaces(action: Ability) {
  const places = useQuery(placesQuery);
  const schoolWide = places.data?.schoolWide.includes(action) ?? false;
  const departments = (places.data?.departments ?? []).filter((d) => d.abilities.includes(action)).map((d) => ({ value: d.id, label: d.name }));
  return { schoolWide, departments, defaultDepartment: schoolWide ? null : (departments[0]?.value ?? null), ready: !places.isPending };
}

/** Loads the places ahead of the add form, so it opens ready (only for those who may add). */
export const usePlacesAhead = (mayAdd: boolean) => useQuery({ ...placesQuery, enabled: mayAdd });

/** A POST/PATCH/PUT/DELETE that refreshes the strategy and calendar queries afterwards. */
export function useStrategyMutation<I, O = unknown>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: (input: I) => string, body: (input: I) => unknown = (i) => i) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => api<O>(path(input), { method, ...(method === 'DELETE' ? {} : { json: body(input) }) }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['strategy'] });
      void client.invalidateQueries({ queryKey: ['calendar'] });
    },
  });
}
