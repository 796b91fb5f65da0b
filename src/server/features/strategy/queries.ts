import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  ambassadors,
  checkins,
  departments,
  followups,
  indicators,
  initiativeCollaborators,
  initiativeComments,
  initiatives,
  measurements,
  milestones,
  people,
  strategyDecisions,
  technologies,
  type StrategyStatus,
} from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import { can } from '../../platform/policy';
import type { InitiativeResource } from './policy';
import { expectedValue } from './status';
import { todayInCopenhagen } from './dates';
import { loadTerms } from './terms';

type InitiativeRow = typeof initiatives.$inferSelect;
export type EffectiveStatus = StrategyStatus | 'achieved' | 'stopped';

export const effectiveStatus = (i: Pick<InitiativeRow, 'state' | 'statusOverride' | 'computedStatus'>): EffectiveStatus =>
  i.state !== 'active' ? i.state : (i.statusOverride ?? i.computedStatus);

export async function collaboratorIds(exec: Executor, schoolId: string, initiativeId: string): Promise<string[]> {
  const rows = await exec
    .select({ id: initiativeCollaborators.personId })
    .from(initiativeCollaborators)
    .where(and(eq(initiativeCollaborators.schoolId, schoolId), eq(initiativeCollaborators.initiativeId, initiativeId)));
  return rows.map((r) => r.id);
}

export const initiativeResource = (i: InitiativeRow, collaborators: string[]): InitiativeResource => ({
  kind: 'initiative',
  level: i.level,
  departmentId: i.departmentId,
  ownerId: i.ownerId,
  collaboratorIds: collaborators,
});

const nameMaps = async (exec: Executor, schoolId: string) => {
  const depts = await exec.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.schoolId, schoolId));
  return new Map(depts.map((d) => [d.id, d.name]));
};

export async function listInitiatives(
  exec: Executor,
  schoolId: string,
  q: { departmentId?: string; sigtelinje?: string; status?: EffectiveStatus; level?: 'central' | 'department'; strategyId?: string },
) {
  const where = [eq(initiatives.schoolId, schoolId)];
  if (q.departmentId) where.push(eq(initiatives.departmentId, q.departmentId));
  if (q.level) where.push(eq(initiatives.level, q.level));
  if (q.sigtelinje) where.push(sql`${q.sigtelinje} = any(${initiatives.sigtelinjer})`);
  const rows = await exec
    .select({
      i: initiatives,
      ownerName: people.name,
      departmentName: departments.name,
      indicatorCount: sql<number>`(select count(*)::int from ${indicators} where ${indicators.schoolId} = ${initiatives.schoolId} and ${indicators.initiativeId} = ${initiatives.id})`,
    })
    .from(initiatives)
    .leftJoin(people, and(eq(people.schoolId, initiatives.schoolId), eq(people.id, initiatives.ownerId)))
    .leftJoin(departments, and(eq(departments.schoolId, initiatives.schoolId), eq(departments.id, initiatives.departmentId)))
    .where(and(...where))
    .orderBy(asc(initiatives.level), asc(sql`lower(${initiatives.title})`));
  return rows
    .map((r) => ({
      id: r.i.id,
      title: r.i.title,
      why: r.i.why,
      level: r.i.level,
      departmentId: r.i.departmentId,
      departmentName: r.departmentName,
      parentId: r.i.parentId,
      ownerId: r.i.ownerId,
      ownerName: r.ownerName,
      startsOn: r.i.startsOn,
      endsOn: r.i.endsOn,
      sigtelinjer: r.i.sigtelinjer,
      reformGoals: r.i.reformGoals,
      pedagogicalGoals: r.i.pedagogicalGoals,
      status: effectiveStatus(r.i),
      computedStatus: r.i.computedStatus,
      indicatorCount: r.indicatorCount,
    }))
    .filter((r) => !q.status || r.status === q.status);
}

