import { ZId } from '../../../shared/api/common';
import { ZItem } from '../../../shared/api/library';
import type { Executor } from '../../db/client';
import type { SchoolActor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { ownOrigin } from '../../platform/security';
import { route } from '../../platform/route';
import { itemResource, loadIt, loadItem } from './model';
import { notifyEditorialGroup } from './notify';
import { isAuthor, isEditorial } from './policy';
import { showItem } from './presenter';
import { decideItem, saveReview, shareItem, submitItem, takeItem, ZDecision, ZReviewInput } from './workflow-commands';

const tags = ['library'];

/** The item for a reviewer's step: the editorial group is told plainly that they may not review their own work. */
async function loadForReview(c: { db: Executor; actor: SchoolActor; params: { id: string } }) {
  const it = await loadItem(c.db, c.actor, c.params.id);
  if (isEditorial(c.actor) && isAuthor(c.actor, it.resource)) throw new AppError(403, 'review_own_work');
  return it;
}

/** The workflow: kladde → delt med team → til review → i review → publiceret / sendt retur. */
export const workflowRoutes = [
  route({
    method: 'POST',
    url: '/library/items/:id/share',
    summary: 'Share a draft with the team (delt med team)',
    tags,
    action: 'libraryItem:share',
    params: ZId,
    response: ZItem,
    writes: true,
    load: loadIt,
    policyResource: itemResource,
    handler: async (c) => {
      await shareItem(c, c.resource.row);
      return showItem(c.db, c.actor, c.resource.row.id);
    },
  }),
  route({
    method: 'POST',
    url: '/library/items/:id/submit',
    summary: 'Submit for editorial review (til review)',
    tags,
    action: 'libraryItem:submit',
    params: ZId,
    response: ZItem,
    writes: true,
    load: loadIt,
    policyResource: itemResource,
    handler: async (c) => {
      const { row, resource } = c.resource;
      await submitItem(c, row);
      // the editorial group is told (in-app through the review count; by e-mail when SMTP is configured)
      const origin = ownOrigin(c.deps.config, c.req);
      c.afterCommit(() => notifyEditorialGroup(c.deps.database.db, c.deps.mailer, c.actor, row, resource.coAuthorIds, origin, c.req.log));
      return showItem(c.db, c.actor, row.id);
    },
  }),
  route({
    method: 'POST',
    url: '/library/items/:id/take',
    summary: 'A reviewer takes a submitted item (i review)',
    tags,
    action: 'libraryItem:take',
    params: ZId,
    response: ZItem,
    writes: true,
    load: loadForReview,
    policyResource: itemResource,
    handler: async (c) => {
      await takeItem(c, c.resource.row);
      return showItem(c.db, c.actor, c.resource.row.id);
    },
  }),
  route({
    method: 'PUT',
    url: '/library/items/:id/review',
    summary: 'Save the quality checklist and per-field comments',
    tags,
    action: 'libraryItem:review',
    params: ZId,
    body: ZReviewInput,
    response: ZItem,
    writes: true,
    load: loadForReview,
    policyResource: itemResource,
    handler: async (c) => {
      await saveReview(c, c.resource.row, c.body);
      return showItem(c.db, c.actor, c.resource.row.id);
    },
  }),
  route({
    method: 'POST',
    url: '/library/items/:id/decision',
    summary: 'Publish (godkendt) or send back (sendt retur) with feedback',
    tags,
    action: 'libraryItem:review',
    params: ZId,
    body: ZDecision,
    response: ZItem,
    writes: true,
    load: loadForReview,
    policyResource: itemResource,
    handler: async (c) => {
      await decideItem(c, c.resource.row, c.body);
      return showItem(c.db, c.actor, c.resource.row.id);
    },
  }),
];
