import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';

export type Department = { id: string; name: string; archived: boolean };

/** Same cache key as the organisation feature's list, so both share one request. */
export const departmentsQuery = queryOptions({ queryKey: ['org', 'departments', { archived: false }], queryFn: () => api<Department[]>('/departments') });

/** GET /departments: for filters and the person form. */
export const useDepartments = () => useQuery(departmentsQuery);