export async function initiativeDetail(exec: Executor, actor: SchoolActor, i: InitiativeRow) {
  const schoolId = actor.school.id;
  const depts = await nameMaps(exec, schoolId);
  const collab = await exec
    .select({ id: people.id, name: people.name })
    .from(initiativeCollaborators)
    .innerJoin(people, and(eq(people.schoolId, initiativeCollaborators.schoolId), eq(people.id, initiativeCollaborators.personId)))
    .where(and(eq(initiativeCollaborators.schoolId, schoolId), eq(initiativeCollaborators.initiativeId, i.id)));
  const [owner] = i.ownerId ? await exec.select({ id: people.id, name: people.name }).from(people).where(and(eq(people.schoolId, schoolId), eq(people.id, i.ownerId))) : [];
  const [parent] = i.parentId
    ? await exec.select({ id: initiatives.id, title: initiatives.title }).from(initiatives).where(and(eq(initiatives.schoolId, schoolId), eq(initiatives.id, i.parentId)))
    : [];
  const children = await exec
    .select({ id: initiatives.id, title: initiatives.title, departmentId: initiatives.departmentId })
    .from(initiatives)
    .where(and(eq(initiatives.schoolId, schoolId), eq(initiatives.parentId, i.id)));
  const inds = await exec.select().from(indicators).where(and(eq(indicators.schoolId, schoolId), eq(indicators.initiativeId, i.id))).orderBy(asc(indicators.createdAt));
  const ms = inds.length
    ? await exec
        .select()
        .from(measurements)
        .where(and(eq(measurements.schoolId, schoolId), inArray(measurements.indicatorId, inds.map((x) => x.id))))
        .orderBy(asc(measurements.measuredOn), asc(measurements.createdAt))
    : [];
  const milestoneRows = await exec.select().from(milestones).where(and(eq(milestones.schoolId, schoolId), eq(milestones.initiativeId, i.id))).orderBy(asc(milestones.dueOn));
  const checkinRows = await exec.select().from(checkins).where(and(eq(checkins.schoolId, schoolId), eq(checkins.initiativeId, i.id))).orderBy(desc(checkins.heldOn), desc(checkins.createdAt));
  const followupRows = await exec.select().from(followups).where(and(eq(followups.schoolId, schoolId), eq(followups.initiativeId, i.id))).orderBy(asc(followups.dueOn));
  const comments = await exec
    .select()
    .from(initiativeComments)
    .where(and(eq(initiativeComments.schoolId, schoolId), eq(initiativeComments.initiativeId, i.id)))
    .orderBy(asc(initiativeComments.createdAt));
  const techs = await exec
    .select({ id: technologies.id, name: technologies.name, state: technologies.state })
    .from(technologies)
    .where(and(eq(technologies.schoolId, schoolId), sql`${i.id}::uuid = any(${technologies.initiativeIds})`));
  const today = todayInCopenhagen();
  const resource = initiativeResource(i, collab.map((c) => c.id));
  return {
    id: i.id,
    strategyId: i.strategyId,
    title: i.title,
    why: i.why,
    level: i.level,
    departmentId: i.departmentId,
    departmentName: i.departmentId ? (depts.get(i.departmentId) ?? null) : null,
    parent: parent ?? null,
    children,
    owner: owner ?? null,
    collaborators: collab,
    startsOn: i.startsOn,
    endsOn: i.endsOn,
    sigtelinjer: i.sigtelinjer,
    reformGoals: i.reformGoals,
    pedagogicalGoals: i.pedagogicalGoals,
    status: effectiveStatus(i),
    computedStatus: i.computedStatus,
    statusOverride: i.statusOverride,
    statusReason: i.statusReason,
    state: i.state,
    stateReason: i.stateReason,
    indicators: inds.map((ind) => ({
      id: ind.id,
      name: ind.name,
      unit: ind.unit,
      baseline: ind.baseline,
      baselineOn: ind.baselineOn,
      target: ind.target,
      targetOn: ind.targetOn,
      direction: ind.direction,
      tolerance: ind.tolerance,
      status: ind.status,
      ratio: ind.ratio,
      latestValue: ind.latestValue,
      latestOn: ind.latestOn,
      expected: [
        { on: ind.baselineOn, value: expectedValue(ind, ind.baselineOn) },
        { on: ind.targetOn, value: expectedValue(ind, ind.targetOn) },
      ],
      measurements: ms.filter((m) => m.indicatorId === ind.id).map((m) => ({ id: m.id, value: m.value, measuredOn: m.measuredOn, source: m.source, note: m.note })),
    })),
    milestones: milestoneRows.map((m) => ({ id: m.id, title: m.title, dueOn: m.dueOn, done: m.done })),
    checkins: checkinRows.map((c) => ({ id: c.id, heldOn: c.heldOn, progress: c.progress, decisions: c.decisions, nextSteps: c.nextSteps, authorName: c.authorName })),
    followups: followupRows.map((f) => ({ id: f.id, title: f.title, dueOn: f.dueOn, held: f.heldAt !== null, overdue: f.heldAt === null && f.dueOn < today })),
    comments: comments.map((c) => ({ id: c.id, body: c.body, authorName: c.authorName, createdAt: c.createdAt.toISOString() })),
    technologies: techs,
    can: {
      update: can(actor, 'initiative:update', resource),
      checkin: can(actor, 'initiative:checkin', resource),
      setStatus: can(actor, 'initiative:setStatus', resource),
      comment: can(actor, 'initiative:comment', resource),
    },
  };
}

