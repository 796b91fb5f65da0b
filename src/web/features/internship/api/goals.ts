import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TGoal, TGoalImportResult, TGoalInput, TGoalList, TGoalOverview, TGoalStatusInput, TStudentGoals } from '../../../../shared/api/internship';
import { api } from '../../../app/api';
import { KEY, enc } from './keys';

export const useProgrammeGoals = (programmeId: string | null) =>
  useQuery({ queryKey: [KEY, 'goals', programmeId], enabled: Boolean(programmeId), queryFn: () => api<TGoalList>(`/internship/programmes/${enc(programmeId ?? '')}/goals`) });

/** How often each goal of a programme is reached; rarely reached first. */
export const useGoalOverview = (programmeId: string | null) =>
  useQuery({ queryKey: [KEY, 'goal-overview', programmeId], enabled: Boolean(programmeId), queryFn: () => api<TGoalOverview>(`/internship/programmes/${enc(programmeId ?? '')}/goals/overview`) });

export function useCreateGoal(programmeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TGoalInput) => api<TGoal>(`/internship/programmes/${enc(programmeId)}/goals`, { method: 'POST', json: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** The CSV file goes as it is (`code;text;level`); the server reads UTF-8 or Windows-1252 and `;` or `,`. */
export function useImportGoals(programmeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => api<TGoalImportResult>(`/internship/programmes/${enc(programmeId)}/goals/import`, { method: 'POST', body: await file.arrayBuffer(), contentType: 'text/csv' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [KEY] }),
  });
}

export const useStudentGoals = (studentId: string) =>
  useQuery({ queryKey: [KEY, 'student-goals', studentId], enabled: studentId !== '', queryFn: () => api<TStudentGoals>(`/internship/students/${enc(studentId)}/goals`) });

export function useSetGoalStatus(studentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ goalId, ...input }: TGoalStatusInput & { goalId: string }) => api<unknown>(`/internship/students/${enc(studentId)}/goals/${enc(goalId)}`, { method: 'PUT', json: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [KEY] }),
  });
}
