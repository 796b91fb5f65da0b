import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TSurveyInitiativeInput, TSurveyNetwork, TSurveyReport } from '../../../../shared/api/surveys-report';
import { api, queryString } from '../../../app/api';

export type ReportFilter = { group?: string | undefined; department?: string | undefined; compare?: string | undefined };
const KEY = ['surveys', 'report'] as const;
export const reportQuery = (f: ReportFilter) => queryString({ group: f.group, department: f.department, compare: f.compare });

/** GET /surveys/rounds/:id/report */
export const useSurveyReport = (id: string, f: ReportFilter) =>
  useQuery({ queryKey: [...KEY, id, f], queryFn: () => api<TSurveyReport>(`/surveys/rounds/${id}/report${reportQuery(f)}`), placeholderData: (prev) => prev });

/** POST /surveys/rounds/:id/items/:key/initiative */
export function useCreateInitiativeFromItem(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, input }: { key: string; input: TSurveyInitiativeInput }) =>
      api<{ initiativeId: string; indicatorIds: string[] }>(`/surveys/rounds/${id}/items/${encodeURIComponent(key)}/initiative`, { method: 'POST', json: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });
}

/** GET /network/surveys (the coordinator) */
export const useSurveyNetwork = (enabled: boolean) => useQuery({ queryKey: ['surveys', 'network'], queryFn: () => api<TSurveyNetwork>('/network/surveys'), enabled });
