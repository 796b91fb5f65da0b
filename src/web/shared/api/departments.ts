import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TOrgUnit } from '../../../shared/api/org';
import { api } from '../../app/api';

/** The school's active departments: one query, one cache key, one type, for every page that picks a department. */
export const departmentsQuery = queryOptions({
  queryKey: ['org', 'departments', { archived: false }],
  queryFn: () => api<TOrgUnit[]>('/departments'),
  staleTime: 60_000,
});

export const useDepartments = () => useQuery(departmentsQuery);
