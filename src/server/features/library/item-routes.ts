import { z } from 'zod';
import { NO_CONTENT, ZId } from '../../../shared/api/common';
import {
  ZColleagues,
  ZComment,
  ZComments,
  ZComparison,
  ZItem,
  ZLibrarySettings,
  ZReviewSummary,
  ZSearchResult,
  ZSpellcheck,
  ZVersions,
} from '../../../shared/api/library';
import { route } from '../../platform/route';
import { addComment, adaptInto, createItem, saveSettings, setLocks, setNetworkShared, updateItem } from './commands';
import { deleteItem } from './file-commands';
import { diffSnapshots, itemResource, loadIt, LOCKABLE, RELATION_FIELDS, ZCreateItem, ZPatchItem } from './model';
import { presentItem, showItem } from './presenter';
import { colleaguesOf, commentsOf, settingsOf, snapshotAt, versionsOf } from './queries';
import { reviewSummary } from './notify';
import { searchItems, ZSearchQuery } from './search';
import { spellCheckItem } from './spellcheck';

const tags = ['library'];

const ZVersionRef = z.union([z.uuid(), z.literal('current')]);
const ZCompare = z.strictObject({ from: ZVersionRef, to: ZVersionRef });
const ZLocks = z.strictObject({ fields: z.array(z.enum(LOCKABLE)).max(LOCKABLE.length) });
const ZNetworkShare = z.strictObject({ shared: z.boolean() });
const ZCommentInput = z.strictObject({ body: z.string().max(10_000) });
const ZColleagueQuery = z.strictObject({ q: z.string().trim().max(100).optional() });
const ZSettingsInput = z.strictObject({ requiredFields: z.array(z.enum(RELATION_FIELDS)).max(6), criteria: z.array(z.string().trim().min(1).max(300)).min(1).max(30) });

