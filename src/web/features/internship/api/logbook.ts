import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TLogbookComment, TLogbookEntry, TLogbookEntryInput, TLogbookEntryPatch, TLogbookOverview, TStudentLogbook } from '../../../../shared/api/internship';
import { api, request } from '../../../app/api';
import { KEY, enc } from './keys';

export const useLogbookOverview = (enabled = true) => useQuery({ queryKey: [KEY, 'logbook-overview'], enabled, queryFn: () => api<TLogbookOverview>('/internship/logbook/overview') });

export const useStudentLogbook = (studentId: string) =>
  useQuery({ queryKey: [KEY, 'logbook', studentId], enabled: studentId !== '', queryFn: () => api<TStudentLogbook>(`/internship/logbook/students/${enc(studentId)}`) });

export const useEntry = (id: string | null) =>
  useQuery({ queryKey: [KEY, 'entry', id], enabled: Boolean(id), queryFn: () => api<TLogbookEntry>(`/internship/logbook/entries/${enc(id ?? '')}`) });

/** A new entry (POST under the student) or changes to one (PATCH). */
export function useSaveEntry(studentId: string, entryId: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TLogbookEntryInput | TLogbookEntryPatch) =>
      entryId
        ? api<TLogbookEntry>(`/internship/logbook/entries/${enc(entryId)}`, { method: 'PATCH', json: input })
        : api<TLogbookEntry>(`/internship/logbook/students/${enc(studentId)}/entries`, { method: 'POST', json: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** Photos and a video, one request each (the server checks each by its content and strips a photo's metadata). */
export function useUploadEntryFiles() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ entryId, files }: { entryId: string; files: File[] }) => {
      for (const file of files) {
        const form = new FormData();
        form.append('file', file);
        const kind = file.type.startsWith('video/') ? 'videos' : 'photos';
        await request(`/internship/logbook/entries/${enc(entryId)}/${kind}`, { method: 'POST', body: form });
      }
    },
    onSettled: () => void client.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function usePostEntryComment(entryId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api<TLogbookComment>(`/internship/logbook/entries/${enc(entryId)}/comments`, { method: 'POST', json: { body } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [KEY] }),
  });
}
