import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TMaterialSearch } from '../../../../shared/api/events';
import { api, queryString } from '../../../app/api';

/**
 * GET /events/materials?q=: the materials of the network's published events, listed in the network
 * library beside the shared items. Keyed under 'events' so the events' own writes refresh it.
 */
export const useEventMaterials = (q: string) =>
  useQuery({
    queryKey: ['events', 'materials', q],
    queryFn: () => api<TMaterialSearch>(`/events/materials${queryString({ q })}`),
    placeholderData: keepPreviousData,
  });
