import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TSession } from '../../../../shared/api/me';
import { api } from '../../../app/api';

export const sessionsQuery = queryOptions({ queryKey: ['me', 'sessions'], queryFn: () => api<TSession[]>('/me/sessions') });

/** GET /me/sessions: my open sessions. */
export const useSessions = () => useQuery(sessionsQuery);
