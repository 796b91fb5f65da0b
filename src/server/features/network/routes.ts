import { z } from 'zod';
import { NO_CONTENT, ZId } from '../../../shared/api/common';
import {
  ZCoordinatorInput,
  ZCoordinatorInvited,
  ZCoordinatorList,
  ZNetwork,
  ZNetworkAuditPage,
  ZNetworkAuditQuery,
  ZNetworkSchool,
  ZNetworkSchoolCreated,
  ZNetworkSchoolInput,
} from '../../../shared/api/network';
import type { Actor } from '../../platform/actor';
import type { AuditEntry } from '../../platform/audit';
import type { AppDeps } from '../../platform/deps';
import { forbidden, notFound } from '../../platform/errors';
import { isUuid } from '../../platform/loader';
import { route } from '../../platform/route';
import { ownOrigin } from '../../platform/security';
import type { FastifyRequest } from 'fastify';
import { listNetworkAudit } from './audit';
import { inviteCoordinator, listCoordinators, onboardSchool, removeCoordinator, setArchived, type Delivery, type NetworkWriter } from './commands';
import { networkOverview } from './queries';

/*
 * The network host (docs/network.md). Every route works in the actor's network
 * (`actor.network.id`): another network's school or coordinator answers 404.
 */

/** The network the session works in; the rules already require a network role, this narrows the type. */
const networkOf = (actor: Actor) => {
  if (!actor.network) throw forbidden();
  return actor.network.id;
};
const writer = (c: { db: NetworkWriter['db']; actor: Actor; audit: (e: AuditEntry) => Promise<void> }): NetworkWriter => ({
  db: c.db,
  actor: c.actor,
  networkId: networkOf(c.actor),
  audit: c.audit,
});
const delivery = (c: { deps: AppDeps; req: FastifyRequest }): Delivery => ({
  mailer: c.deps.mailer,
  origin: ownOrigin(c.deps.config, c.req),
  onMailError: (e) => c.req.log.error({ err: e }, 'sending an invitation failed'),
});
const ZAccountId = z.strictObject({ accountId: z.string().max(100) });
const uuidOr404 = (id: string) => {
  if (!isUuid(id)) throw notFound();
  return id;
};

const getNetwork = route({
  method: 'GET',
  url: '/network',
  summary: "The network's schools with counts and activity, and its totals (no personal data)",
  tags: ['network'],
  access: 'account',
  action: 'network:read',
  response: ZNetwork,
  handler: ({ db, actor }) => networkOverview(db, networkOf(actor)),
});

const createSchoolRoute = route({
  method: 'POST',
  url: '/network/schools',
  summary: 'Onboard a school: the school, its first administrator and the invitation, all or nothing',
  tags: ['network'],
  access: 'account',
  action: 'network:manageSchools',
  body: ZNetworkSchoolInput,
  status: 201,
  response: ZNetworkSchoolCreated,
  writes: true,
  handler: (c) => onboardSchool(writer(c), delivery(c), c.body),
});

const archiveRoute = (archived: boolean) =>
  route({
    method: 'POST',
    url: `/network/schools/:id/${archived ? 'archive' : 'unarchive'}`,
    summary: archived ? "Archive a school: its sessions end and its people cannot sign in; nothing is deleted" : 'Open an archived school again',
    tags: ['network'],
    access: 'account',
    action: 'network:manageSchools',
    params: ZId,
    response: ZNetworkSchool,
    writes: true,
    handler: (c) => setArchived(writer(c), uuidOr404(c.params.id), archived),
  });

const listCoordinatorsRoute = route({
  method: 'GET',
  url: '/network/coordinators',
  summary: "The network's coordinators",
  tags: ['network'],
  access: 'account',
  action: 'network:manageCoordinators',
  response: ZCoordinatorList,
  handler: async ({ db, actor }) => ({ items: await listCoordinators(db, networkOf(actor), actor.accountId) }),
});

const inviteCoordinatorRoute = route({
  method: 'POST',
  url: '/network/coordinators',
  summary: 'Invite a coordinator of the network by e-mail',
  tags: ['network'],
  access: 'account',
  action: 'network:manageCoordinators',
  body: ZCoordinatorInput,
  status: 201,
  response: ZCoordinatorInvited,
  writes: true,
  handler: (c) => inviteCoordinator(writer(c), delivery(c), c.body.email),
});

const removeCoordinatorRoute = route({
  method: 'DELETE',
  url: '/network/coordinators/:accountId',
  summary: 'Remove a coordinator of the network (not the last one)',
  tags: ['network'],
  access: 'account',
  action: 'network:manageCoordinators',
  params: ZAccountId,
  response: NO_CONTENT,
  writes: true,
  handler: (c) => removeCoordinator(writer(c), uuidOr404(c.params.accountId)),
});

const auditRoute = route({
  method: 'GET',
  url: '/network/audit',
  summary: "The network's own log, paged",
  tags: ['network'],
  access: 'account',
  action: 'network:audit',
  query: ZNetworkAuditQuery,
  response: ZNetworkAuditPage,
  handler: ({ db, actor, query }) => listNetworkAudit(db, networkOf(actor), query),
});

export const networkRoutes = [
  getNetwork,
  createSchoolRoute,
  archiveRoute(true),
  archiveRoute(false),
  listCoordinatorsRoute,
  inviteCoordinatorRoute,
  removeCoordinatorRoute,
  auditRoute,
];