const STATUSES: EffectiveStatus[] = ['on_track', 'behind', 'at_risk', 'no_data', 'achieved', 'stopped'];
const emptyCounts = () => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<EffectiveStatus, number>;

/** Overblik for leaders: status per sigtelinje and department, upcoming milestones, overdue follow-ups, indicators off track. */
export async function overview(exec: Executor, schoolId: string, q: { departmentId?: string }, today = todayInCopenhagen()) {
  const deptFilter = q.departmentId ? eq(initiatives.departmentId, q.departmentId) : undefined;
  const rows = await exec
    .select({
      departmentId: initiatives.departmentId,
      sigtelinjer: initiatives.sigtelinjer,
      state: initiatives.state,
      statusOverride: initiatives.statusOverride,
      computedStatus: initiatives.computedStatus,
      n: sql<number>`count(*)::int`,
    })
    .from(initiatives)
    .where(and(eq(initiatives.schoolId, schoolId), deptFilter))
    // one row per distinct combination, counted by the database: a few dozen rows for a thousand initiatives
    .groupBy(initiatives.departmentId, initiatives.sigtelinjer, initiatives.state, initiatives.statusOverride, initiatives.computedStatus);
  const terms = await loadTerms(exec, schoolId);
  const depts = await exec
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(and(eq(departments.schoolId, schoolId), isNull(departments.archivedAt)))
    .orderBy(asc(departments.name));
  const total = emptyCounts();
  const bySl = new Map(terms.sigtelinje.map((t) => [t.key, emptyCounts()]));
  const byDept = new Map<string, Record<EffectiveStatus, number>>([['central', emptyCounts()], ...depts.map((d) => [d.id, emptyCounts()] as const)]);
  for (const r of rows) {
    const s = effectiveStatus(r);
    total[s] += r.n;
    for (const sl of r.sigtelinjer) {
      const c = bySl.get(sl);
      if (c) c[s] += r.n;
    }
    const c = byDept.get(r.departmentId ?? 'central');
    if (c) c[s] += r.n;
  }
  const horizon = new Date(`${today}T00:00:00Z`);
  horizon.setUTCDate(horizon.getUTCDate() + 60);
  const upcoming = await exec
    .select({ id: milestones.id, title: milestones.title, dueOn: milestones.dueOn, initiativeId: initiatives.id, initiativeTitle: initiatives.title, departmentId: initiatives.departmentId })
    .from(milestones)
    .innerJoin(initiatives, and(eq(initiatives.schoolId, milestones.schoolId), eq(initiatives.id, milestones.initiativeId)))
    .where(and(eq(milestones.schoolId, schoolId), eq(milestones.done, false), gte(milestones.dueOn, today), lte(milestones.dueOn, horizon.toISOString().slice(0, 10)), deptFilter))
    .orderBy(asc(milestones.dueOn))
    .limit(20);
  const overdue = await exec
    .select({ id: followups.id, title: followups.title, dueOn: followups.dueOn, initiativeId: initiatives.id, initiativeTitle: initiatives.title, departmentId: initiatives.departmentId, ownerName: people.name })
    .from(followups)
    .innerJoin(initiatives, and(eq(initiatives.schoolId, followups.schoolId), eq(initiatives.id, followups.initiativeId)))
    .leftJoin(people, and(eq(people.schoolId, initiatives.schoolId), eq(people.id, initiatives.ownerId)))
    .where(and(eq(followups.schoolId, schoolId), isNull(followups.heldAt), lt(followups.dueOn, today), eq(initiatives.state, 'active'), deptFilter))
    .orderBy(asc(followups.dueOn))
    .limit(50);
  const offTrack = await exec
    .select({
      id: indicators.id,
      name: indicators.name,
      unit: indicators.unit,
      status: indicators.status,
      ratio: indicators.ratio,
      latestValue: indicators.latestValue,
      target: indicators.target,
      initiativeId: initiatives.id,
      initiativeTitle: initiatives.title,
    })
    .from(indicators)
    .innerJoin(initiatives, and(eq(initiatives.schoolId, indicators.schoolId), eq(initiatives.id, indicators.initiativeId)))
    .where(and(eq(indicators.schoolId, schoolId), or(eq(indicators.status, 'behind'), eq(indicators.status, 'at_risk')), eq(initiatives.state, 'active'), deptFilter))
    .orderBy(asc(indicators.ratio))
    .limit(50);
  const deptName = new Map(depts.map((d) => [d.id, d.name]));
  return {
    total,
    initiatives: rows.reduce((sum, r) => sum + r.n, 0),
    bySigtelinje: terms.sigtelinje.filter((t) => !t.archived).map((t) => ({ key: t.key, label: t.label, counts: bySl.get(t.key) ?? emptyCounts() })),
    byDepartment: [...byDept.entries()].map(([id, counts]) => ({ id: id === 'central' ? null : id, name: id === 'central' ? null : (deptName.get(id) ?? null), counts })),
    upcomingMilestones: upcoming,
    overdueFollowups: overdue,
    offTrackIndicators: offTrack,
  };
}

