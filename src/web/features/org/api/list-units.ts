import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TOrgUnit } from '../../../../shared/api/org';
import { api, queryString } from '../../../app/api';

export type UnitKind = 'departments' | 'programmes' | 'teams';

export const unitsQuery = (kind: UnitKind, archived: boolean) =>
  queryOptions({ queryKey: ['org', kind, { archived }], queryFn: () => api<TOrgUnit[]>(`/${kind}${queryString({ archived: archived ? 'true' : undefined })}`) });

/** GET /departments | /programmes | /teams (?archived=true includes archived ones). */
export const useUnits = (kind: UnitKind, archived = false) => useQuery(unitsQuery(kind, archived));
