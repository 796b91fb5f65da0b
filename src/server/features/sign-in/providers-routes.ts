import { NO_CONTENT, ZId } from '../../../shared/api/common';
import { ZProvider, ZProviderInput, ZProviderList, ZProviderPatch } from '../../../shared/api/sign-in';
import { signInProviders } from '../../db/schema/index';
import { audit } from '../../platform/audit';
import { loadScoped } from '../../platform/loader';
import { route } from '../../platform/route';
import { ownOrigin } from '../../platform/security';
import { redirectUri } from './flow-start';
import { deleteProvider, insertProvider, prepareCreate, prepareUpdate, updateProvider } from './providers-commands';
import { linkCounts, listProviders, presentProvider, providerLinkCount } from './providers-queries';

/*
 * The school's identity providers (Skole → Log ind). Creating and changing one checks the issuer's
 * discovery document first (up to 5 s, docs/sign-in.md), so those two keep their own short
 * transaction after the check instead of the kernel's around it (writes: false); the audit event
 * is written in that transaction.
 */

const list = route({
  method: 'GET',
  url: '/sign-in-providers',
  summary: "The school's identity providers (never their secrets)",
  tags: ['sign-in'],
  action: 'signInProvider:manage',
  response: ZProviderList,
  handler: async ({ db, deps, req, actor }) => {
    const uri = redirectUri(ownOrigin(deps.config, req));
    const [rows, counts] = await Promise.all([listProviders(db, actor.school.id), linkCounts(db, actor.school.id)]);
    return { providers: rows.map((p) => presentProvider(p, counts.get(p.id) ?? 0, uri)), redirectUri: uri };
  },
});

const create = route({
  method: 'POST',
  url: '/sign-in-providers',
  summary: 'Add an identity provider; its issuer must answer OpenID discovery within 5 s',
  tags: ['sign-in'],
  action: 'signInProvider:manage',
  body: ZProviderInput,
  status: 201,
  response: ZProvider,
  handler: async ({ db, deps, req, actor, body }) => {
    const prepared = await prepareCreate(deps.config, body);
    const row = await db.transaction((tx) => insertProvider(tx, actor.school.id, prepared, (e) => audit(tx, actor, e)));
    return presentProvider(row, 0, redirectUri(ownOrigin(deps.config, req)));
  },
});

const update = route({
  method: 'PATCH',
  url: '/sign-in-providers/:id',
  summary: 'Change an identity provider; a new issuer is checked again, a secret left out is kept',
  tags: ['sign-in'],
  action: 'signInProvider:manage',
  params: ZId,
  body: ZProviderPatch,
  response: ZProvider,
  load: ({ db, actor, params }) => loadScoped(db, actor, signInProviders, params.id),
  handler: async ({ db, deps, req, actor, resource, body }) => {
    const prepared = await prepareUpdate(deps.config, resource, body);
    const row = await db.transaction(async (tx) => {
      // read again inside the transaction: it may have been removed while the issuer was being checked
      const current = await loadScoped(tx, actor, signInProviders, resource.id);
      return updateProvider(tx, current, prepared, (e) => audit(tx, actor, e));
    });
    return presentProvider(row, await providerLinkCount(db, actor.school.id, row.id), redirectUri(ownOrigin(deps.config, req)));
  },
});

const remove = route({
  method: 'DELETE',
  url: '/sign-in-providers/:id',
  summary: 'Remove an identity provider and its links (people keep their accounts)',
  tags: ['sign-in'],
  action: 'signInProvider:manage',
  params: ZId,
  response: NO_CONTENT,
  writes: true,
  load: ({ db, actor, params }) => loadScoped(db, actor, signInProviders, params.id),
  handler: ({ db, resource, audit: write }) => deleteProvider(db, resource, write),
});

export const providerRoutes = [list, create, update, remove];
