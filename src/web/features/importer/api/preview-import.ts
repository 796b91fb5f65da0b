import { useMutation } from '@tanstack/react-query';
import { api } from '../../../app/api';

export type ImportAction = 'create' | 'update' | 'unchanged' | 'error';
export type PreviewRow = {
  line: number;
  name: string | null;
  email: string | null;
  jobTitle: string | null;
  department: string | null;
  employmentStart: string | null;
  action: ImportAction;
  errors: { field: string; code: string; message: string }[];
};
export type ImportPreview = {
  encoding: string;
  separator: string;
  columns: string[];
  summary: { total: number; create: number; update: number; unchanged: number; errors: number };
  rows: PreviewRow[];
};

/** POST /people/import/preview with the raw file: every row with its errors; writes nothing. */
export const usePreviewImport = () =>
  useMutation({ mutationFn: (file: File) => api<ImportPreview>('/people/import/preview', { method: 'POST', body: file, contentType: 'text/csv' }) });
