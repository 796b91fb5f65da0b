import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../../app/api';

export type Status = 'on_track' | 'behind' | 'at_risk' | 'no_data' | 'achieved' | 'stopped';
export type Term = { key: string; label: string; archived: boolean; builtIn: boolean };
export type Terms = Record<'sigtelinje' | 'reform_goal' | 'pedagogical_goal', Term[]>;
export type StrategySummary = { id: string; title: string; mode: string; periodStart: string; periodEnd: string; status: 'draft' | 'published'; version: number };
export type Strategy = StrategySummary & { vision: string; fpdgText: string; values: string[]; sigtelinjer: string[]; reformGoals: string[]; versions: { version: number; publishedAt: string; publishedBy: string }[] };
export type InitiativeItem = {
  id: string;
  title: string;
  why: string;
  level: 'central' | 'department';
  departmentId: string | null;
  departmentName: string | null;
  parentId: string | null;
  ownerName: string | null;
  startsOn: string;
  endsOn: string;
  sigtelinjer: string[];
  status: Status;
  indicatorCount: number;
};
export type Indicator = {
  id: string;
  name: string;
  unit: string;
  baseline: number;
  baselineOn: string;
  target: number;
  targetOn: string;
  direction: string;
  tolerance: number | null;
  status: Status;
  ratio: number | null;
  latestValue: number | null;
  expected: { on: string; value: number }[];
  measurements: { id: string; value: number; measuredOn: string; source: string | null; note: string | null }[];
};
export type Initiative = Omit<InitiativeItem, 'ownerName' | 'parentId' | 'indicatorCount'> & {
  parent: { id: string; title: string } | null;
  children: { id: string; title: string }[];
  owner: { id: string; name: string } | null;
  collaborators: { id: string; name: string }[];
  reformGoals: string[];
  pedagogicalGoals: string[];
  statusReason: string | null;
  stateReason: string | null;
  indicators: Indicator[];
  milestones: { id: string; title: string; dueOn: string; done: boolean }[];
  checkins: { id: string; heldOn: string; progress: number; decisions: string; nextSteps: string; authorName: string }[];
  followups: { id: string; title: string; dueOn: string; held: boolean; overdue: boolean }[];
  comments: { id: string; body: string; authorName: string; createdAt: string }[];
  technologies: { id: string; name: string; state: string }[];
  can: { update: boolean; checkin: boolean; setStatus: boolean; comment: boolean };
};
export type Counts = Record<Status, number>;
export type Overview = {
  total: Counts;
  initiatives: number;
  bySigtelinje: { key: string; label: string; counts: Counts }[];
  byDepartment: { id: string | null; name: string | null; counts: Counts }[];
  upcomingMilestones: { id: string; title: string; dueOn: string; initiativeId: string; initiativeTitle: string }[];
  overdueFollowups: { id: string; title: string; dueOn: string; initiativeId: string; initiativeTitle: string; ownerName: string | null }[];
  offTrackIndicators: { id: string; name: string; unit: string; status: Status; ratio: number | null; latestValue: number | null; target: number; initiativeId: string; initiativeTitle: string }[];
};
export type CalendarItem = { id: string; source: string; kind: string; title: string; description: string | null; startsOn: string; endsOn: string; departmentId: string | null; sigtelinjer: string[]; link: string | null };
export type Calendar = { from: string; to: string; schoolYearStartMonth: number; canManage: boolean; items: CalendarItem[] };
export type Portfolio = {
  items: Technology[];
  counts: Record<'valgt' | 'afproves' | 'fravalgt', number>;
  departments: { id: string; name: string; beyondCentral: { id: string; name: string; state: string }[] }[];
  canManage: boolean;
};
export type TechState = 'valgt' | 'afproves' | 'fravalgt';
export type Technology = {
  id: string;
  name: string;
  state: TechState;
  rationale: string;
  deselectionReason: string | null;
  scope: 'school' | 'departments';
  departmentIds: string[];
  ownerId: string | null;
  ownerName: string | null;
  initiativeIds: string[];
};
export type Decision = { id: string; level: 'central' | 'department'; departmentId: string | null; departmentName: string | null; initiativeId: string | null; what: string; why: string; decidedBy: string | null; decidedOn: string };
export type Ambassador = {
  id: string;
  personId: string;
  name: string;
  email: string | null;
  kind: 'ambassador' | 'superuser';
  departmentId: string | null;
  departmentName: string | null;
  technologies: { id: string; name: string }[];
  hoursPerWeek: number;
  contact: string;
};
export type StrategyVersion = Omit<Strategy, 'status' | 'versions' | 'updatedAt'> & { publishedAt: string; publishedBy: string };
export type Feed = { id: string; departmentId: string | null; departmentName: string | null; createdAt: string; mine: boolean };

