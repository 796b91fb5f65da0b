import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';

export type Overview = {
  school: { id: string; name: string; institutionNumber: string | null };
  departments: { id: string; name: string; people: number }[];
  totals: { people: number; departments: number; programmes: number; teams: number };
  sigtelinjer: number[];
};

export const overviewQuery = (schoolId: string) => queryOptions({ queryKey: ['overview', schoolId], queryFn: () => api<Overview>('/overview') });

/** GET /overview: the school, its departments with head counts and the four strategic lines. */
export const useOverview = (schoolId: string) => useQuery(overviewQuery(schoolId));