export const itemRoutes = [
  // ---- list, search, create, read, update ----
  route({
    method: 'GET',
    url: '/library/items',
    summary: 'Search materials and forløb the reader may see, with facets',
    tags,
    action: 'library:read',
    query: ZSearchQuery,
    response: ZSearchResult,
    handler: ({ db, actor, query }) => searchItems(db, actor, query),
  }),
  route({
    method: 'POST',
    url: '/library/items',
    summary: 'Create a private draft (forløb or material)',
    tags,
    action: 'library:create',
    body: ZCreateItem,
    status: 201,
    response: ZItem,
    writes: true,
    handler: async (c) => showItem(c.db, c.actor, (await createItem(c, c.body)).id),
  }),
  route({
    method: 'GET',
    url: '/library/items/:id',
    summary: 'One material or forløb',
    tags,
    action: 'libraryItem:read',
    params: ZId,
    response: ZItem,
    load: loadIt,
    policyResource: itemResource,
    handler: ({ db, actor, resource: { row, resource } }) => presentItem(db, actor, row, resource),
  }),
  route({
    method: 'PATCH',
    url: '/library/items/:id',
    summary: 'Edit a draft',
    tags,
    action: 'libraryItem:update',
    params: ZId,
    body: ZPatchItem,
    response: ZItem,
    writes: true,
    load: loadIt,
    policyResource: itemResource,
    handler: async (c) => {
      await updateItem(c, c.resource.row, c.body);
      return showItem(c.db, c.actor, c.resource.row.id);
    },
  }),
  route({
    method: 'DELETE',
    url: '/library/items/:id',
    summary: 'Delete a draft with its discussion, versions and file (the author, while it is not in review or published)',
    tags,
    action: 'libraryItem:delete',
    params: ZId,
    status: 204,
    response: NO_CONTENT,
    writes: true,
    load: loadIt,
    policyResource: itemResource,
    handler: (c) => deleteItem(c, c.resource.row),
  }),
  route({
    method: 'POST',
    url: '/library/items/:id/spellcheck',
    summary: 'Danish spell check of a draft, for its authors only; nothing is stored',
    tags,
    action: 'libraryItem:spellcheck',
    params: ZId,
    response: ZSpellcheck,
    load: loadIt,
    policyResource: itemResource,
    handler: async ({ db, reply, resource: { row } }) => {
      const issues = await spellCheckItem(db, row);
      reply.header('cache-control', 'no-store, private');
      return { issues };
    },
  }),

  // ---- versions ----
  route({
    method: 'GET',
    url: '/library/items/:id/versions',
    summary: 'The kept versions',
    tags,
    action: 'libraryItem:read',
    params: ZId,
    response: ZVersions,
    load: loadIt,
    policyResource: itemResource,
    handler: ({ db, resource: { row } }) => versionsOf(db, row),
  }),
  route({
    method: 'GET',
    url: '/library/items/:id/compare',
    summary: 'Field-by-field difference between two versions',
    tags,
    action: 'libraryItem:read',
    params: ZId,
    query: ZCompare,
    response: ZComparison,
    load: loadIt,
    policyResource: itemResource,
    handler: async ({ db, query, resource: { row } }) => ({ changes: diffSnapshots(await snapshotAt(db, row, query.from), await snapshotAt(db, row, query.to)) }),
  }),

  // ---- adaptation, locks, network flag ----
  route({
    method: 'POST',
    url: '/library/items/:id/adapt',
    summary: 'Adapt a published item into one’s own draft ("Tilpasset fra …")',
    tags,
    action: 'libraryItem:adapt',
    params: ZId,
    status: 201,
    response: ZItem,
    writes: true,
    load: loadIt,
    policyResource: itemResource,
    handler: async (c) => showItem(c.db, c.actor, (await adaptInto(c, c.resource.row, c.actor.school.name)).id),
  }),
  route({
    method: 'PUT',
    url: '/library/items/:id/locks',
    summary: 'Lock the fields adapters may not change',
    tags,
    action: 'libraryItem:lock',
    params: ZId,
    body: ZLocks,
    response: ZItem,
    writes: true,
    load: loadIt,
    policyResource: itemResource,
    handler: async (c) => {
      await setLocks(c, c.resource.row, c.body.fields);
      return showItem(c.db, c.actor, c.resource.row.id);
    },
  }),
  route({
    method: 'PUT',
    url: '/library/items/:id/network',
    summary: "Share a published item with the network's library (open licence only)",
    tags,
    action: 'libraryItem:network',
    params: ZId,
    body: ZNetworkShare,
    response: ZItem,
    writes: true,
    load: loadIt,
    policyResource: itemResource,
    handler: async (c) => {
      await setNetworkShared(c, c.resource.row, c.body.shared);
      return showItem(c.db, c.actor, c.resource.row.id);
    },
  }),

  // ---- discussion ----
  route({
    method: 'GET',
    url: '/library/items/:id/comments',
    summary: 'The discussion thread',
    tags,
    action: 'libraryItem:read',
    params: ZId,
    response: ZComments,
    load: loadIt,
    policyResource: itemResource,
    handler: ({ db, resource: { row } }) => commentsOf(db, row),
  }),
  route({
    method: 'POST',
    url: '/library/items/:id/comments',
    summary: 'Add to the discussion',
    tags,
    action: 'libraryItem:comment',
    params: ZId,
    body: ZCommentInput,
    status: 201,
    response: ZComment,
    writes: true,
    load: loadIt,
    policyResource: itemResource,
    handler: (c) => addComment(c, c.resource.row, c.body.body),
  }),

  // ---- the review queue, colleagues (co-author picker) and settings ----
  route({
    method: 'GET',
    url: '/library/review/summary',
    summary: "The editorial group's queue: what waits for a reviewer and what the reader has in review",
    tags,
    action: 'library:review',
    response: ZReviewSummary,
    handler: ({ db, actor }) => reviewSummary(db, actor),
  }),
  route({
    method: 'GET',
    url: '/library/colleagues',
    summary: 'Colleagues to invite as co-authors (names only)',
    tags,
    action: 'library:create',
    query: ZColleagueQuery,
    response: ZColleagues,
    handler: ({ db, actor, query }) => colleaguesOf(db, actor, query.q),
  }),
  route({
    method: 'GET',
    url: '/library/settings',
    summary: 'Quality criteria and required relation-model fields',
    tags,
    action: 'library:read',
    response: ZLibrarySettings,
    handler: ({ db, actor }) => settingsOf(db, actor.school.id),
  }),
  route({
    method: 'PUT',
    url: '/library/settings',
    summary: 'The editorial group sets the criteria and required fields',
    tags,
    action: 'library:settings',
    body: ZSettingsInput,
    response: ZLibrarySettings,
    writes: true,
    handler: (c) => saveSettings(c, c.body),
  }),
];
