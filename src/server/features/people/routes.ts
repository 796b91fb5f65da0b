import { ZId, fileResponse } from '../../../shared/api/common';
import { ZLinkResult, ZPeoplePage, ZPerson } from '../../../shared/api/people';
import { ZPersonInput, ZPersonPatch, ZRolesInput, ZTeamsInput } from '../../../shared/schemas';
import type { Executor } from '../../db/client';
import { people } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { loadScoped } from '../../platform/loader';
import { route } from '../../platform/route';
import { ownOrigin } from '../../platform/security';
import { deliverLink, linkFor, TOKEN_TTL_DAYS, type TokenKind } from '../auth/api';
import { createPerson, issuePersonLink, setRoles, setTeams, updatePerson } from './commands';
import { asPersonResource, peopleScope } from './policy';
import { presentPerson } from './presenter';
import { listPeople, ZPeopleQuery } from './queries';

/**
 * The list is served from the app's short-lived read cache, which holds the answer already
 * encoded as JSON; the handler sends it itself (so `fileResponse`), encoded through ZPeoplePage
 * when the cache is filled.
 */
const listPeopleRoute = route({
  method: 'GET',
  url: '/people',
  summary: 'Search and page through people',
  tags: ['people'],
  action: 'people:list',
  query: ZPeopleQuery,
  response: fileResponse('application/json; charset=utf-8'),
  handler: async ({ db, actor, query, req, reply }) => {
    const scope = peopleScope(actor);
    const key = `people|${scope === 'all' ? 'all' : scope.departmentId}|${JSON.stringify(query)}`;
    const body = await req.server.readCache.get(actor.school.id, key, async () => ZPeoplePage.encode(await listPeople(db, actor, query)));
    return reply.type('application/json; charset=utf-8').send(body);
  },
});

const createPersonRoute = route({
  method: 'POST',
  url: '/people',
  summary: 'Create a person',
  tags: ['people'],
  action: 'person:create',
  body: ZPersonInput,
  status: 201,
  response: ZPerson,
  writes: true,
  handler: async (c) => presentPerson(c.db, c.actor, await createPerson(c, c.body)),
});

/** The person of the route's `:id`, in the actor's school (404 alike for missing and foreign). */
const loadPerson = ({ db, actor, params }: { db: Executor; actor: SchoolActor; params: { id: string } }) => loadScoped(db, actor, people, params.id);

const getPersonRoute = route({
  method: 'GET',
  url: '/people/:id',
  summary: 'One person',
  tags: ['people'],
  action: 'person:read',
  params: ZId,
  response: ZPerson,
  load: loadPerson,
  policyResource: asPersonResource,
  handler: ({ db, actor, resource }) => presentPerson(db, actor, resource),
});

const patchPersonRoute = route({
  method: 'PATCH',
  url: '/people/:id',
  summary: 'Edit, deactivate or reactivate a person (people are never deleted)',
  tags: ['people'],
  action: 'person:update',
  params: ZId,
  body: ZPersonPatch,
  response: ZPerson,
  writes: true,
  load: loadPerson,
  policyResource: asPersonResource,
  handler: async (c) => presentPerson(c.db, c.actor, await updatePerson(c, c.resource, c.body)),
});

const setRolesRoute = route({
  method: 'PUT',
  url: '/people/:id/roles',
  summary: "Set a person's roles",
  tags: ['people'],
  action: 'person:assignRoles',
  params: ZId,
  body: ZRolesInput,
  response: ZPerson,
  writes: true,
  load: loadPerson,
  policyResource: asPersonResource,
  handler: async (c) => {
    await setRoles(c, c.resource, c.body.roles);
    return presentPerson(c.db, c.actor, c.resource);
  },
});

const setTeamsRoute = route({
  method: 'PUT',
  url: '/people/:id/teams',
  summary: "Set a person's teams",
  tags: ['people'],
  action: 'person:update',
  params: ZId,
  body: ZTeamsInput,
  response: ZPerson,
  writes: true,
  load: loadPerson,
  policyResource: asPersonResource,
  handler: async (c) => {
    await setTeams(c, c.resource, c.body.teamIds);
    return presentPerson(c.db, c.actor, c.resource);
  },
});

/**
 * An invitation or reset link. The token and its audit event are written in the transaction; the
 * e-mail is sent after the commit, and the answer (filled in by then: the kernel encodes it after
 * the afterCommit callbacks) says whether it was e-mailed or hands the link over to copy.
 */
const linkRoute = (kind: TokenKind, url: string, summary: string) =>
  route({
    method: 'POST',
    url,
    summary,
    tags: ['people'],
    action: 'person:invite',
    params: ZId,
    response: ZLinkResult,
    writes: true,
    load: loadPerson,
    policyResource: asPersonResource,
    handler: async (c) => {
      const { mailer, config } = c.deps;
      const person = c.resource;
      const token = await issuePersonLink(c, person, kind, mailer.enabled);
      const answer = { emailed: false, link: null as string | null, expiresInDays: TOKEN_TTL_DAYS };
      const input = { kind, to: person.email, locale: c.actor.locale, link: linkFor(ownOrigin(config, c.req), kind, token), schoolName: c.actor.school.name };
      c.afterCommit(async () => {
        const delivered = await deliverLink(mailer, input).catch((e: unknown) => {
          c.req.log.error({ err: e }, 'sending a link failed');
          throw new AppError(502, 'mail_failed');
        });
        Object.assign(answer, delivered);
      });
      return answer;
    },
  });

export const peopleRoutes = [
  listPeopleRoute,
  createPersonRoute,
  getPersonRoute,
  patchPersonRoute,
  setRolesRoute,
  setTeamsRoute,
  linkRoute('invite', '/people/:id/invitation', 'Invite a person: e-mails a link to set a password, or returns it to copy'),
  linkRoute('reset', '/people/:id/password-reset', 'Create a password-reset link for a person'),
];
