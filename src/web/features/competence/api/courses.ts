import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';

export type Session = { id: string; startsAt: string; place: string | null; onlineUrl: string | null; capacity: number; enrolled: number; waiting: number };
export type Course = {
  id: string;
  title: string;
  description: string;
  mandatory: boolean;
  format: string;
  targets: { competenceId: string; targetLevel: number }[];
  audience: { allStaff: boolean; newHires: boolean; levelZero: boolean; departmentIds: string[] };
  sessions: Session[];
  myEnrolment: { id: string; status: string; sessionId: string | null; attended: boolean; completed: boolean; rating: number | null; source: string } | null;
};
export const useCourses = () => useQuery({ queryKey: ['competence', 'courses'], queryFn: () => api<Course[]>('/competence/courses') });

const useInvalidate = () => {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: ['competence'] });
};
export type CourseInput = { title: string; description: string; mandatory: boolean; format: string; targets: { competenceId: string; targetLevel: number }[]; audience: { allStaff: boolean; newHires: boolean; levelZero: boolean; departmentIds: string[] } };
export function useCreateCourse() {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (input: CourseInput) => api<Course>('/competence/courses', { method: 'POST', json: input }), onSuccess });
}
export function useAddSession(courseId: string) {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (input: { startsAt: string; place: string | null; onlineUrl: string | null; capacity: number }) => api(`/competence/courses/${courseId}/sessions`, { method: 'POST', json: input }), onSuccess });
}
export function useEnrol(courseId: string) {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (sessionId: string | null) => api<{ id: string; status: string }>(`/competence/courses/${courseId}/enrolments`, { method: 'POST', json: { sessionId } }), onSuccess });
}
export function useCancelEnrolment() {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api(`/competence/enrolments/${id}`, { method: 'DELETE' }), onSuccess });
}
export function useEvaluate() {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (v: { id: string; rating: number; comment: string }) => api(`/competence/enrolments/${v.id}/evaluation`, { method: 'POST', json: { rating: v.rating, comment: v.comment } }), onSuccess });
}
export type Participant = { id: string; personId: string; name: string; status: string; sessionId: string | null; source: string; attended: boolean; completed: boolean };
export const useParticipants = (courseId: string, enabled: boolean) =>
  useQuery({ queryKey: ['competence', 'participants', courseId], queryFn: () => api<Participant[]>(`/competence/courses/${courseId}/participants`), enabled });
export function useRecordProgress() {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (v: { id: string; attended?: boolean; completed?: boolean }) => api(`/competence/enrolments/${v.id}`, { method: 'PATCH', json: { attended: v.attended, completed: v.completed } }), onSuccess });
}
/** PATCH /competence/courses/:id: edit, or archive (leaves the catalogue). */
export function useUpdateCourse(courseId: string) {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (input: Partial<CourseInput> & { archived?: boolean }) => api<Course>(`/competence/courses/${courseId}`, { method: 'PATCH', json: input }), onSuccess });
}
export type Evaluation = { count: number | null; meanRating: number | null; comments: string[] | null };
/** GET /competence/courses/:id/evaluation: mean from 5 evaluations, comments from 10 (null below). */
export const useCourseEvaluation = (courseId: string, enabled: boolean) =>
  useQuery({ queryKey: ['competence', 'evaluation', courseId], queryFn: () => api<Evaluation>(`/competence/courses/${courseId}/evaluation`), enabled });
export const useDepartmentOptions = () => useQuery({ queryKey: ['org', 'departments', { archived: false }], queryFn: () => api<{ id: string; name: string }[]>('/departments') });
export type ArchivedCourse = Omit<Course, 'sessions' | 'myEnrolment'> & { archivedAt: string };
/** GET /competence/courses/archived: for those who manage courses, to restore one. */
export const useArchivedCourses = (enabled: boolean) => useQuery({ queryKey: ['competence', 'courses', 'archived'], queryFn: () => api<ArchivedCourse[]>('/competence/courses/archived'), enabled });
