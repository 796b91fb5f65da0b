import { z } from 'zod';
import { people } from '../../db/schema/index';
import { ZPersonInput, ZPersonPatch, ZRolesInput, ZTeamsInput } from '../../../shared/schemas';
import { requireSchool, type SchoolActor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { AppError, notFound } from '../../platform/errors';
import { actorOf, type App } from '../../platform/http';
import { loadScoped } from '../../platform/loader';
import { authorize } from '../../platform/policy';
import { peopleScope, type PersonResource } from './policy';
import { ownOrigin } from '../../platform/security';
import { accountReachesBeyond, deliverLink, ensureAccount, issueToken, linkFor, type TokenKind } from '../auth/api';
import { createPerson, setRoles, setTeams, updatePerson } from './commands';
import { getPerson, listPeople, ZPeopleQuery } from './queries';
import { and, eq } from 'drizzle-orm';

const ZId = z.strictObject({ id: z.string().max(100) });
const asResource = (p: typeof people.$inferSelect): PersonResource => ({ kind: 'person', id: p.id, departmentId: p.departmentId, accountId: p.accountId });

export function peopleRoutes(app: App): void {
  const { database, mailer, config } = app.deps;
  const db = database.db;

  const present = async (actor: SchoolActor, id: string) => {
    const p = await getPerson(db, actor.school.id, id);
    if (!p) throw notFound();
    return p;
  };

  app.get('/people', { config: { action: 'people:list' }, schema: { tags: ['people'], summary: 'Search and page through people', querystring: ZPeopleQuery } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'people:list');
    const scope = peopleScope(actor);
    const key = `people|${scope === 'all' ? 'all' : scope.departmentId}|${JSON.stringify(req.query)}`;
    const body = await app.readCache.get(actor.school.id, key, () => listPeople(db, actor, req.query));
    return reply.type('application/json; charset=utf-8').send(body);
  });

  app.post('/people', { config: { action: 'person:create' }, schema: { tags: ['people'], summary: 'Create a person', body: ZPersonInput } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'person:create');
    const row = await db.transaction((tx) => createPerson(tx, actor, req.body));
    return reply.code(201).send(await present(actor, row.id));
  });

  app.get('/people/:id', { config: { action: 'person:read' }, schema: { tags: ['people'], summary: 'One person', params: ZId } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const person = await loadScoped(db, actor, people, req.params.id);
    authorize(actor, 'person:read', asResource(person));
    return present(actor, person.id);
  });

  app.patch(
    '/people/:id',
    { config: { action: 'person:update' }, schema: { tags: ['people'], summary: 'Edit, deactivate or reactivate a person (people are never deleted)', params: ZId, body: ZPersonPatch } },
    async (req) => {
      const actor = requireSchool(actorOf(req));
      const person = await loadScoped(db, actor, people, req.params.id);
      authorize(actor, 'person:update', asResource(person));
      await db.transaction((tx) => updatePerson(tx, actor, person, req.body));
      return present(actor, person.id);
    },
  );

  app.put(
    '/people/:id/roles',
    { config: { action: 'person:assignRoles' }, schema: { tags: ['people'], summary: "Set a person's roles", params: ZId, body: ZRolesInput } },
    async (req) => {
      const actor = requireSchool(actorOf(req));
      const person = await loadScoped(db, actor, people, req.params.id);
      authorize(actor, 'person:assignRoles', asResource(person));
      await db.transaction((tx) => setRoles(tx, actor, person, req.body.roles));
      return present(actor, person.id);
    },
  );

  app.put(
    '/people/:id/teams',
    { config: { action: 'person:update' }, schema: { tags: ['people'], summary: "Set a person's teams", params: ZId, body: ZTeamsInput } },
    async (req) => {
      const actor = requireSchool(actorOf(req));
      const person = await loadScoped(db, actor, people, req.params.id);
      authorize(actor, 'person:update', asResource(person));
      await db.transaction((tx) => setTeams(tx, actor, person, req.body.teamIds));
      return present(actor, person.id);
    },
  );

  const linkRoute = (kind: TokenKind, path: string, summary: string) =>
    app.post(path, { config: { action: 'person:invite' }, schema: { tags: ['people'], summary, params: ZId } }, async (req) => {
      const actor = requireSchool(actorOf(req));
      const person = await loadScoped(db, actor, people, req.params.id);
      authorize(actor, 'person:invite', asResource(person));
      const token = await db.transaction(async (tx) => {
        const accountId = person.accountId ?? (await ensureAccount(tx, person.email, actor.locale));
        // A copyable link to an account that also signs in elsewhere would let this school's admin take it over.
        if (!mailer.enabled && (await accountReachesBeyond(tx, accountId, actor.school.id))) throw new AppError(409, 'account_shared');
        if (!person.accountId) {
          await tx.update(people).set({ accountId }).where(and(eq(people.schoolId, actor.school.id), eq(people.id, person.id)));
        }
        const t = await issueToken(tx, { kind, accountId, schoolId: actor.school.id, createdBy: actor.accountId });
        await audit(tx, actor, {
          action: kind === 'invite' ? 'person.invited' : 'person.reset_link_created',
          resourceType: 'person',
          resourceId: person.id,
          summary: person.name,
        });
        return t;
      });
      const delivered = await deliverLink(mailer, {
        kind,
        to: person.email,
        locale: actor.locale,
        link: linkFor(ownOrigin(config, req), kind, token),
        schoolName: actor.school.name,
      }).catch((e: unknown) => {
        req.log.error({ err: e }, 'sending a link failed');
        throw new AppError(502, 'mail_failed');
      });
      return { ...delivered, expiresInDays: 7 };
    });

  linkRoute('invite', '/people/:id/invitation', 'Invite a person: e-mails a link to set a password, or returns it to copy');
  linkRoute('reset', '/people/:id/password-reset', 'Create a password-reset link for a person');
}
