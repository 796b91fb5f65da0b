import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TArchivedCourse, TCatalogueCourse, TCourse, TCourseInput, TCoursePatch, TEnrolment, TEvaluationSummary, TParticipant, TSessionInput } from '../../../../shared/api/competence';
import { api } from '../../../app/api';

export type Course = TCatalogueCourse;
export type CourseInput = TCourseInput;
export const useCourses = () => useQuery({ queryKey: ['competence', 'courses'], queryFn: () => api<TCatalogueCourse[]>('/competence/courses') });

const useInvalidate = () => {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: ['competence'] });
};
export function useCreateCourse() {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (input: TCourseInput) => api<TCourse>('/competence/courses', { method: 'POST', json: input }), onSuccess });
}
export function useAddSession(courseId: string) {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (input: TSessionInput) => api(`/competence/courses/${courseId}/sessions`, { method: 'POST', json: input }), onSuccess });
}
export function useEnrol(courseId: string) {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (sessionId: string | null) => api<TEnrolment>(`/competence/courses/${courseId}/enrolments`, { method: 'POST', json: { sessionId } }), onSuccess });
}
export function useCancelEnrolment() {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api(`/competence/enrolments/${id}`, { method: 'DELETE' }), onSuccess });
}
export function useEvaluate() {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (v: { id: string; rating: number; comment: string }) => api(`/competence/enrolments/${v.id}/evaluation`, { method: 'POST', json: { rating: v.rating, comment: v.comment } }), onSuccess });
}
export const useParticipants = (courseId: string, enabled: boolean) =>
  useQuery({ queryKey: ['competence', 'participants', courseId], queryFn: () => api<TParticipant[]>(`/competence/courses/${courseId}/participants`), enabled });
export function useRecordProgress() {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (v: { id: string; attended?: boolean; completed?: boolean }) => api(`/competence/enrolments/${v.id}`, { method: 'PATCH', json: { attended: v.attended, completed: v.completed } }), onSuccess });
}
/** PATCH /competence/courses/:id: edit, or archive (leaves the catalogue). */
export function useUpdateCourse(courseId: string) {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (input: TCoursePatch) => api<TCourse>(`/competence/courses/${courseId}`, { method: 'PATCH', json: input }), onSuccess });
}
/** GET /competence/courses/:id/evaluation: the mean and the comments, each null below its anonymity threshold. */
export const useCourseEvaluation = (courseId: string, enabled: boolean) =>
  useQuery({ queryKey: ['competence', 'evaluation', courseId], queryFn: () => api<TEvaluationSummary>(`/competence/courses/${courseId}/evaluation`), enabled });
export type ArchivedCourse = TArchivedCourse;
/** GET /competence/courses/archived: for those who manage courses, to restore one. */
export const useArchivedCourses = (enabled: boolean) => useQuery({ queryKey: ['competence', 'courses', 'archived'], queryFn: () => api<TArchivedCourse[]>('/competence/courses/archived'), enabled });
