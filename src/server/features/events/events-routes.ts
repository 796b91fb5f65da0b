import { ZId } from '../../../shared/api/common';
import { ZEventDetail, ZEventInput, ZEventList, ZEventPatch, ZEventsQuery, ZParticipantList } from '../../../shared/api/events';
import { abilitiesOn } from '../../platform/policy';
import { route } from '../../platform/route';
import { ownOrigin } from '../../platform/security';
import { auditEvent, cancelEvent, createEvent, patchEvent, publishEvent } from './events-commands';
import { sendEventMails } from './notify';
import { participantsOf } from './organiser-queries';
import { showEventDetail, showEvents } from './presenter';
import { loadEvent, visibleEvents } from './queries';

const tags = ['events'];
const load = ({ db, actor, params }: { db: Parameters<typeof loadEvent>[0]; actor: Parameters<typeof loadEvent>[1]; params: { id: string } }) =>
  loadEvent(db, actor, params.id);

export const eventRoutes = [
  route({
    method: 'GET',
    url: '/events',
    summary: "The network's events: upcoming first, my sign-up and the seats left per session; drafts only to their organisers",
    tags,
    access: 'account',
    action: 'event:list',
    query: ZEventsQuery,
    response: ZEventList,
    handler: async ({ db, actor, query }) => {
      const now = new Date();
      const items = await showEvents(db, actor, await visibleEvents(db, actor), now);
      const upcoming = (i: (typeof items)[number]) => i.nextStartsAt !== null;
      const shown = items
        .filter((i) => query.past === 'true' || upcoming(i) || i.sessions.length === 0 || i.status === 'draft')
        .filter((i) => query.mine !== 'true' || i.sessions.some((s) => s.mySignup !== null));
      // upcoming events by their next session, then the rest by their newest session
      const key = (i: (typeof items)[number]) => i.nextStartsAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
      shown.sort((a, b) => key(a) - key(b) || a.title.localeCompare(b.title, 'da'));
      return { items: shown, abilities: abilitiesOn(actor, ['event:create', 'event:staffSignups']) };
    },
  }),
  route({
    method: 'POST',
    url: '/events',
    summary: "Create a draft event: the network's (a coordinator) or the school's (its administrator or top management)",
    tags,
    access: 'account',
    action: 'event:create',
    body: ZEventInput,
    status: 201,
    response: ZEventDetail,
    writes: true,
    handler: async ({ db, actor, body, audit }) => {
      const event = await createEvent(db, actor, body);
      const entry = { resourceType: 'network_event', resourceId: event.id, summary: event.title, changes: { kind: event.kind } };
      await auditEvent(audit, event, { action: 'event.created', ...entry });
      return showEventDetail(db, actor, event.id);
    },
  }),
  route({
    method: 'GET',
    url: '/events/:id',
    summary: 'One event: sessions with seats left and my sign-up, materials, my Learning Factory project, what I may do',
    tags,
    access: 'account',
    action: 'event:read',
    params: ZId,
    response: ZEventDetail,
    load,
    policyResource: (l) => l.resource,
    handler: ({ db, actor, resource }) => showEventDetail(db, actor, resource.event.id),
  }),
  route({
    method: 'PATCH',
    url: '/events/:id',
    summary: "Change an event's title or description (the organiser)",
    tags,
    access: 'account',
    action: 'event:manage',
    params: ZId,
    body: ZEventPatch,
    response: ZEventDetail,
    writes: true,
    load,
    policyResource: (l) => l.resource,
    handler: async ({ db, actor, body, resource, audit }) => {
      const event = await patchEvent(db, resource.event, body);
      await auditEvent(audit, event, { action: 'event.updated', resourceType: 'network_event', resourceId: event.id, summary: event.title, changes: body });
      return showEventDetail(db, actor, event.id);
    },
  }),
  route({
    method: 'POST',
    url: '/events/:id/publish',
    summary: 'Publish a draft event to the staff of every school of the network',
    tags,
    access: 'account',
    action: 'event:manage',
    params: ZId,
    response: ZEventDetail,
    writes: true,
    load,
    policyResource: (l) => l.resource,
    handler: async ({ db, actor, resource, audit }) => {
      const event = await publishEvent(db, resource.event);
      await auditEvent(audit, event, { action: 'event.published', resourceType: 'network_event', resourceId: event.id, summary: event.title });
      return showEventDetail(db, actor, event.id);
    },
  }),
  route({
    method: 'POST',
    url: '/events/:id/cancel',
    summary: 'Cancel an event: those signed up are told by e-mail and the årshjul items go',
    tags,
    access: 'account',
    action: 'event:manage',
    params: ZId,
    response: ZEventDetail,
    writes: true,
    load,
    policyResource: (l) => l.resource,
    handler: async ({ db, actor, deps, req, resource, audit, afterCommit }) => {
      const { event, mails } = await cancelEvent(db, resource.event);
      await auditEvent(audit, event, { action: 'event.cancelled', resourceType: 'network_event', resourceId: event.id, summary: event.title });
      const mail = { mailer: deps.mailer, log: req.log, origin: ownOrigin(deps.config, req) };
      afterCommit(() => sendEventMails(mail, mails));
      return showEventDetail(db, actor, event.id);
    },
  }),
  route({
    method: 'GET',
    url: '/events/:id/participants',
    summary: "The event's participants for its organiser: name, school, status and a Learning Factory's project",
    tags,
    access: 'account',
    action: 'event:participants',
    params: ZId,
    response: ZParticipantList,
    load,
    policyResource: (l) => l.resource,
    handler: ({ db, resource }) => participantsOf(db, resource.event),
  }),
];
