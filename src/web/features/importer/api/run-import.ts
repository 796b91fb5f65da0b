import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TImportLine, TImportResult, TImportRole } from '../../../../shared/api/importer';
import { ApiError, queryString, request } from '../../../app/api';

export type ImportProgress = { done: number; total: number };
/** What the import does besides writing the rows: a role for those in the file without one, invitations for those never invited. */
export type ImportOptions = { role: TImportRole | null; invite: boolean };

/** Reads the server's JSON lines as they arrive. */
async function* jsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<TImportLine> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += decoder.decode(value, { stream: !done });
    let nl = buffer.indexOf('\n');
    while (nl >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (line) yield JSON.parse(line) as TImportLine;
      nl = buffer.indexOf('\n');
    }
    if (done) break;
  }
  if (buffer.trim()) yield JSON.parse(buffer) as TImportLine;
}

/** POST /people/import (all or nothing) with a streamed progress of JSON lines. */
export function useRunImport() {
  const client = useQueryClient();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const mutation = useMutation({
    mutationFn: async ({ file, options }: { file: File; options: ImportOptions }): Promise<TImportResult> => {
      setProgress(null);
      const query = queryString({ role: options.role ?? undefined, invite: options.invite ? 'true' : undefined });
      const res = await request(`/people/import${query}`, { method: 'POST', body: file, contentType: 'text/csv', accept: 'application/x-ndjson' });
      if (!res.body) throw new Error('no response body');
      for await (const line of jsonLines(res.body)) {
        if (line.type === 'progress') setProgress({ done: line.done, total: line.total });
        else if (line.type === 'done') return { created: line.created, updated: line.updated, unchanged: line.unchanged, role: line.role, invitations: line.invitations };
        else throw new ApiError(line.problem);
      }
      throw new Error('import stream ended early');
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['people'] });
      void client.invalidateQueries({ queryKey: ['overview'] });
    },
  });
  return { ...mutation, progress };
}
