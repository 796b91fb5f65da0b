import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import type { Framework } from './types';

export type AreaLevel = { id: string; mean: number; level: number };
export type Suggestion = { courseId: string; title: string; mandatory: boolean; format: string; gaps: { competenceId: string; level: number; targetLevel: number }[] };
export type Profile = {
  person: { id: string; name: string };
  framework: Framework;
  latest: { roundId: string; roundTitle: string; submittedAt: string; basicPassed: boolean; competences: Record<string, number>; areas: AreaLevel[] } | null;
  previous: { roundTitle: string; areas: AreaLevel[] } | null;
  suggestions: Suggestion[];
};
/** GET /competence/people/:id/profile */
export const useProfile = (personId: string, enabled = true) => useQuery({ queryKey: ['competence', 'profile', personId], queryFn: () => api<Profile>(`/competence/people/${personId}/profile`), enabled, retry: false });
