import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TTokenInfo } from '../../../../shared/api/auth';
import { api } from '../../../app/api';

export const tokenQuery = (token: string) =>
  queryOptions({ queryKey: ['auth', 'token', token], queryFn: () => api<TTokenInfo>(`/auth/tokens/${encodeURIComponent(token)}`), retry: false, staleTime: Infinity });

/** GET /auth/tokens/:token: who the invitation or reset link is for (410 when no longer valid). */
export const useTokenInfo = (token: string) => useQuery(tokenQuery(token));
