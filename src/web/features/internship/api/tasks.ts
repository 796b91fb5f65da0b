import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TPracticeTask, TPracticeTaskInput, TPracticeTaskList, TStudentTaskList } from '../../../../shared/api/internship';
import type { TSearchResult } from '../../../../shared/api/library';
import { api, queryString } from '../../../app/api';
import { KEY, enc } from './keys';

/** The tasks the teacher gave, with how many students are in each state. */
export const useTasks = (enabled = true) => useQuery({ queryKey: [KEY, 'tasks'], enabled, queryFn: () => api<TPracticeTaskList>('/internship/tasks') });
export const useTask = (id: string) => useQuery({ queryKey: [KEY, 'task', id], queryFn: () => api<TPracticeTask>(`/internship/tasks/${enc(id)}`) });
/** The student's own tasks. */
export const useMyTasks = (enabled = true) => useQuery({ queryKey: [KEY, 'my-tasks'], enabled, queryFn: () => api<TStudentTaskList>('/internship/tasks/mine') });
/** The tasks of the supervisor's students, within the window. */
export const useSupervisedTasks = (enabled = true) => useQuery({ queryKey: [KEY, 'supervised-tasks'], enabled, queryFn: () => api<TStudentTaskList>('/internship/tasks/supervised') });

export function useCreateTask() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TPracticeTaskInput) => api<TPracticeTask>('/internship/tasks', { method: 'POST', json: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** The supervisor confirms a student's answer; the teacher marks it done with feedback. */
export function useTaskStep(taskId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ studentId, step, feedback }: { studentId: string; step: 'confirm' | 'done'; feedback?: string }) =>
      api<unknown>(`/internship/tasks/${enc(taskId)}/students/${enc(studentId)}/${step}`, { method: 'POST', json: step === 'done' ? { feedback } : {} }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** Library forløb and materials to link to a task (the library's own search). */
export const useLibraryPicker = (q: string) =>
  useQuery({ queryKey: [KEY, 'library-picker', q], queryFn: () => api<TSearchResult>(`/library/items${queryString({ q })}`), staleTime: 30_000 });
