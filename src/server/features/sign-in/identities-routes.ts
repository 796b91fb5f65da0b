import { z } from 'zod';
import { NO_CONTENT, ZId } from '../../../shared/api/common';
import { ZIdentityList } from '../../../shared/api/sign-in';
import { people } from '../../db/schema/index';
import { notFound } from '../../platform/errors';
import { loadScoped } from '../../platform/loader';
import { route } from '../../platform/route';
import { loadIdentity, personIdentities, unlinkIdentity } from './identities';

/* Links to external identities: one's own (Min konto) and a person's (the administrator, on the person's page). */

const ZPersonIdentity = z.strictObject({ id: z.string().max(100), identityId: z.string().max(100) });

const myIdentities = route({
  method: 'GET',
  url: '/me/identities',
  summary: 'My links to identity providers (UNI-Login, Microsoft)',
  tags: ['me'],
  access: 'account',
  action: 'account:self',
  response: ZIdentityList,
  handler: async ({ db, actor }) => ({
    identities: actor.school && actor.person ? await personIdentities(db, actor.school.id, actor.person.id) : [],
  }),
});

const unlinkMine = route({
  method: 'DELETE',
  url: '/me/identities/:id',
  summary: 'Remove one of my links to an identity provider',
  tags: ['me'],
  access: 'account',
  action: 'account:self',
  params: ZId,
  response: NO_CONTENT,
  writes: true,
  load: ({ db, actor, params }) => {
    if (!actor.school || !actor.person) throw notFound();
    return loadIdentity(db, actor.school.id, actor.person.id, params.id);
  },
  handler: async ({ db, actor, resource, audit }) => {
    // load succeeded, so the actor has a school and a person
    if (!actor.school || !actor.person) throw notFound();
    await unlinkIdentity(db, actor.school.id, actor.person.id, resource, audit);
  },
});

const personResource = (p: { id: string; departmentId: string | null; accountId: string | null }) => ({
  kind: 'person' as const,
  id: p.id,
  departmentId: p.departmentId,
  accountId: p.accountId,
});

const identitiesOfPerson = route({
  method: 'GET',
  url: '/people/:id/identities',
  summary: "A person's links to identity providers, with the role each suggests",
  tags: ['people'],
  action: 'person:update',
  params: ZId,
  response: ZIdentityList,
  load: ({ db, actor, params }) => loadScoped(db, actor, people, params.id),
  policyResource: personResource,
  handler: async ({ db, actor, resource }) => ({ identities: await personIdentities(db, actor.school.id, resource.id) }),
});

const unlinkOfPerson = route({
  method: 'DELETE',
  url: '/people/:id/identities/:identityId',
  summary: "Remove a person's link to an identity provider",
  tags: ['people'],
  action: 'person:update',
  params: ZPersonIdentity,
  response: NO_CONTENT,
  writes: true,
  load: async ({ db, actor, params }) => {
    const person = await loadScoped(db, actor, people, params.id);
    return { person, identity: await loadIdentity(db, actor.school.id, person.id, params.identityId) };
  },
  policyResource: (r) => personResource(r.person),
  handler: async ({ db, actor, resource, audit }) => {
    await unlinkIdentity(db, actor.school.id, resource.person.id, resource.identity, audit);
  },
});

export const identityRoutes = [myIdentities, unlinkMine, identitiesOfPerson, unlinkOfPerson];
