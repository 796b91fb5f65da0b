import { NO_CONTENT, ZId } from '../../../shared/api/common';
import { ZEventProject, ZProjectInput, ZSignupInput, ZSignupResult } from '../../../shared/api/events';
import { requireSchool } from '../../platform/actor';
import { route } from '../../platform/route';
import { ownOrigin } from '../../platform/security';
import { sendEventMails } from './notify';
import { showProject } from './presenter';
import { loadEvent, loadSession } from './queries';
import { cancelSignup, saveProject, signUp } from './signup-commands';

const tags = ['events'];

export const signupRoutes = [
  route({
    method: 'POST',
    url: '/events/sessions/:id/signup',
    summary: 'Sign up for a session: confirmed while seats are free, else on the waiting list (a Learning Factory asks for my problem)',
    tags,
    access: 'account',
    action: 'event:signup',
    params: ZId,
    body: ZSignupInput,
    status: 201,
    response: ZSignupResult,
    writes: true,
    load: ({ db, actor, params }) => loadSession(db, actor, params.id),
    policyResource: (l) => l.resource,
    handler: async ({ db, actor, body, resource, audit }) => {
      const staff = requireSchool(actor);
      const s = await signUp(db, staff, resource.event, resource.session.id, body);
      await audit({
        action: 'event.signed_up',
        resourceType: 'network_event_signup',
        resourceId: s.id,
        summary: resource.event.title,
        changes: { status: s.status },
      });
      return { sessionId: resource.session.id, signup: { status: s.status, position: s.position, signedUpAt: s.signedUpAt } };
    },
  }),
  route({
    method: 'DELETE',
    url: '/events/sessions/:id/signup',
    summary: 'Cancel my sign-up; a confirmed seat goes to the first on the waiting list, who is told by e-mail',
    tags,
    access: 'account',
    action: 'event:signup',
    params: ZId,
    status: 204,
    response: NO_CONTENT,
    writes: true,
    load: ({ db, actor, params }) => loadSession(db, actor, params.id),
    policyResource: (l) => l.resource,
    handler: async ({ db, actor, deps, req, resource, audit, afterCommit }) => {
      const staff = requireSchool(actor);
      const { id, mails } = await cancelSignup(db, staff, resource.event, resource.session.id);
      await audit({ action: 'event.cancelled_signup', resourceType: 'network_event_signup', resourceId: id, summary: resource.event.title });
      const mail = { mailer: deps.mailer, log: req.log, origin: ownOrigin(deps.config, req) };
      afterCommit(() => sendEventMails(mail, mails));
    },
  }),
  route({
    method: 'PUT',
    url: '/events/:id/project',
    summary: 'My Learning Factory project: the real problem from my school and, later, the product',
    tags,
    access: 'account',
    action: 'event:project',
    params: ZId,
    body: ZProjectInput,
    response: ZEventProject,
    writes: true,
    load: ({ db, actor, params }) => loadEvent(db, actor, params.id),
    policyResource: (l) => l.resource,
    handler: async ({ db, actor, body, resource, audit }) => {
      const row = await saveProject(db, requireSchool(actor), resource.event, body);
      await audit({ action: 'event.project_updated', resourceType: 'network_event', resourceId: resource.event.id, summary: resource.event.title });
      return showProject(row);
    },
  }),
];
