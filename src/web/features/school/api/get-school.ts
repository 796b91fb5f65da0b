import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TSchool } from '../../../../shared/api/school';
import { api } from '../../../app/api';

export const schoolQuery = queryOptions({ queryKey: ['school'], queryFn: () => api<TSchool>('/school') });

/** GET /school: the current school and its settings. */
export const useSchool = () => useQuery(schoolQuery);
