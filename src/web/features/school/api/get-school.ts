import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';

export type SchoolSettings = { defaultLocale: 'da' | 'en'; schoolYearStartMonth: number };
export type School = { id: string; name: string; institutionNumber: string | null; settings: SchoolSettings };

export const schoolQuery = queryOptions({ queryKey: ['school'], queryFn: () => api<School>('/school') });

/** GET /school: the current school and its settings. */
export const useSchool = () => useQuery(schoolQuery);