/** Overdue follow-ups that concern the actor: as owner, as department head of the initiative's department, or as top management. */
export async function attention(exec: Executor, actor: SchoolActor, today = todayInCopenhagen()) {
  const mine = or(
    eq(initiatives.ownerId, actor.person.id),
    actor.roles.includes('top_management') ? sql`true` : sql`false`,
    actor.roles.includes('department_head') && actor.person.departmentId ? eq(initiatives.departmentId, actor.person.departmentId) : sql`false`,
  );
  return exec
    .select({ id: followups.id, title: followups.title, dueOn: followups.dueOn, initiativeId: initiatives.id, initiativeTitle: initiatives.title })
    .from(followups)
    .innerJoin(initiatives, and(eq(initiatives.schoolId, followups.schoolId), eq(initiatives.id, followups.initiativeId)))
    .where(and(eq(followups.schoolId, actor.school.id), isNull(followups.heldAt), lt(followups.dueOn, today), eq(initiatives.state, 'active'), mine))
    .orderBy(asc(followups.dueOn))
    .limit(50);
}

export async function listDecisions(exec: Executor, schoolId: string) {
  const depts = await nameMaps(exec, schoolId);
  const rows = await exec.select().from(strategyDecisions).where(eq(strategyDecisions.schoolId, schoolId)).orderBy(desc(strategyDecisions.decidedOn), desc(strategyDecisions.createdAt));
  return rows.map((d) => ({
    id: d.id,
    level: d.level,
    departmentId: d.departmentId,
    departmentName: d.departmentId ? (depts.get(d.departmentId) ?? null) : null,
    initiativeId: d.initiativeId,
    what: d.what,
    why: d.why,
    decidedBy: d.decidedBy,
    decidedOn: d.decidedOn,
  }));
}

export async function portfolio(exec: Executor, schoolId: string) {
  const depts = await exec.select({ id: departments.id, name: departments.name }).from(departments).where(and(eq(departments.schoolId, schoolId), isNull(departments.archivedAt))).orderBy(asc(departments.name));
  const rows = await exec
    .select({ t: technologies, ownerName: people.name })
    .from(technologies)
    .leftJoin(people, and(eq(people.schoolId, technologies.schoolId), eq(people.id, technologies.ownerId)))
    .where(eq(technologies.schoolId, schoolId))
    .orderBy(asc(sql`lower(${technologies.name})`));
  const items = rows.map(({ t, ownerName }) => ({
    id: t.id,
    name: t.name,
    state: t.state,
    rationale: t.rationale,
    deselectionReason: t.deselectionReason,
    scope: t.scope,
    departmentIds: t.departmentIds,
    ownerId: t.ownerId,
    ownerName,
    initiativeIds: t.initiativeIds,
  }));
  const counts = { valgt: 0, afproves: 0, fravalgt: 0 };
  for (const t of items) counts[t.state]++;
  return {
    items,
    counts,
    departments: depts.map((d) => ({
      id: d.id,
      name: d.name,
      beyondCentral: items.filter((t) => t.scope === 'departments' && t.state !== 'fravalgt' && t.departmentIds.includes(d.id)).map((t) => ({ id: t.id, name: t.name, state: t.state })),
    })),
  };
}

export async function listAmbassadors(exec: Executor, schoolId: string) {
  const depts = await nameMaps(exec, schoolId);
  const techs = await exec.select({ id: technologies.id, name: technologies.name }).from(technologies).where(eq(technologies.schoolId, schoolId));
  const techName = new Map(techs.map((t) => [t.id, t.name]));
  const rows = await exec
    .select({ a: ambassadors, name: people.name, email: people.email })
    .from(ambassadors)
    .innerJoin(people, and(eq(people.schoolId, ambassadors.schoolId), eq(people.id, ambassadors.personId)))
    .where(eq(ambassadors.schoolId, schoolId))
    .orderBy(asc(people.name));
  return rows.map(({ a, name, email }) => ({
    id: a.id,
    personId: a.personId,
    name,
    email,
    kind: a.kind,
    departmentId: a.departmentId,
    departmentName: a.departmentId ? (depts.get(a.departmentId) ?? null) : null,
    technologies: a.technologyIds.map((id) => ({ id, name: techName.get(id) ?? '' })),
    hoursPerWeek: a.hoursPerWeek,
    contact: a.contact,
  }));
}
