import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TOverview } from '../../../../shared/api/school';
import { api } from '../../../app/api';

export const overviewQuery = (schoolId: string) => queryOptions({ queryKey: ['overview', schoolId], queryFn: () => api<TOverview>('/overview') });

/** GET /overview: the school, its departments with head counts and the four strategic lines. */
export const useOverview = (schoolId: string) => useQuery(overviewQuery(schoolId));
