import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, queryString } from '../../../app/api';

export type PersonRow = {
  id: string;
  name: string;
  email: string;
  jobTitle: string | null;
  departmentId: string | null;
  departmentName: string | null;
  employmentStart: string | null;
  active: boolean;
  hasAccount: boolean;
  roles: string[];
};
export type PeoplePage = { items: PersonRow[]; total: number; page: number; pageSize: number };
export type PeopleParams = { page: number; pageSize: number; q?: string; departmentId?: string; role?: string; active: 'true' | 'false' | 'all' };

export const peopleQuery = (p: PeopleParams) =>
  queryOptions({ queryKey: ['people', 'list', p], queryFn: () => api<PeoplePage>(`/people${queryString(p)}`), placeholderData: keepPreviousData });

/** GET /people: one page, searched and filtered on the server. */
export const usePeople = (p: PeopleParams) => useQuery(peopleQuery(p));
