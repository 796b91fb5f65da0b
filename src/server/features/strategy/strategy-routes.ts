import { and, asc, eq } from 'drizzle-orm';
import { fileResponse, ZId } from '../../../shared/api/common';
import { ZAttention, ZOverview, ZPlaces, ZStrategy, ZStrategyList, ZStrategyVersion, ZTerms } from '../../../shared/api/strategy';
import { strategies, strategyVersions } from '../../db/schema/index';
import { notFound } from '../../platform/errors';
import { attachment } from '../../platform/http';
import { loadScoped } from '../../platform/loader';
import { route } from '../../platform/route';
import { attention, overview } from './overview-queries';
import { activeDepartments } from './portfolio-queries';
import { presentPlaces, presentStrategySummary } from './presenter';
import { strategyDetail } from './queries';
import { reportCsv, reportPdf } from './report';
import { ZOverviewQuery, ZStrategyInput, ZStrategyPatch, ZTermInput, ZVersionParams } from './schemas';
import * as cmd from './strategy-commands';
import { loadTerms } from './terms';

/* The strategy, its versions and reports, the reference terms and the follow-up views. */

const tags = ['strategy'];
/** The strategy actions are decided by role alone: the loaded strategy is not their policy resource. */
const noResource = () => undefined;

export const strategyRoutes = [
  route({
    method: 'GET',
    url: '/strategy/terms',
    summary: 'Sigtelinjer, reform goals and pedagogical goals of the school',
    tags,
    action: 'strategy:read',
    response: ZTerms,
    handler: ({ db, actor }) => loadTerms(db, actor.school.id),
  }),
  route({
    method: 'PUT',
    url: '/strategy/terms',
    summary: 'Rename, archive or add a reference term',
    tags,
    action: 'strategy:manage',
    body: ZTermInput,
    response: ZTerms,
    writes: true,
    handler: async (ctx) => {
      await cmd.setTerm(ctx, ctx.body);
      return loadTerms(ctx.db, ctx.actor.school.id);
    },
  }),
  route({
    method: 'GET',
    url: '/strategies',
    summary: 'Strategies (or action-plan frames) of the school',
    tags,
    action: 'strategy:read',
    response: ZStrategyList,
    handler: async ({ db, actor }) => {
      const rows = await db.select().from(strategies).where(eq(strategies.schoolId, actor.school.id)).orderBy(asc(strategies.createdAt));
      return rows.map(presentStrategySummary);
    },
  }),
  route({
    method: 'POST',
    url: '/strategies',
    summary: 'Create a strategy (draft)',
    tags,
    action: 'strategy:manage',
    body: ZStrategyInput,
    status: 201,
    response: ZStrategy,
    writes: true,
    handler: async (ctx) => strategyDetail(ctx.db, await cmd.createStrategy(ctx, ctx.body)),
  }),
  route({
    method: 'GET',
    url: '/strategies/:id',
    summary: 'One strategy with its published versions',
    tags,
    action: 'strategy:read',
    params: ZId,
    response: ZStrategy,
    load: ({ db, actor, params }) => loadScoped(db, actor, strategies, params.id),
    policyResource: noResource,
    handler: ({ db, resource }) => strategyDetail(db, resource),
  }),
  route({
    method: 'PATCH',
    url: '/strategies/:id',
    summary: 'Edit a strategy (editing a published one starts the next draft)',
    tags,
    action: 'strategy:manage',
    params: ZId,
    body: ZStrategyPatch,
    response: ZStrategy,
    writes: true,
    load: ({ db, actor, params }) => loadScoped(db, actor, strategies, params.id),
    policyResource: noResource,
    handler: async (ctx) => strategyDetail(ctx.db, await cmd.updateStrategy(ctx, ctx.resource, ctx.body)),
  }),
  route({
    method: 'POST',
    url: '/strategies/:id/publish',
    summary: 'Publish the current draft as a version',
    tags,
    action: 'strategy:manage',
    params: ZId,
    response: ZStrategy,
    writes: true,
    load: ({ db, actor, params }) => loadScoped(db, actor, strategies, params.id),
    policyResource: noResource,
    handler: async (ctx) => strategyDetail(ctx.db, await cmd.publishStrategy(ctx, ctx.resource)),
  }),
  route({
    method: 'GET',
    url: '/strategies/:id/versions/:version',
    summary: 'A published version',
    tags,
    action: 'strategy:read',
    params: ZVersionParams,
    response: ZStrategyVersion,
    load: ({ db, actor, params }) => loadScoped(db, actor, strategies, params.id),
    policyResource: noResource,
    handler: async ({ db, actor, params, resource: s }) => {
      const [v] = await db
        .select()
        .from(strategyVersions)
        .where(and(eq(strategyVersions.schoolId, actor.school.id), eq(strategyVersions.strategyId, s.id), eq(strategyVersions.version, params.version)));
      if (!v) throw notFound();
      return { id: s.id, version: v.version, publishedAt: v.publishedAt, publishedBy: v.publishedBy, ...v.content };
    },
  }),
  route({
    method: 'GET',
    url: '/strategies/:id/report.pdf',
    summary: 'Status report as PDF (Danish)',
    tags,
    action: 'strategy:export',
    params: ZId,
    response: fileResponse('application/pdf'),
    load: ({ db, actor, params }) => loadScoped(db, actor, strategies, params.id),
    policyResource: noResource,
    handler: async ({ db, actor, reply, resource }) => attachment(reply, 'statusrapport.pdf', 'application/pdf').send(await reportPdf(db, actor.school, resource)),
  }),
  route({
    method: 'GET',
    url: '/strategies/:id/report.csv',
    summary: 'Strategy and action plan as CSV',
    tags,
    action: 'strategy:export',
    params: ZId,
    response: fileResponse('text/csv; charset=utf-8'),
    load: ({ db, actor, params }) => loadScoped(db, actor, strategies, params.id),
    policyResource: noResource,
    handler: async ({ db, actor, reply, resource }) => attachment(reply, 'handleplan.csv', 'text/csv; charset=utf-8').send(await reportCsv(db, actor.school.id, resource)),
  }),
  route({
    method: 'GET',
    url: '/strategy/overview',
    summary: 'Overblik for leaders',
    tags,
    action: 'strategy:overview',
    query: ZOverviewQuery,
    response: ZOverview,
    handler: ({ db, actor, query }) => overview(db, actor.school.id, query),
  }),
  route({
    method: 'GET',
    url: '/strategy/attention',
    summary: "Overdue follow-ups on the actor's initiatives (as owner or leader)",
    tags,
    action: 'strategy:read',
    response: ZAttention,
    handler: async ({ db, actor }) => ({ overdueFollowups: await attention(db, actor) }),
  }),
  route({
    method: 'GET',
    url: '/strategy/scope',
    summary: 'Where the actor may add initiatives, decisions, ambassadors and årshjul items: the whole school and each department',
    tags,
    action: 'strategy:read',
    response: ZPlaces,
    handler: async ({ db, actor }) => presentPlaces(actor, await activeDepartments(db, actor.school.id)),
  }),
];
