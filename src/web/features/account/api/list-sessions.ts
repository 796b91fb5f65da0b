import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';

export type SessionInfo = { id: string; createdAt: string; lastSeenAt: string; ip: string | null; userAgent: string | null; current: boolean };

export const sessionsQuery = queryOptions({ queryKey: ['me', 'sessions'], queryFn: () => api<SessionInfo[]>('/me/sessions') });

/** GET /me/sessions: my open sessions. */
export const useSessions = () => useQuery(sessionsQuery);
