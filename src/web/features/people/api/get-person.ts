import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TPerson } from '../../../../shared/api/people';
import { api } from '../../../app/api';

export const personQuery = (id: string) => queryOptions({ queryKey: ['people', 'one', id], queryFn: () => api<TPerson>(`/people/${encodeURIComponent(id)}`) });

/** GET /people/:id: the person, their teams and what I may do with them. */
export const usePerson = (id: string) => useQuery(personQuery(id));
