import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';

export type NetworkSchool = { id: string; name: string; institutionNumber: string | null; people: number; departments: number };
export type Network = { id: string; name: string; schools: NetworkSchool[] };

export const networkQuery = queryOptions({ queryKey: ['network'], queryFn: () => api<Network>('/network') });

/** GET /network: the host's schools with sizes only (no personal data). */
export const useNetwork = () => useQuery(networkQuery);
