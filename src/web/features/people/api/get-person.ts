import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import type { PersonRow } from './list-people';

/** One person as GET /people/:id returns it: the list row plus team memberships. */
export type Person = PersonRow & { teams?: { id: string; name: string }[] };

export const personQuery = (id: string) => queryOptions({ queryKey: ['people', 'one', id], queryFn: () => api<Person>(`/people/${encodeURIComponent(id)}`) });

/** GET /people/:id. */
export const usePerson = (id: string) => useQuery(personQuery(id));
