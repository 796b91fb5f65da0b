import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TNetwork } from '../../../../shared/api/network';
import { api } from '../../../app/api';

export const networkQuery = queryOptions({ queryKey: ['network'], queryFn: () => api<TNetwork>('/network') });

/** GET /network: the host's schools with sizes only (no personal data). */
export const useNetwork = () => useQuery(networkQuery);
