import { and, asc, eq } from 'drizzle-orm';
import { ambassadors, followups, indicators, initiatives, milestones, people, strategies, strategyVersions, technologies } from '../../db/schema/index';
import { requireSchool, type SchoolActor } from '../../platform/actor';
import { notFound } from '../../platform/errors';
import { actorOf, attachment, type App } from '../../platform/http';
import { loadScoped } from '../../platform/loader';
import { authorize, can } from '../../platform/policy';
import * as cmd from './commands';
import * as choices from './portfolio-commands';
import { attention, collaboratorIds, initiativeDetail, initiativeResource, listAmbassadors, listDecisions, listInitiatives, overview, portfolio } from './queries';
import { reportCsv, reportPdf } from './report';
import {
  ZAmbassadorInput,
  ZCheckinInput,
  ZCommentInput,
  ZDecisionInput,
  ZFollowupInput,
  ZFollowupPatch,
  ZId,
  ZIndicatorInput,
  ZInitiativeInput,
  ZInitiativePatch,
  ZInitiativeQuery,
  ZMeasurementInput,
  ZMilestoneInput,
  ZMilestonePatch,
  ZOverviewQuery,
  ZStatusInput,
  ZStrategyInput,
  ZStrategyPatch,
  ZTechnologyInput,
  ZTechnologyPatch,
  ZTermInput,
  ZVersionParams,
} from './schemas';
import { loadTerms } from './terms';

const tags = ['strategy'];
const scoped = (departmentId: string | null) => ({ kind: 'department_scoped' as const, departmentId });

