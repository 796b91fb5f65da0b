import { z } from 'zod';
import { fileResponse, ZId } from '../../../shared/api/common';
import { ZItem } from '../../../shared/api/library';
import { notFound } from '../../platform/errors';
import { attachment } from '../../platform/http';
import { route } from '../../platform/route';
import { attachFile } from './commands';
import { itemResource, loadIt } from './model';
import { showItem } from './presenter';
import { readStoredFile, receiveUpload } from './storage';

const tags = ['library'];

/** A material's file: uploaded by its authors, downloaded by its readers (always as an attachment). */
export const fileRoutes = [
  route({
    method: 'POST',
    url: '/library/items/:id/file',
    summary: 'Upload the file of a material (multipart, size limit, MIME by content)',
    tags,
    action: 'libraryItem:update',
    params: ZId,
    query: z.strictObject({ name: z.string().max(200).optional() }),
    rawBody: 'multipart',
    response: ZItem,
    writes: true,
    load: loadIt,
    policyResource: itemResource,
    handler: async (c) => {
      await attachFile(c, c.deps.config, c.resource.row, () => receiveUpload(c.req, c.deps.config, c.query.name));
      return showItem(c.db, c.actor, c.resource.row.id);
    },
  }),
  route({
    method: 'GET',
    url: '/library/items/:id/file',
    summary: 'Download the file (always as an attachment)',
    tags,
    action: 'libraryItem:read',
    params: ZId,
    response: fileResponse('application/octet-stream'),
    load: loadIt,
    policyResource: itemResource,
    handler: async ({ deps, reply, resource: { row } }) => {
      if (!row.fileKey) throw notFound();
      const data = await readStoredFile(deps.config, row.fileKey);
      return attachment(reply, row.fileName ?? 'fil', row.fileMime ?? 'application/octet-stream').header('content-security-policy', "default-src 'none'; sandbox").send(data);
    },
  }),
];
