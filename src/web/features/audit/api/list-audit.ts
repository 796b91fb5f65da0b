import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, queryString } from '../../../app/api';

export type AuditEvent = {
  id: string;
  at: string;
  actorName: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  summary: string | null;
  changes: unknown;
};
export type AuditPage = { items: AuditEvent[]; total: number; page: number; pageSize: number; actions: string[] };
export type AuditParams = { page: number; pageSize: number; action?: string; resourceType?: string; actor?: string; from?: string; to?: string };

export const auditQuery = (p: AuditParams) =>
  queryOptions({ queryKey: ['audit', p], queryFn: () => api<AuditPage>(`/audit${queryString(p)}`), placeholderData: keepPreviousData });

/** GET /audit: who changed what and when. */
export const useAudit = (p: AuditParams) => useQuery(auditQuery(p));
