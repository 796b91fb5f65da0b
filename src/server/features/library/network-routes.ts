import { z } from 'zod';
import { ZItem, ZSharedItem, ZSharedLibrary } from '../../../shared/api/library';
import type { Executor } from '../../db/client';
import { requireSchool, type Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { abilitiesOn } from '../../platform/policy';
import { route } from '../../platform/route';
import { adaptInto } from './commands';
import { curateItem, listShared, loadNetworkItem } from './network';
import { NETWORK_ACTIONS } from './policy';
import { presentSharedItem, presentSharedRow, showItem } from './presenter';

const tags = ['library'];
const ZParams = z.strictObject({ schoolId: z.string().max(100), id: z.string().max(100) });
const ZCurate = z.strictObject({ featured: z.boolean().optional(), withdrawn: z.boolean().optional() });
const loadShared = ({ db, actor, params }: { db: Executor; actor: Actor; params: { schoolId: string; id: string } }) => loadNetworkItem(db, actor, params.schoolId, params.id);

/** The network's shared library: for the members of its schools and for its coordinator, who has no school. */
export const networkRoutes = [
  route({
    method: 'GET',
    url: '/library/network',
    summary: "The network's shared library",
    tags,
    access: 'account',
    action: 'libraryNetwork:read',
    query: z.strictObject({ q: z.string().trim().max(200).optional() }),
    response: ZSharedLibrary,
    handler: async ({ db, actor, query }) => ({
      items: (await listShared(db, actor, query.q ?? '')).map((r) => presentSharedRow(actor, r)),
      abilities: abilitiesOn(actor, NETWORK_ACTIONS),
    }),
  }),
  route({
    method: 'GET',
    url: '/library/network/:schoolId/:id',
    summary: 'One item of the shared library',
    tags,
    access: 'account',
    action: 'libraryNetwork:read',
    params: ZParams,
    response: ZSharedItem,
    load: loadShared,
    policyResource: () => undefined,
    handler: async ({ actor, resource: { row, schoolName } }) => presentSharedItem(actor, row, schoolName),
  }),
  route({
    method: 'POST',
    url: '/library/network/:schoolId/:id/curate',
    summary: 'The network coordinator features or withdraws a shared item',
    tags,
    access: 'account',
    action: 'libraryNetwork:curate',
    params: ZParams,
    body: ZCurate,
    response: ZSharedItem,
    writes: true,
    // the coordinator has no school of their own: the event goes to the author's school's log (below), not the actor's
    audit: false,
    load: loadShared,
    policyResource: () => undefined,
    handler: async ({ db, actor, body, resource: { row, schoolName } }) => {
      const updated = await curateItem(db, row, body);
      await audit(db, { system: `Netværkskoordinator (${actor.email})`, schoolId: row.schoolId }, { action: 'library.network_curated', resourceType: 'library_item', resourceId: row.id, summary: row.title, changes: { ...body } });
      return presentSharedItem(actor, updated, schoolName);
    },
  }),
  route({
    method: 'POST',
    url: '/library/network/:schoolId/:id/adapt',
    summary: 'Adapt a shared item from another school into one’s own draft',
    tags,
    access: 'account',
    action: 'libraryNetwork:adapt',
    params: ZParams,
    status: 201,
    response: ZItem,
    writes: true,
    load: loadShared,
    policyResource: () => undefined,
    handler: async ({ db, actor, audit: write, resource: { row, schoolName } }) => {
      const member = requireSchool(actor);
      const created = await adaptInto({ db, actor: member, audit: write }, row, schoolName);
      return showItem(db, member, created.id);
    },
  }),
];
