import { z } from 'zod';
import { fileResponse, ZId } from '../../../shared/api/common';
import { ZItem } from '../../../shared/api/library';
import { invalid, notFound } from '../../platform/errors';
import { attachment } from '../../platform/http';
import { route } from '../../platform/route';
import { attachFile } from './file-commands';
import { itemResource, loadIt } from './model';
import { showItem } from './presenter';
import { spaceFor } from './quota';
import { openStoredFile, receiveUpload } from './storage';

const tags = ['library'];

/**
 * One satisfiable byte range ("bytes=a-b", "bytes=a-", "bytes=-n"), or null for the whole file.
 * Several ranges, other units and unsatisfiable ranges are answered with the whole file, as
 * RFC 9110 allows; so is a conditional range (If-Range), for which the file has no validator.
 */
export function byteRange(header: string | undefined, ifRange: string | string[] | undefined, size: number): { start: number; end: number } | null {
  const m = header && !ifRange ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (!m[1] && !m[2]) || size === 0) return null;
  const [start, end] = m[1] ? [Number(m[1]), m[2] ? Math.min(Number(m[2]), size - 1) : size - 1] : [Math.max(0, size - Number(m[2])), size - 1];
  return start <= end && start < size ? { start, end } : null;
}

/** A material's file: uploaded by its authors, downloaded by its readers (always as an attachment). */
export const fileRoutes = [
  route({
    method: 'POST',
    url: '/library/items/:id/file',
    summary: "Upload or replace the file of a material (multipart or a raw body with ?name=; streamed to disk, size limit, MIME by content, the school's quota)",
    tags,
    action: 'libraryItem:update',
    params: ZId,
    query: z.strictObject({ name: z.string().max(200).optional() }),
    rawBody: 'multipart',
    response: ZItem,
    writes: true,
    load: loadIt,
    policyResource: itemResource,
    receive: async ({ req, db, deps, query, resource: { row } }) => {
      if (row.kind !== 'material') throw invalid([{ field: 'file', key: 'library.validation.file_only_material' }]);
      const space = await spaceFor(db, deps.config, row.schoolId, row.fileKey ? (row.fileSize ?? 0) : 0);
      return receiveUpload(req, deps.config, row.schoolId, query.name, space);
    },
    handler: async (c) => {
      await attachFile(c, c.resource.row, c.received);
      return showItem(c.db, c.actor, c.resource.row.id);
    },
  }),
  route({
    method: 'GET',
    url: '/library/items/:id/file',
    summary: 'Download the file (always as an attachment; streamed from disk, one byte range on request)',
    tags,
    action: 'libraryItem:read',
    params: ZId,
    response: fileResponse('application/octet-stream'),
    load: loadIt,
    policyResource: itemResource,
    handler: async ({ deps, req, reply, resource: { row } }) => {
      const file = row.fileKey ? await openStoredFile(deps.config, row.fileKey) : null;
      if (!file) throw notFound();
      attachment(reply, row.fileName ?? 'fil', row.fileMime ?? 'application/octet-stream')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('accept-ranges', 'bytes')
        .header('cache-control', 'private, no-cache');
      const range = byteRange(req.headers.range, req.headers['if-range'], file.size);
      if (!range) return reply.header('content-length', file.size).send(file.open());
      return reply
        .code(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${file.size}`)
        .header('content-length', range.end - range.start + 1)
        .send(file.open(range));
    },
  }),
];
