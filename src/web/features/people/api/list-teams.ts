import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TOrgUnit } from '../../../../shared/api/org';
import { api } from '../../../app/api';

/** Same cache key as the organisation feature's list, so both share one request. */
export const teamsQuery = queryOptions({ queryKey: ['org', 'teams', { archived: false }], queryFn: () => api<TOrgUnit[]>('/teams') });

/** GET /teams: for a person's team memberships. */
export const useTeams = () => useQuery(teamsQuery);
