import { useQuery } from '@tanstack/react-query';
import { ApiError, api, queryString } from '../../../app/api';
import type { L, Level, Round, Settings } from './types';

export type Cell = { areaId: string; mean: number | null; distribution: number[] | null };
export type HeatRow = { departmentId: string | null; name: string; suppressed: boolean; count: number | null; cells: Cell[] };
export type HeatmapData = { school: { suppressed: boolean; count: number | null; cells: Cell[] }; departments: HeatRow[] };
export type Heatmap = {
  round: Round | null;
  compare: Round | null;
  framework: { id: string; title: L; levels: Level[]; areas: { id: string; code: string; title: L }[] } | null;
  current: HeatmapData | null;
  previous: HeatmapData | null;
  settings: Settings;
};
/** GET /competence/heatmap */
export const useHeatmap = (roundId?: string) => useQuery({ queryKey: ['competence', 'heatmap', roundId ?? 'latest'], queryFn: () => api<Heatmap>(`/competence/heatmap${queryString({ roundId })}`) });

export type Completion = { invited: number; submitted: number | null; departments: { departmentId: string | null; name: string; suppressed: boolean; invited: number | null; submitted: number | null }[] };
export const useCompletion = (roundId: string | undefined) =>
  useQuery({ queryKey: ['competence', 'completion', roundId], queryFn: () => api<Completion>(`/competence/rounds/${roundId}/completion`), enabled: !!roundId });

export type LevelZeroPerson = { personId: string; name: string; roundTitle: string; submittedAt: string };
/** GET /competence/level-zero: null when the school does not let the leader see individual levels. */
export const useLevelZero = (enabled: boolean) =>
  useQuery({
    queryKey: ['competence', 'level-zero'],
    enabled,
    queryFn: async () => {
      try {
        return await api<LevelZeroPerson[]>('/competence/level-zero');
      } catch (e) {
        if (e instanceof ApiError && e.status === 403) return null;
        throw e;
      }
    },
  });

export type StaffStatus = {
  scope: 'school' | 'department';
  mandatory: { courseId: string; title: string; audience: number; completed: number; notCompleted: { personId: string; name: string }[] }[];
  onboarding: { personId: string; name: string; employmentStart: string | null; total: number; completed: number }[];
  onboardingCourses: { id: string; title: string }[];
};
export const useStaffStatus = (enabled: boolean) => useQuery({ queryKey: ['competence', 'staff-status'], queryFn: () => api<StaffStatus>('/competence/staff-status'), enabled });
