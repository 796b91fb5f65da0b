import { NO_CONTENT, ZId } from '../../../shared/api/common';
import {
  ZDialogueCopyInput,
  ZDialogueItemsInput,
  ZDialogueOpenInput,
  ZDialogueSession,
  ZDialogueSessionInput,
  ZDialogueSessionList,
  ZDialogueSessionPatch,
} from '../../../shared/api/dialogue';
import { abilitiesOn } from '../../platform/policy';
import { busOf } from '../../platform/realtime-bus';
import { route } from '../../platform/route';
import { copySession, createSession, deleteDraft, openSession, patchSession, putItems } from './sessions-commands';
import { listSessions, loadSession, resourceOf, sessionDetail } from './sessions-queries';

/* Sessions: drafts, copy as template, open, delete (docs/dialogue.md, "Sessions"). */

const tags = ['dialogue'];
const loadById = ({ db, actor, params }: { db: Parameters<typeof loadSession>[0]; actor: Parameters<typeof loadSession>[1]; params: { id: string } }) =>
  loadSession(db, actor, params.id);

export const sessionRoutes = [
  route({
    method: 'GET',
    url: '/dialogue/sessions',
    summary: 'The sessions the actor facilitates, and the asynchronous ones that ask the actor',
    tags,
    action: 'dialogue:read',
    response: ZDialogueSessionList,
    handler: async ({ db, actor }) => ({ sessions: await listSessions(db, actor), abilities: abilitiesOn(actor, ['dialogueSession:create', 'dialogue:manageTemplates']) }),
  }),
  route({
    method: 'POST',
    url: '/dialogue/sessions',
    summary: 'A new draft session with its pairs (their wording frozen now)',
    tags,
    action: 'dialogueSession:create',
    body: ZDialogueSessionInput,
    status: 201,
    response: ZDialogueSession,
    writes: true,
    load: async ({ body, actor }) => ({ kind: 'dialogueNewSession' as const, departmentId: body.departmentId ?? actor.person.departmentId }),
    handler: async ({ db, actor, body, audit }) => {
      const s = await createSession(db, actor, body);
      await audit({ action: 'dialogue.session_created', resourceType: 'dialogue_session', resourceId: s.id, summary: s.title });
      return sessionDetail(db, actor, { session: s, resource: await resourceOf(db, actor, s) });
    },
  }),
  route({
    method: 'GET',
    url: '/dialogue/sessions/:id',
    summary: 'A session with its items',
    tags,
    action: 'dialogueSession:read',
    params: ZId,
    response: ZDialogueSession,
    load: loadById,
    policyResource: (l) => l.resource,
    handler: async ({ db, actor, resource }) => sessionDetail(db, actor, resource),
  }),
  route({
    method: 'PATCH',
    url: '/dialogue/sessions/:id',
    summary: "Edit a draft: title, mode, department, the asynchronous audience, dates and results",
    tags,
    action: 'dialogueSession:facilitate',
    params: ZId,
    body: ZDialogueSessionPatch,
    response: ZDialogueSession,
    writes: true,
    load: loadById,
    policyResource: (l) => l.resource,
    handler: async ({ db, actor, body, resource, audit }) => {
      await patchSession(db, actor, resource.session, body);
      await audit({ action: 'dialogue.session_changed', resourceType: 'dialogue_session', resourceId: resource.session.id, summary: body.title ?? resource.session.title, changes: body });
      return sessionDetail(db, actor, await loadSession(db, actor, resource.session.id));
    },
  }),
  route({
    method: 'PUT',
    url: '/dialogue/sessions/:id/items',
    summary: "A draft's items in order: add, remove, reorder, tag with a boundary type",
    tags,
    action: 'dialogueSession:facilitate',
    params: ZId,
    body: ZDialogueItemsInput,
    response: ZDialogueSession,
    writes: true,
    load: loadById,
    policyResource: (l) => l.resource,
    handler: async ({ db, actor, body, resource, audit }) => {
      await putItems(db, resource.session, body);
      await audit({ action: 'dialogue.session_items_changed', resourceType: 'dialogue_session', resourceId: resource.session.id, summary: resource.session.title, changes: { items: body.items.length } });
      return sessionDetail(db, actor, await loadSession(db, actor, resource.session.id));
    },
  }),
  route({
    method: 'POST',
    url: '/dialogue/sessions/:id/copy',
    summary: "Use as template: a new draft with the session's items",
    tags,
    action: 'dialogueSession:facilitate',
    params: ZId,
    body: ZDialogueCopyInput,
    status: 201,
    response: ZDialogueSession,
    writes: true,
    load: loadById,
    policyResource: (l) => l.resource,
    handler: async ({ db, actor, body, resource, audit }) => {
      const copy = await copySession(db, actor, resource.session, body.title);
      await audit({ action: 'dialogue.session_copied', resourceType: 'dialogue_session', resourceId: copy.id, summary: copy.title, changes: { from: resource.session.id } });
      return sessionDetail(db, actor, { session: copy, resource: await resourceOf(db, actor, copy) });
    },
  }),
  route({
    method: 'POST',
    url: '/dialogue/sessions/:id/open',
    summary: 'Open a draft: live with a join code, or asynchronous for its audience and dates',
    tags,
    action: 'dialogueSession:facilitate',
    params: ZId,
    body: ZDialogueOpenInput,
    response: ZDialogueSession,
    writes: true,
    load: loadById,
    policyResource: (l) => l.resource,
    handler: async ({ db, deps, actor, body, resource, audit, afterCommit }) => {
      await openSession(db, resource.session, body);
      await audit({ action: 'dialogue.session_opened', resourceType: 'dialogue_session', resourceId: resource.session.id, summary: resource.session.title });
      afterCommit(() => busOf(deps).publish(`dialogue:${resource.session.id}`, 'session'));
      return sessionDetail(db, actor, await loadSession(db, actor, resource.session.id));
    },
  }),
  route({
    method: 'DELETE',
    url: '/dialogue/sessions/:id',
    summary: 'Delete a draft (a session that ran is kept for its results)',
    tags,
    action: 'dialogueSession:facilitate',
    params: ZId,
    status: 204,
    response: NO_CONTENT,
    writes: true,
    load: loadById,
    policyResource: (l) => l.resource,
    handler: async ({ db, resource, audit }) => {
      await deleteDraft(db, resource.session);
      await audit({ action: 'dialogue.session_deleted', resourceType: 'dialogue_session', resourceId: resource.session.id, summary: resource.session.title });
    },
  }),
];
