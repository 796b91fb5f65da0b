import { ZId } from '../../../shared/api/common';
import { ZEventDetail, ZSessionInput, ZSessionPatch } from '../../../shared/api/events';
import { route } from '../../platform/route';
import { ownOrigin } from '../../platform/security';
import { addSession, auditEvent, cancelSession, patchSession } from './events-commands';
import { sendEventMails } from './notify';
import { showEventDetail } from './presenter';
import { loadEvent, loadSession } from './queries';

const tags = ['events'];
const sessionAudit = (id: string) => ({ resourceType: 'network_event_session', resourceId: id });

export const sessionRoutes = [
  route({
    method: 'POST',
    url: '/events/:id/sessions',
    summary: 'Add a session: start, end, an online link or a place, a capacity',
    tags,
    access: 'account',
    action: 'event:manage',
    params: ZId,
    body: ZSessionInput,
    status: 201,
    response: ZEventDetail,
    writes: true,
    load: ({ db, actor, params }) => loadEvent(db, actor, params.id),
    policyResource: (l) => l.resource,
    handler: async ({ db, actor, body, resource, audit }) => {
      const session = await addSession(db, resource.event, body);
      await auditEvent(audit, resource.event, {
        action: 'event_session.created',
        ...sessionAudit(session.id),
        summary: resource.event.title,
        changes: { startsAt: session.startsAt.toISOString(), capacity: session.capacity },
      });
      return showEventDetail(db, actor, resource.event.id);
    },
  }),
  route({
    method: 'PATCH',
    url: '/events/sessions/:id',
    summary: 'Change a session; capacity below the confirmed count is refused, above it promotes from the waiting list',
    tags,
    access: 'account',
    action: 'event:manage',
    params: ZId,
    body: ZSessionPatch,
    response: ZEventDetail,
    writes: true,
    load: ({ db, actor, params }) => loadSession(db, actor, params.id),
    policyResource: (l) => l.resource,
    handler: async ({ db, actor, deps, req, body, resource, audit, afterCommit }) => {
      const { session, mails } = await patchSession(db, resource.event, resource.session.id, body);
      await auditEvent(audit, resource.event, { action: 'event_session.updated', ...sessionAudit(session.id), summary: resource.event.title, changes: body });
      const mail = { mailer: deps.mailer, log: req.log, origin: ownOrigin(deps.config, req) };
      afterCommit(() => sendEventMails(mail, mails));
      return showEventDetail(db, actor, resource.event.id);
    },
  }),
  route({
    method: 'POST',
    url: '/events/sessions/:id/cancel',
    summary: 'Cancel a session: those signed up are told by e-mail and the årshjul items go',
    tags,
    access: 'account',
    action: 'event:manage',
    params: ZId,
    response: ZEventDetail,
    writes: true,
    load: ({ db, actor, params }) => loadSession(db, actor, params.id),
    policyResource: (l) => l.resource,
    handler: async ({ db, actor, deps, req, resource, audit, afterCommit }) => {
      const { session, mails } = await cancelSession(db, resource.event, resource.session.id);
      await auditEvent(audit, resource.event, { action: 'event_session.cancelled', ...sessionAudit(session.id), summary: resource.event.title });
      const mail = { mailer: deps.mailer, log: req.log, origin: ownOrigin(deps.config, req) };
      afterCommit(() => sendEventMails(mail, mails));
      return showEventDetail(db, actor, resource.event.id);
    },
  }),
];
