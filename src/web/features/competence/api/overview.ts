import { useQuery } from '@tanstack/react-query';
import type { TCompletion, THeatmap, THeatmapData, TLevelZeroPerson, TStaffStatus } from '../../../../shared/api/competence';
import { ApiError, api, queryString } from '../../../app/api';

export type HeatmapData = THeatmapData;
/** GET /competence/heatmap */
export const useHeatmap = (roundId?: string) => useQuery({ queryKey: ['competence', 'heatmap', roundId ?? 'latest'], queryFn: () => api<THeatmap>(`/competence/heatmap${queryString({ roundId })}`) });

export const useCompletion = (roundId: string | undefined) =>
  useQuery({ queryKey: ['competence', 'completion', roundId], queryFn: () => api<TCompletion>(`/competence/rounds/${roundId}/completion`), enabled: !!roundId });

/** GET /competence/level-zero: null when the school does not let the leader see individual levels. */
export const useLevelZero = (enabled: boolean) =>
  useQuery({
    queryKey: ['competence', 'level-zero'],
    enabled,
    queryFn: async () => {
      try {
        return await api<TLevelZeroPerson[]>('/competence/level-zero');
      } catch (e) {
        if (e instanceof ApiError && e.status === 403) return null;
        throw e;
      }
    },
  });

export const useStaffStatus = (enabled: boolean) => useQuery({ queryKey: ['competence', 'staff-status'], queryFn: () => api<TStaffStatus>('/competence/staff-status'), enabled });
