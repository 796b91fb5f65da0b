import { z } from 'zod';
import { fileResponse, ZId } from '../../../shared/api/common';
import { ZItem } from '../../../shared/api/library';
import { invalid, notFound } from '../../platform/errors';
import { serveFile, spaceFor, storeFile } from '../../platform/files/index';
import { route } from '../../platform/route';
import { attachFile } from './file-commands';
import { itemResource, loadIt } from './model';
import { showItem } from './presenter';
import { libraryAccept, libraryFiles } from './storage';

const tags = ['library'];

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
      return storeFile(req, deps.config, { owner: libraryFiles, schoolId: row.schoolId, space, accept: libraryAccept, name: query.name });
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
      if (!row.fileKey) throw notFound();
      return serveFile(req, reply, deps.config, row.fileKey, { as: 'attachment', name: row.fileName ?? 'fil', mime: row.fileMime ?? 'application/octet-stream' });
    },
  }),
];
