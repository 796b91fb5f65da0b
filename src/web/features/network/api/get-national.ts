import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZNational } from '../../../../shared/api/competence';
import { api } from '../../../app/api';
import { KEY } from './keys';

export type TNational = z.input<typeof ZNational>;
export const nationalQuery = queryOptions({ queryKey: [KEY, 'national'], queryFn: () => api<TNational>('/competence/national') });

/** GET /competence/national: mean level per school × area, shaped by the anonymity rules (no personal data). */
export const useNational = () => useQuery(nationalQuery);
