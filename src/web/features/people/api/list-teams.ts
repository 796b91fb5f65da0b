import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';

export type Team = { id: string; name: string; archived: boolean; departmentId: string | null };

/** Same cache key as the organisation feature's list, so both share one request. */
export const teamsQuery = queryOptions({ queryKey: ['org', 'teams', { archived: false }], queryFn: () => api<Team[]>('/teams') });

/** GET /teams: for a person's team memberships. */
export const useTeams = () => useQuery(teamsQuery);
