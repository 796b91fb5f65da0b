import { queryOptions } from '@tanstack/react-query';
import type { TPeoplePage } from '../../../shared/api/people';
import { api, queryString } from '../../app/api';

/**
 * The staff pickers' one source: GET /people?staff=true lists the school's staff only, never
 * students or company supervisors (the server decides who is staff, and refuses anyone else where
 * staff is required). Every picker of owners, collaborators, ambassadors or a leader's employees uses these.
 */
export const staffSearchQuery = (q: string) =>
  queryOptions({
    queryKey: ['people', 'staff', 'search', q],
    queryFn: () => api<TPeoplePage>(`/people${queryString({ staff: 'true', q: q || undefined, pageSize: 20 })}`),
    staleTime: 30_000,
  });

/** The staff of one department (a department head's employees), up to the page's limit. */
export const departmentStaffQuery = (departmentId: string | null | undefined) =>
  queryOptions({
    queryKey: ['people', 'staff', 'department', departmentId ?? null],
    queryFn: () => api<TPeoplePage>(`/people${queryString({ staff: 'true', departmentId, pageSize: 200 })}`),
    enabled: !!departmentId,
    staleTime: 30_000,
  });
