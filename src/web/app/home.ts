import { queryOptions, useQuery } from '@tanstack/react-query';
import type { THome } from '../../shared/api/home';
import { api } from './api';

/**
 * GET /home, "Min side": what waits for the signed-in person across modules. One query shared by
 * the page and the navigation's counts; any successful change (a mutation) marks it stale, so a
 * count follows what was just done (providers.tsx).
 */
export const HOME_KEY = ['home'] as const;
export const homeQuery = queryOptions({ queryKey: HOME_KEY, queryFn: () => api<THome>('/home'), staleTime: 30_000 });
export const useHome = (enabled: boolean) => useQuery({ ...homeQuery, enabled });
