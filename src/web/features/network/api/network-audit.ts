import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TNetworkAuditPage } from '../../../../shared/api/network';
import { api, queryString } from '../../../app/api';
import { KEY } from './keys';

export type NetworkAuditParams = { page: number; pageSize: number; action?: string };

/** GET /network/audit: one page of the network's own log. */
export const useNetworkAudit = (p: NetworkAuditParams) =>
  useQuery({ queryKey: [KEY, 'audit', p], queryFn: () => api<TNetworkAuditPage>(`/network/audit${queryString(p)}`), placeholderData: keepPreviousData });
