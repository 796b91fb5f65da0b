import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TOrgUnit } from '../../../../shared/api/org';
import type { TInternshipStudents, TPlacement, TPlacementInput, TStudentTimeline, TWeekTimeline } from '../../../../shared/api/internship';
import { api, queryString } from '../../../app/api';
import { KEY, enc } from './keys';

/** The students the actor sees, with where each is today. */
export const useStudents = (p: { q?: string; teamId?: string | null } = {}, enabled = true) =>
  useQuery({ queryKey: [KEY, 'students', p], enabled, queryFn: () => api<TInternshipStudents>(`/internship/students${queryString(p)}`), placeholderData: keepPreviousData });

export const useStudentTimeline = (id: string) => useQuery({ queryKey: [KEY, 'timeline', id], enabled: id !== '', queryFn: () => api<TStudentTimeline>(`/internship/students/${enc(id)}/placements`) });

/** Who is where in an ISO week, for one team or all the actor sees. */
export const useWeekTimeline = (week: string, teamId: string | null) =>
  useQuery({ queryKey: [KEY, 'week', week, teamId], queryFn: () => api<TWeekTimeline>(`/internship/timeline${queryString({ week, teamId })}`), placeholderData: keepPreviousData });

export function useCreatePlacement() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TPlacementInput) => api<TPlacement>('/internship/placements', { method: 'POST', json: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [KEY] }),
  });
}

export const useTeams = (enabled = true) => useQuery({ queryKey: ['org', 'teams', { archived: false }], enabled, queryFn: () => api<TOrgUnit[]>('/teams'), staleTime: 60_000 });
export const useProgrammes = (enabled = true) =>
  useQuery({ queryKey: ['org', 'programmes', { archived: false }], enabled, queryFn: () => api<TOrgUnit[]>('/programmes'), staleTime: 60_000 });
