import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, queryString } from '../../../app/api';

export type UnitKind = 'departments' | 'programmes' | 'teams';
export type Unit = { id: string; name: string; archived: boolean; departmentId: string | null };

export const unitsQuery = (kind: UnitKind, archived: boolean) =>
  queryOptions({ queryKey: ['org', kind, { archived }], queryFn: () => api<Unit[]>(`/${kind}${queryString({ archived: archived ? 'true' : undefined })}`) });

/** GET /departments | /programmes | /teams (?archived=true includes archived ones). */
export const useUnits = (kind: UnitKind, archived = false) => useQuery(unitsQuery(kind, archived));
