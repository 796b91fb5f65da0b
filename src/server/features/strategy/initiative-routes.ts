import { and, eq } from 'drizzle-orm';
import { ZId } from '../../../shared/api/common';
import {
  ZCheckin,
  ZComment,
  ZFollowup,
  ZIndicator,
  ZInitiative,
  ZInitiativeList,
  ZMeasurementResult,
  ZMilestone,
  ZMilestoneChange,
} from '../../../shared/api/strategy';
import { followups, indicators, milestones } from '../../db/schema/index';
import type { Executor } from '../../db/client';
import type { SchoolActor } from '../../platform/actor';
import { loadScoped } from '../../platform/loader';
import { authorize } from '../../platform/policy';
import { route } from '../../platform/route';
import { todayInCopenhagen } from '../../platform/time';
import * as cmd from './commands';
import * as dated from './dated-commands';
import { presentCheckin, presentComment, presentFollowup, presentIndicator, presentMilestone } from './presenter';
import { initiativeDetail, initiativeResource, listInitiatives, loadInitiative } from './queries';
import {
  ZCheckinInput,
  ZCommentInput,
  ZFollowupInput,
  ZFollowupPatch,
  ZIndicatorInput,
  ZInitiativeInput,
  ZInitiativePatch,
  ZInitiativeQuery,
  ZMeasurementInput,
  ZMilestoneInput,
  ZMilestonePatch,
  ZStatusInput,
} from './schemas';

/* Initiatives and their follow-up: every route is authorized against the initiative (department, owner, collaborators). */

const tags = ['strategy'];
type Loaded = Awaited<ReturnType<typeof loadInitiative>>;
const byInitiative = (i: Loaded) => i.resource;
const loadById = ({ db, actor, params }: { db: Executor; actor: SchoolActor; params: { id: string } }) => loadInitiative(db, actor, params.id);

/** A milestone, follow-up or indicator together with the initiative it belongs to (404 alike for missing and foreign). */
async function loadPart<T extends { initiativeId: string }>(db: Executor, actor: SchoolActor, part: Promise<T>) {
  const row = await part;
  return { part: row, ...(await loadInitiative(db, actor, row.initiativeId)) };
}

