import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZInitiative, ZStrategy } from '../../../shared/api/strategy';
import type { Executor } from '../../db/client';
import {
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
  strategies,
  strategyVersions,
  technologies,
  type StrategyStatus,
} from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import { loadScoped } from '../../platform/loader';
import { todayInCopenhagen } from '../../platform/time';
import type { InitiativeResource } from './policy';
import { initiativeAbilities, presentCheckin, presentComment, presentFollowup, presentIndicator, presentMilestone } from './presenter';

/* Reads of strategies and initiatives. */

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

export const nameMaps = async (exec: Executor, schoolId: string) => {
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
  // The indicator counts come from one grouped read joined in, not a sub-select run once per initiative.
  const counts = exec
    .select({ initiativeId: indicators.initiativeId, n: sql<number>`count(*)::int`.as('n') })
    .from(indicators)
    .where(eq(indicators.schoolId, schoolId))
    .groupBy(indicators.initiativeId)
    .as('indicator_counts');
  // The answer's fields as one nested object that gets its status in place: a copy of each row
  // without the status inputs cost up to a fifth of the list's CPU under load.
  const rows = await exec
    .select({
      item: {
        id: initiatives.id,
        title: initiatives.title,
        why: initiatives.why,
        level: initiatives.level,
        departmentId: initiatives.departmentId,
        departmentName: departments.name,
        parentId: initiatives.parentId,
        ownerId: initiatives.ownerId,
        // a sub-select by primary key: cheaper than joining the whole staff for a hundred owners
        ownerName: sql<string | null>`(select ${people.name} from ${people} where ${people.schoolId} = ${initiatives.schoolId} and ${people.id} = ${initiatives.ownerId})`,
        startsOn: initiatives.startsOn,
        endsOn: initiatives.endsOn,
        sigtelinjer: initiatives.sigtelinjer,
        reformGoals: initiatives.reformGoals,
        pedagogicalGoals: initiatives.pedagogicalGoals,
        computedStatus: initiatives.computedStatus,
        indicatorCount: sql<number>`coalesce(${counts.n}, 0)`,
      },
      state: initiatives.state,
      statusOverride: initiatives.statusOverride,
    })
    .from(initiatives)
    .leftJoin(departments, and(eq(departments.schoolId, initiatives.schoolId), eq(departments.id, initiatives.departmentId)))
    .leftJoin(counts, eq(counts.initiativeId, initiatives.id))
    .where(and(...where))
    .orderBy(asc(initiatives.level), asc(sql`lower(${initiatives.title})`));
  return rows
    .map(({ item, state, statusOverride }) => Object.assign(item, { status: effectiveStatus({ state, statusOverride, computedStatus: item.computedStatus }) }))
    .filter((r) => !q.status || r.status === q.status);
}

/** An initiative with its policy resource (department, owner, collaborators), found inside the actor's school. */
export async function loadInitiative(exec: Executor, actor: SchoolActor, id: string): Promise<{ row: InitiativeRow; resource: InitiativeResource }> {
  const row = await loadScoped(exec, actor, initiatives, id);
  return { row, resource: initiativeResource(row, await collaboratorIds(exec, actor.school.id, row.id)) };
}

/** A strategy with its published versions. */
export async function strategyDetail(exec: Executor, s: typeof strategies.$inferSelect): Promise<z.output<typeof ZStrategy>> {
  const versions = await exec
    .select({ version: strategyVersions.version, publishedAt: strategyVersions.publishedAt, publishedBy: strategyVersions.publishedBy })
    .from(strategyVersions)
    .where(and(eq(strategyVersions.schoolId, s.schoolId), eq(strategyVersions.strategyId, s.id)))
    .orderBy(asc(strategyVersions.version));
  const [owner] = s.ownerId ? await exec.select({ id: people.id, name: people.name }).from(people).where(and(eq(people.schoolId, s.schoolId), eq(people.id, s.ownerId))) : [];
  return { id: s.id, ...s.content, owner: owner ?? null, version: s.version, status: s.status, updatedAt: s.updatedAt, versions };
}

export async function initiativeDetail(exec: Executor, actor: SchoolActor, i: InitiativeRow): Promise<z.output<typeof ZInitiative>> {
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
    indicators: inds.map((ind) => presentIndicator(ind, ms)),
    milestones: milestoneRows.map(presentMilestone),
    checkins: checkinRows.map(presentCheckin),
    followups: followupRows.map((f) => presentFollowup(f, today)),
    comments: comments.map(presentComment),
    technologies: techs,
    abilities: initiativeAbilities(actor, resource),
  };
}
