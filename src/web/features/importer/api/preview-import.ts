import { useMutation } from '@tanstack/react-query';
import type { TImportPreview, TImportRow } from '../../../../shared/api/importer';
import { api } from '../../../app/api';

/** What the preview shows for a row: the server's action, or an error when the row has errors. */
export type ImportAction = TImportRow['action'] | 'error';

/** POST /people/import/preview with the raw file: every row with its errors; writes nothing. */
export const usePreviewImport = () =>
  useMutation({ mutationFn: (file: File) => api<TImportPreview>('/people/import/preview', { method: 'POST', body: file, contentType: 'text/csv' }) });