export function strategyRoutes(app: App): void {
  const db = app.deps.database.db;

  const presentStrategy = async (actor: SchoolActor, s: typeof strategies.$inferSelect) => {
    const versions = await db
      .select({ version: strategyVersions.version, publishedAt: strategyVersions.publishedAt, publishedBy: strategyVersions.publishedBy })
      .from(strategyVersions)
      .where(and(eq(strategyVersions.schoolId, actor.school.id), eq(strategyVersions.strategyId, s.id)))
      .orderBy(asc(strategyVersions.version));
    return { id: s.id, ...s.content, version: s.version, status: s.status, updatedAt: s.updatedAt.toISOString(), versions: versions.map((v) => ({ ...v, publishedAt: v.publishedAt.toISOString() })) };
  };

  /** Loads an initiative and authorizes the action against it (department, owner, collaborators). */
  const initiativeFor = async (actor: SchoolActor, id: string, action: Parameters<typeof authorize>[1]) => {
    const i = await loadScoped(db, actor, initiatives, id);
    authorize(actor, action, initiativeResource(i, await collaboratorIds(db, actor.school.id, i.id)));
    return i;
  };

  // ------------------------------------------------------------ reference data
  app.get('/strategy/terms', { config: { action: 'strategy:read' }, schema: { tags, summary: 'Sigtelinjer, reform goals and pedagogical goals of the school' } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'strategy:read');
    return loadTerms(db, actor.school.id);
  });
  app.put('/strategy/terms', { config: { action: 'strategy:manage' }, schema: { tags, summary: 'Rename, archive or add a reference term', body: ZTermInput } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'strategy:manage');
    await db.transaction((tx) => cmd.setTerm(tx, actor, req.body));
    return loadTerms(db, actor.school.id);
  });

  // ------------------------------------------------------------ strategies
  app.get('/strategies', { config: { action: 'strategy:read' }, schema: { tags, summary: 'Strategies (or action-plan frames) of the school' } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'strategy:read');
    const rows = await db.select().from(strategies).where(eq(strategies.schoolId, actor.school.id)).orderBy(asc(strategies.createdAt));
    return rows.map((s) => ({ id: s.id, title: s.content.title, mode: s.content.mode, periodStart: s.content.periodStart, periodEnd: s.content.periodEnd, status: s.status, version: s.version }));
  });
  app.post('/strategies', { config: { action: 'strategy:manage' }, schema: { tags, summary: 'Create a strategy (draft)', body: ZStrategyInput } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'strategy:manage');
    const row = await db.transaction((tx) => cmd.createStrategy(tx, actor, req.body));
    return reply.code(201).send(await presentStrategy(actor, row));
  });
  app.get('/strategies/:id', { config: { action: 'strategy:read' }, schema: { tags, summary: 'One strategy with its published versions', params: ZId } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const s = await loadScoped(db, actor, strategies, req.params.id);
    authorize(actor, 'strategy:read');
    return presentStrategy(actor, s);
  });
  app.patch('/strategies/:id', { config: { action: 'strategy:manage' }, schema: { tags, summary: 'Edit a strategy (editing a published one starts the next draft)', params: ZId, body: ZStrategyPatch } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const s = await loadScoped(db, actor, strategies, req.params.id);
    authorize(actor, 'strategy:manage');
    return presentStrategy(actor, await db.transaction((tx) => cmd.updateStrategy(tx, actor, s, req.body)));
  });
  app.post('/strategies/:id/publish', { config: { action: 'strategy:manage' }, schema: { tags, summary: 'Publish the current draft as a version', params: ZId } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const s = await loadScoped(db, actor, strategies, req.params.id);
    authorize(actor, 'strategy:manage');
    await db.transaction((tx) => cmd.publishStrategy(tx, actor, s));
    return presentStrategy(actor, await loadScoped(db, actor, strategies, s.id));
  });
  app.get('/strategies/:id/versions/:version', { config: { action: 'strategy:read' }, schema: { tags, summary: 'A published version', params: ZVersionParams } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const s = await loadScoped(db, actor, strategies, req.params.id);
    authorize(actor, 'strategy:read');
    const [v] = await db
      .select()
      .from(strategyVersions)
      .where(and(eq(strategyVersions.schoolId, actor.school.id), eq(strategyVersions.strategyId, s.id), eq(strategyVersions.version, req.params.version)));
    if (!v) throw notFound();
    return { id: s.id, version: v.version, publishedAt: v.publishedAt.toISOString(), publishedBy: v.publishedBy, ...v.content };
  });
  app.get('/strategies/:id/report.pdf', { config: { action: 'strategy:export' }, schema: { tags, summary: 'Status report as PDF (Danish)', params: ZId } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    const s = await loadScoped(db, actor, strategies, req.params.id);
    authorize(actor, 'strategy:export');
    const pdf = await reportPdf(db, actor.school, s);
    return attachment(reply, 'statusrapport.pdf', 'application/pdf').send(pdf);
  });
  app.get('/strategies/:id/report.csv', { config: { action: 'strategy:export' }, schema: { tags, summary: 'Strategy and action plan as CSV', params: ZId } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    const s = await loadScoped(db, actor, strategies, req.params.id);
    authorize(actor, 'strategy:export');
    return attachment(reply, 'handleplan.csv', 'text/csv; charset=utf-8').send(await reportCsv(db, actor.school.id, s));
  });

  // ------------------------------------------------------------ initiatives
  app.get('/initiatives', { config: { action: 'strategy:read' }, schema: { tags, summary: 'Initiatives, filtered', querystring: ZInitiativeQuery } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'strategy:read');
    return listInitiatives(db, actor.school.id, req.query);
  });
  app.post('/initiatives', { config: { action: 'initiative:create' }, schema: { tags, summary: 'Create an initiative (central or department)', body: ZInitiativeInput } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'initiative:create', { kind: 'initiative', level: req.body.level, departmentId: req.body.departmentId ?? null, ownerId: null, collaboratorIds: [] });
    const row = await db.transaction((tx) => cmd.createInitiative(tx, actor, req.body));
    return reply.code(201).send(await initiativeDetail(db, actor, row));
  });
  app.get('/initiatives/:id', { config: { action: 'strategy:read' }, schema: { tags, summary: 'One initiative with indicators, milestones and follow-up', params: ZId } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const i = await initiativeFor(actor, req.params.id, 'strategy:read');
    return initiativeDetail(db, actor, i);
  });
  app.patch('/initiatives/:id', { config: { action: 'initiative:update' }, schema: { tags, summary: 'Edit an initiative', params: ZId, body: ZInitiativePatch } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const i = await initiativeFor(actor, req.params.id, 'initiative:update');
    // moving a department initiative needs the right to the target department too
    if (req.body.departmentId !== undefined) authorize(actor, 'initiative:update', { ...initiativeResource(i, []), departmentId: req.body.departmentId });
    const row = await db.transaction((tx) => cmd.updateInitiative(tx, actor, i, req.body));
    return initiativeDetail(db, actor, row);
  });
  app.post('/initiatives/:id/status', { config: { action: 'initiative:setStatus' }, schema: { tags, summary: 'Override the status with a reason, or mark achieved / stopped', params: ZId, body: ZStatusInput } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const i = await initiativeFor(actor, req.params.id, 'initiative:setStatus');
    await db.transaction((tx) => cmd.setInitiativeStatus(tx, actor, i, req.body));
    return initiativeDetail(db, actor, await loadScoped(db, actor, initiatives, i.id));
  });
  app.post('/initiatives/:id/milestones', { config: { action: 'initiative:update' }, schema: { tags, summary: 'Add a milestone (also in the årshjul)', params: ZId, body: ZMilestoneInput } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    const i = await initiativeFor(actor, req.params.id, 'initiative:update');
    return reply.code(201).send(await db.transaction((tx) => cmd.addMilestone(tx, actor, i, req.body)));
  });
  app.patch('/milestones/:id', { config: { action: 'initiative:update' }, schema: { tags, summary: 'Edit, complete or cancel a milestone', params: ZId, body: ZMilestonePatch } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const m = await loadScoped(db, actor, milestones, req.params.id);
    const i = await initiativeFor(actor, m.initiativeId, 'initiative:update');
    const row = await db.transaction((tx) => cmd.updateMilestone(tx, actor, i, m, req.body));
    return row ?? { id: m.id, cancelled: true };
  });
  app.post('/initiatives/:id/indicators', { config: { action: 'initiative:update' }, schema: { tags, summary: 'Add an indicator', params: ZId, body: ZIndicatorInput } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    const i = await initiativeFor(actor, req.params.id, 'initiative:update');
    return reply.code(201).send(await db.transaction((tx) => cmd.addIndicator(tx, actor, i, req.body)));
  });
  app.post('/indicators/:id/measurements', { config: { action: 'initiative:checkin' }, schema: { tags, summary: 'Record a measurement', params: ZId, body: ZMeasurementInput } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    const ind = await loadScoped(db, actor, indicators, req.params.id);
    await initiativeFor(actor, ind.initiativeId, 'initiative:checkin');
    const row = await db.transaction((tx) => cmd.addMeasurement(tx, actor, ind, req.body));
    const [after] = await db.select().from(indicators).where(and(eq(indicators.schoolId, actor.school.id), eq(indicators.id, ind.id)));
    return reply.code(201).send({ id: row.id, indicatorStatus: after?.status ?? 'no_data', ratio: after?.ratio ?? null });
  });
  app.post('/initiatives/:id/checkins', { config: { action: 'initiative:checkin' }, schema: { tags, summary: 'Record a check-in', params: ZId, body: ZCheckinInput } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    const i = await initiativeFor(actor, req.params.id, 'initiative:checkin');
    return reply.code(201).send(await db.transaction((tx) => cmd.addCheckin(tx, actor, i, req.body)));
  });
  app.post('/initiatives/:id/followups', { config: { action: 'initiative:checkin' }, schema: { tags, summary: 'Schedule a follow-up meeting (also in the årshjul)', params: ZId, body: ZFollowupInput } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    const i = await initiativeFor(actor, req.params.id, 'initiative:checkin');
    return reply.code(201).send(await db.transaction((tx) => cmd.addFollowup(tx, actor, i, req.body)));
  });
  app.patch('/followups/:id', { config: { action: 'initiative:checkin' }, schema: { tags, summary: 'Move or mark a follow-up as held', params: ZId, body: ZFollowupPatch } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const f = await loadScoped(db, actor, followups, req.params.id);
    const i = await initiativeFor(actor, f.initiativeId, 'initiative:checkin');
    const row = await db.transaction((tx) => cmd.updateFollowup(tx, actor, i, f, req.body));
    return { id: row.id, title: row.title, dueOn: row.dueOn, held: row.heldAt !== null };
  });
  app.post('/initiatives/:id/comments', { config: { action: 'initiative:comment' }, schema: { tags, summary: 'Comment on an initiative', params: ZId, body: ZCommentInput } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    const i = await initiativeFor(actor, req.params.id, 'initiative:comment');
    const row = await db.transaction((tx) => cmd.addComment(tx, actor, i, req.body.body));
    return reply.code(201).send({ id: row.id, body: row.body, authorName: row.authorName, createdAt: row.createdAt.toISOString() });
  });

  // ------------------------------------------------------------ follow-up views
  app.get('/strategy/overview', { config: { action: 'strategy:overview' }, schema: { tags, summary: 'Overblik for leaders', querystring: ZOverviewQuery } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'strategy:overview');
    return overview(db, actor.school.id, req.query);
  });
  app.get('/strategy/attention', { config: { action: 'strategy:read' }, schema: { tags, summary: "Overdue follow-ups on the actor's initiatives (as owner or leader)" } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'strategy:read');
    return { overdueFollowups: await attention(db, actor) };
  });

  // ------------------------------------------------------------ decisions, technologies, ambassadors
  app.get('/decisions', { config: { action: 'strategy:read' }, schema: { tags, summary: 'The decision log' } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'strategy:read');
    return listDecisions(db, actor.school.id);
  });
  app.post('/decisions', { config: { action: 'decision:create' }, schema: { tags, summary: 'Record a decision', body: ZDecisionInput } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'decision:create', scoped(req.body.level === 'central' ? null : (req.body.departmentId ?? null)));
    const row = await db.transaction((tx) => choices.addDecision(tx, actor, req.body));
    return reply.code(201).send({ id: row.id });
  });
  app.get('/technologies', { config: { action: 'strategy:read' }, schema: { tags, summary: 'The technology portfolio: choices and deselections' } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'strategy:read');
    return { ...(await portfolio(db, actor.school.id)), canManage: can(actor, 'strategy:manage') };
  });
  app.post('/technologies', { config: { action: 'strategy:manage' }, schema: { tags, summary: 'Add a technology to the portfolio', body: ZTechnologyInput } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'strategy:manage');
    const row = await db.transaction((tx) => choices.addTechnology(tx, actor, req.body));
    return reply.code(201).send({ id: row.id, name: row.name, state: row.state });
  });
  app.patch('/technologies/:id', { config: { action: 'strategy:manage' }, schema: { tags, summary: 'Change a technology (a deselection needs its reason)', params: ZId, body: ZTechnologyPatch } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    const t = await loadScoped(db, actor, technologies, req.params.id);
    authorize(actor, 'strategy:manage');
    const row = await db.transaction((tx) => choices.updateTechnology(tx, actor, t, req.body));
    return { id: row.id, name: row.name, state: row.state };
  });
  app.get('/ambassadors', { config: { action: 'strategy:read' }, schema: { tags, summary: 'IT ambassadors and super users' } }, async (req) => {
    const actor = requireSchool(actorOf(req));
    authorize(actor, 'strategy:read');
    return listAmbassadors(db, actor.school.id);
  });
  app.post('/ambassadors', { config: { action: 'ambassador:manage' }, schema: { tags, summary: 'Register an IT ambassador or super user', body: ZAmbassadorInput } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    // a department head registers people of their own department only
    const [p] = await db.select({ departmentId: people.departmentId }).from(people).where(and(eq(people.schoolId, actor.school.id), eq(people.id, req.body.personId)));
    authorize(actor, 'ambassador:manage', scoped(req.body.departmentId !== undefined ? req.body.departmentId : (p?.departmentId ?? null)));
    const row = await db.transaction((tx) => choices.addAmbassador(tx, actor, req.body));
    return reply.code(201).send({ id: row.id });
  });
  app.delete('/ambassadors/:id', { config: { action: 'ambassador:manage' }, schema: { tags, summary: 'Remove from the registry', params: ZId } }, async (req, reply) => {
    const actor = requireSchool(actorOf(req));
    const a = await loadScoped(db, actor, ambassadors, req.params.id);
    authorize(actor, 'ambassador:manage', scoped(a.departmentId));
    await db.transaction((tx) => choices.removeAmbassador(tx, actor, a));
    return reply.code(204).send();
  });
}
