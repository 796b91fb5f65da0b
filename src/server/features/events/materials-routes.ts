import { NO_CONTENT, ZId } from '../../../shared/api/common';
import { ZEventMaterial, ZMaterialInput, ZMaterialSearch, ZMaterialsQuery } from '../../../shared/api/events';
import { forbidden } from '../../platform/errors';
import { route } from '../../platform/route';
import { addMaterial, auditEvent, removeMaterial } from './events-commands';
import { searchMaterials } from './organiser-queries';
import { eventNetworkOf } from './policy';
import { showMaterial } from './presenter';
import { loadEvent, loadMaterial } from './queries';

const tags = ['events'];

export const materialRoutes = [
  route({
    method: 'GET',
    url: '/events/materials',
    summary: "Materials of the network's published events, for the network library (links, with the event's name)",
    tags,
    access: 'account',
    action: 'event:list',
    query: ZMaterialsQuery,
    response: ZMaterialSearch,
    handler: ({ db, actor, query }) => {
      const networkId = eventNetworkOf(actor);
      // the rule already requires a coordinator or a school's staff; this narrows the type
      if (!networkId) throw forbidden();
      return searchMaterials(db, networkId, query.q);
    },
  }),
  route({
    method: 'POST',
    url: '/events/:id/materials',
    summary: 'Add a material to an event: a link (http or https), before or after',
    tags,
    access: 'account',
    action: 'event:manage',
    params: ZId,
    body: ZMaterialInput,
    status: 201,
    response: ZEventMaterial,
    writes: true,
    load: ({ db, actor, params }) => loadEvent(db, actor, params.id),
    policyResource: (l) => l.resource,
    handler: async ({ db, actor, body, resource, audit }) => {
      const row = await addMaterial(db, actor, resource.event, body);
      await auditEvent(audit, resource.event, {
        action: 'event_material.created',
        resourceType: 'network_event_material',
        resourceId: row.id,
        summary: row.title,
      });
      return showMaterial(row);
    },
  }),
  route({
    method: 'DELETE',
    url: '/events/materials/:id',
    summary: "Remove an event's material",
    tags,
    access: 'account',
    action: 'event:manage',
    params: ZId,
    status: 204,
    response: NO_CONTENT,
    writes: true,
    load: ({ db, actor, params }) => loadMaterial(db, actor, params.id),
    policyResource: (l) => l.resource,
    handler: async ({ db, resource, audit }) => {
      await removeMaterial(db, resource.material.id);
      await auditEvent(audit, resource.event, {
        action: 'event_material.deleted',
        resourceType: 'network_event_material',
        resourceId: resource.material.id,
        summary: resource.material.title,
      });
    },
  }),
];
