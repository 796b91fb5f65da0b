import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';

export type TokenInfo = { kind: 'invite' | 'reset'; email: string; name: string; schoolName: string };

export const tokenQuery = (token: string) =>
  queryOptions({ queryKey: ['auth', 'token', token], queryFn: () => api<TokenInfo>(`/auth/tokens/${encodeURIComponent(token)}`), retry: false, staleTime: Infinity });

/** GET /auth/tokens/:token: who the invitation or reset link is for (410 when no longer valid). */
export const useTokenInfo = (token: string) => useQuery(tokenQuery(token));