export const termsQuery = queryOptions({ queryKey: ['strategy', 'terms'], queryFn: () => api<Terms>('/strategy/terms'), staleTime: 60_000 });
export const strategiesQuery = queryOptions({ queryKey: ['strategy', 'list'], queryFn: () => api<StrategySummary[]>('/strategies') });
export const strategyQuery = (id: string) => queryOptions({ queryKey: ['strategy', 'one', id], queryFn: () => api<Strategy>(`/strategies/${id}`) });
export const initiativesQuery = (q: { departmentId?: string | null; sigtelinje?: string | null }) =>
  queryOptions({ queryKey: ['strategy', 'initiatives', q], queryFn: () => api<InitiativeItem[]>(`/initiatives${queryString(q)}`) });
export const initiativeQuery = (id: string) => queryOptions({ queryKey: ['strategy', 'initiative', id], queryFn: () => api<Initiative>(`/initiatives/${id}`) });
export const overviewQuery = (departmentId: string | null) =>
  queryOptions({ queryKey: ['strategy', 'overview', departmentId], queryFn: () => api<Overview>(`/strategy/overview${queryString({ departmentId })}`) });
export const attentionQuery = queryOptions({ queryKey: ['strategy', 'attention'], queryFn: () => api<{ overdueFollowups: Overview['overdueFollowups'] }>('/strategy/attention') });
export const calendarQuery = (q: { from?: string; departmentId?: string | null; sigtelinje?: string | null }) =>
  queryOptions({ queryKey: ['calendar', q], queryFn: () => api<Calendar>(`/calendar${queryString(q)}`) });
export const portfolioQuery = queryOptions({ queryKey: ['strategy', 'technologies'], queryFn: () => api<Portfolio>('/technologies') });
export const decisionsQuery = queryOptions({ queryKey: ['strategy', 'decisions'], queryFn: () => api<Decision[]>('/decisions') });
export const ambassadorsQuery = queryOptions({ queryKey: ['strategy', 'ambassadors'], queryFn: () => api<Ambassador[]>('/ambassadors') });
export const feedsQuery = queryOptions({ queryKey: ['calendar', 'feeds'], queryFn: () => api<Feed[]>('/calendar/feeds') });
export const versionQuery = (id: string, version: string) =>
  queryOptions({ queryKey: ['strategy', 'version', id, version], queryFn: () => api<StrategyVersion>(`/strategies/${id}/versions/${version}`) });
export const departmentsQuery = queryOptions({ queryKey: ['org', 'departments', { archived: false }], queryFn: () => api<{ id: string; name: string }[]>('/departments') });
export const peopleSearchQuery = (q: string) =>
  queryOptions({
    queryKey: ['people', 'picker', q],
    queryFn: () => api<{ items: { id: string; name: string; departmentName?: string | null }[] }>(`/people${queryString({ q: q || undefined, pageSize: 20 })}`),
    staleTime: 30_000,
  });

export const useTerms = () => useQuery(termsQuery);

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
