import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import type { PersonRow } from './list-people';

export type Person = PersonRow;

export const personQuery = (id: string) => queryOptions({ queryKey: ['people', 'one', id], queryFn: () => api<Person>(`/people/${encodeURIComponent(id)}`) });

/** GET /people/:id. */
export const usePerson = (id: string) => useQuery(personQuery(id));
