import { useQuery } from '@tanstack/react-query';
import type { TProfile } from '../../../../shared/api/competence';
import { api } from '../../../app/api';

export type Profile = TProfile;
/** GET /competence/people/:id/profile */
export const useProfile = (personId: string, enabled = true) => useQuery({ queryKey: ['competence', 'profile', personId], queryFn: () => api<TProfile>(`/competence/people/${personId}/profile`), enabled, retry: false });
