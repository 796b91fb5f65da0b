import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { TAuditPage } from '../../../../shared/api/audit';
import { api, queryString } from '../../../app/api';

export type AuditParams = { page: number; pageSize: number; action?: string; resourceType?: string; actor?: string; from?: string; to?: string };

export const auditQuery = (p: AuditParams) =>
  queryOptions({ queryKey: ['audit', p], queryFn: () => api<TAuditPage>(`/audit${queryString(p)}`), placeholderData: keepPreviousData });

/** GET /audit: who changed what and when. */
export const useAudit = (p: AuditParams) => useQuery(auditQuery(p));
