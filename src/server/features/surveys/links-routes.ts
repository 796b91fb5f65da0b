import { z } from 'zod';
import { ZId, NO_CONTENT } from '../../../shared/api/common';
import { ZSurveyLinkCreated, ZSurveyLinkInput } from '../../../shared/api/surveys';
import { surveyLinks, surveyRounds } from '../../db/schema/index';
import { loadScoped } from '../../platform/loader';
import { route } from '../../platform/route';
import { createLink, revokeLink } from './links-commands';

/* Answer links for groups without accounts (students, company supervisors): create with a QR code, revoke. */

const tags = ['surveys'];

/** Where the link's QR code should point: the address the manager's browser used (the app's own origin). */
const originOf = (req: { protocol: string; host: string }) => `${req.protocol}://${req.host}`;

export const linkRoutes = [
  route({
    method: 'POST',
    url: '/surveys/rounds/:id/links',
    summary: 'Create an answer link for a group (optionally a department); its address and QR code (SVG, PNG) are shown once',
    tags,
    action: 'survey:manage',
    params: ZId,
    body: ZSurveyLinkInput,
    status: 201,
    response: ZSurveyLinkCreated,
    writes: true,
    load: ({ db, actor, params }) => loadScoped(db, actor, surveyRounds, params.id),
    policyResource: () => undefined,
    handler: async ({ db, req, body, resource: round, audit }) => {
      const created = await createLink(db, round, body, originOf(req));
      await audit({ action: 'surveys.link_created', resourceType: 'survey_link', resourceId: created.link.id, summary: round.name, changes: { ...body } });
      return created;
    },
  }),
  route({
    method: 'DELETE',
    url: '/surveys/links/:id',
    summary: 'Revoke an answer link (it then answers 410)',
    tags,
    action: 'survey:manage',
    params: ZId,
    status: 204,
    response: NO_CONTENT,
    writes: true,
    load: ({ db, actor, params }) => loadScoped(db, actor, surveyLinks, params.id),
    policyResource: () => undefined,
    handler: async ({ db, resource: link, audit }) => {
      await revokeLink(db, link);
      await audit({ action: 'surveys.link_revoked', resourceType: 'survey_link', resourceId: link.id, changes: { group: link.group } });
    },
  }),
];

export const ZLinkToken = z.strictObject({ token: z.string().max(100) });