export const initiativeRoutes = [
  route({
    method: 'GET',
    url: '/initiatives',
    summary: 'Initiatives, filtered',
    tags,
    action: 'strategy:read',
    query: ZInitiativeQuery,
    response: ZInitiativeList,
    handler: ({ db, actor, query }) => listInitiatives(db, actor.school.id, query),
  }),
  route({
    method: 'POST',
    url: '/initiatives',
    summary: 'Create an initiative (central or department)',
    tags,
    action: 'initiative:create',
    body: ZInitiativeInput,
    status: 201,
    response: ZInitiative,
    writes: true,
    load: async ({ body }) => ({ kind: 'initiative' as const, level: body.level, departmentId: body.departmentId ?? null, ownerId: null, collaboratorIds: [] }),
    handler: async (ctx) => initiativeDetail(ctx.db, ctx.actor, await cmd.createInitiative(ctx, ctx.body)),
  }),
  route({
    method: 'GET',
    url: '/initiatives/:id',
    summary: 'One initiative with indicators, milestones and follow-up',
    tags,
    action: 'strategy:read',
    params: ZId,
    response: ZInitiative,
    load: loadById,
    policyResource: byInitiative,
    handler: ({ db, actor, resource }) => initiativeDetail(db, actor, resource.row),
  }),
  route({
    method: 'PATCH',
    url: '/initiatives/:id',
    summary: 'Edit an initiative',
    tags,
    action: 'initiative:update',
    params: ZId,
    body: ZInitiativePatch,
    response: ZInitiative,
    writes: true,
    load: loadById,
    policyResource: byInitiative,
    handler: async (ctx) => {
      const { row } = ctx.resource;
      // moving a department initiative needs the right to the target department too
      if (ctx.body.departmentId !== undefined) authorize(ctx.actor, 'initiative:update', { ...initiativeResource(row, []), departmentId: ctx.body.departmentId });
      return initiativeDetail(ctx.db, ctx.actor, await cmd.updateInitiative(ctx, row, ctx.body));
    },
  }),
  route({
    method: 'POST',
    url: '/initiatives/:id/status',
    summary: 'Override the status with a reason, or mark achieved / stopped',
    tags,
    action: 'initiative:setStatus',
    params: ZId,
    body: ZStatusInput,
    response: ZInitiative,
    writes: true,
    load: loadById,
    policyResource: byInitiative,
    handler: async (ctx) => initiativeDetail(ctx.db, ctx.actor, await cmd.setInitiativeStatus(ctx, ctx.resource.row, ctx.body)),
  }),
  route({
    method: 'POST',
    url: '/initiatives/:id/milestones',
    summary: 'Add a milestone (also in the årshjul)',
    tags,
    action: 'initiative:update',
    params: ZId,
    body: ZMilestoneInput,
    status: 201,
    response: ZMilestone,
    writes: true,
    load: loadById,
    policyResource: byInitiative,
    handler: async (ctx) => presentMilestone(await dated.addMilestone(ctx, ctx.resource.row, ctx.body)),
  }),
  route({
    method: 'PATCH',
    url: '/milestones/:id',
    summary: 'Edit, complete or cancel a milestone',
    tags,
    action: 'initiative:update',
    params: ZId,
    body: ZMilestonePatch,
    response: ZMilestoneChange,
    writes: true,
    load: ({ db, actor, params }) => loadPart(db, actor, loadScoped(db, actor, milestones, params.id)),
    policyResource: byInitiative,
    handler: async (ctx) => {
      const row = await dated.updateMilestone(ctx, ctx.resource.row, ctx.resource.part, ctx.body);
      return row ? presentMilestone(row) : { id: ctx.resource.part.id, cancelled: true as const };
    },
  }),
  route({
    method: 'POST',
    url: '/initiatives/:id/indicators',
    summary: 'Add an indicator',
    tags,
    action: 'initiative:update',
    params: ZId,
    body: ZIndicatorInput,
    status: 201,
    response: ZIndicator,
    writes: true,
    load: loadById,
    policyResource: byInitiative,
    handler: async (ctx) => presentIndicator(await cmd.addIndicator(ctx, ctx.resource.row, ctx.body), []),
  }),
  route({
    method: 'POST',
    url: '/indicators/:id/measurements',
    summary: 'Record a measurement',
    tags,
    action: 'initiative:checkin',
    params: ZId,
    body: ZMeasurementInput,
    status: 201,
    response: ZMeasurementResult,
    writes: true,
    load: ({ db, actor, params }) => loadPart(db, actor, loadScoped(db, actor, indicators, params.id)),
    policyResource: byInitiative,
    handler: async (ctx) => {
      const ind = ctx.resource.part;
      const row = await cmd.addMeasurement(ctx, ind, ctx.body);
      const [after] = await ctx.db.select().from(indicators).where(and(eq(indicators.schoolId, ctx.actor.school.id), eq(indicators.id, ind.id)));
      return { id: row.id, indicatorStatus: after?.status ?? 'no_data', ratio: after?.ratio ?? null };
    },
  }),
  route({
    method: 'POST',
    url: '/initiatives/:id/checkins',
    summary: 'Record a check-in',
    tags,
    action: 'initiative:checkin',
    params: ZId,
    body: ZCheckinInput,
    status: 201,
    response: ZCheckin,
    writes: true,
    load: loadById,
    policyResource: byInitiative,
    handler: async (ctx) => presentCheckin(await cmd.addCheckin(ctx, ctx.resource.row, ctx.body)),
  }),
  route({
    method: 'POST',
    url: '/initiatives/:id/followups',
    summary: 'Schedule a follow-up meeting (also in the årshjul)',
    tags,
    action: 'initiative:checkin',
    params: ZId,
    body: ZFollowupInput,
    status: 201,
    response: ZFollowup,
    writes: true,
    load: loadById,
    policyResource: byInitiative,
    handler: async (ctx) => presentFollowup(await dated.addFollowup(ctx, ctx.resource.row, ctx.body), todayInCopenhagen()),
  }),
  route({
    method: 'PATCH',
    url: '/followups/:id',
    summary: 'Move or mark a follow-up as held',
    tags,
    action: 'initiative:checkin',
    params: ZId,
    body: ZFollowupPatch,
    response: ZFollowup,
    writes: true,
    load: ({ db, actor, params }) => loadPart(db, actor, loadScoped(db, actor, followups, params.id)),
    policyResource: byInitiative,
    handler: async (ctx) => presentFollowup(await dated.updateFollowup(ctx, ctx.resource.row, ctx.resource.part, ctx.body), todayInCopenhagen()),
  }),
  route({
    method: 'POST',
    url: '/initiatives/:id/comments',
    summary: 'Comment on an initiative',
    tags,
    action: 'initiative:comment',
    params: ZId,
    body: ZCommentInput,
    status: 201,
    response: ZComment,
    writes: true,
    load: loadById,
    policyResource: byInitiative,
    handler: async (ctx) => presentComment(await cmd.addComment(ctx, ctx.resource.row, ctx.body.body)),
  }),
];
