import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { TPeoplePage } from '../../../../shared/api/people';
import { api, queryString } from '../../../app/api';

export type PeopleParams = { page: number; pageSize: number; q?: string; departmentId?: string; role?: string; active: 'true' | 'false' | 'all' };

export const peopleQuery = (p: PeopleParams) =>
  queryOptions({ queryKey: ['people', 'list', p], queryFn: () => api<TPeoplePage>(`/people${queryString(p)}`), placeholderData: keepPreviousData });

/** GET /people: one page, searched and filtered on the server. */
export const usePeople = (p: PeopleParams) => useQuery(peopleQuery(p));
