import { and, desc, eq, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/client';
import { checkins, indicators, initiativeCollaborators, initiativeComments, initiatives, measurements, strategies } from '../../db/schema/index';
import { displayName } from '../../platform/actor';
import { todayInCopenhagen } from '../../platform/time';
import { assertDepartment, assertPeople, fail, type Writer } from './command-kit';
import { syncInitiativeCalendar } from './dated-commands';
import type { TIndicatorInput, TInitiativeInput, TInitiativePatch, ZCheckinInput, ZMeasurementInput, ZStatusInput } from './schemas';
import { indicatorStatus, progressRatio, worst } from './status';
import { checkTerms, loadTerms } from './terms';

/* Initiatives and their follow-up: indicators, measurements, check-ins and comments. */

type InitiativeRow = typeof initiatives.$inferSelect;
type IndicatorRow = typeof indicators.$inferSelect;

// ---------------------------------------------------------------- initiatives

type InitiativeShape = Pick<InitiativeRow, 'level' | 'departmentId' | 'parentId' | 'startsOn' | 'endsOn' | 'ownerId' | 'strategyId'>;

async function checkInitiative(tx: Executor, actor: Writer['actor'], s: InitiativeShape, selfId: string | null) {
  if (s.endsOn < s.startsOn) throw fail('endsOn', 'strategy.validation.end_before_start');
  if (s.level === 'central' && s.departmentId) throw fail('departmentId', 'strategy.validation.central_has_no_department');
  if (s.level === 'department' && !s.departmentId) throw fail('departmentId', 'validation.required');
  await assertDepartment(tx, actor.school.id, s.departmentId);
  if (s.parentId) {
    if (s.level === 'central') throw fail('parentId', 'strategy.validation.central_has_no_parent');
    const [parent] = await tx
      .select({ id: initiatives.id, level: initiatives.level })
      .from(initiatives)
      .where(and(eq(initiatives.schoolId, actor.school.id), eq(initiatives.id, s.parentId)));
    if (!parent || parent.id === selfId) throw fail('parentId', 'strategy.validation.unknown_parent');
    if (parent.level !== 'central') throw fail('parentId', 'strategy.validation.parent_not_central');
  }
  if (s.strategyId) {
    const [st] = await tx
      .select({ id: strategies.id })
      .from(strategies)
      .where(and(eq(strategies.schoolId, actor.school.id), eq(strategies.id, s.strategyId)));
    if (!st) throw fail('strategyId', 'strategy.validation.unknown_strategy');
  }
  if (s.ownerId) await assertPeople(tx, actor.school.id, [s.ownerId], 'ownerId');
}

async function setCollaborators(tx: Executor, schoolId: string, initiativeId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  await assertPeople(tx, schoolId, unique, 'collaboratorIds');
  await tx.delete(initiativeCollaborators).where(and(eq(initiativeCollaborators.schoolId, schoolId), eq(initiativeCollaborators.initiativeId, initiativeId)));
  if (unique.length) await tx.insert(initiativeCollaborators).values(unique.map((personId) => ({ schoolId, initiativeId, personId })));
}

export async function createInitiative({ db: tx, actor, audit }: Writer, input: TInitiativeInput) {
  const shape: InitiativeShape = {
    level: input.level,
    departmentId: input.departmentId ?? null,
    parentId: input.parentId ?? null,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    ownerId: input.ownerId ?? null,
    strategyId: input.strategyId ?? null,
  };
  await checkInitiative(tx, actor, shape, null);
  checkTerms(await loadTerms(tx, actor.school.id), input);
  const [row] = await tx
    .insert(initiatives)
    .values({
      schoolId: actor.school.id,
      ...shape,
      title: input.title,
      why: input.why,
      pedagogicalGoals: input.pedagogicalGoals,
      sigtelinjer: input.sigtelinjer,
      reformGoals: input.reformGoals,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await setCollaborators(tx, actor.school.id, row.id, input.collaboratorIds);
  await audit({ action: 'initiative.created', resourceType: 'initiative', resourceId: row.id, summary: row.title, changes: { ...input } });
  return row;
}

export async function updateInitiative({ db: tx, actor, audit }: Writer, before: InitiativeRow, patch: TInitiativePatch) {
  const next: InitiativeShape = {
    level: before.level,
    departmentId: patch.departmentId !== undefined ? patch.departmentId : before.departmentId,
    parentId: patch.parentId !== undefined ? patch.parentId : before.parentId,
    startsOn: patch.startsOn ?? before.startsOn,
    endsOn: patch.endsOn ?? before.endsOn,
    ownerId: patch.ownerId !== undefined ? patch.ownerId : before.ownerId,
    strategyId: patch.strategyId !== undefined ? patch.strategyId : before.strategyId,
  };
  await checkInitiative(tx, actor, next, before.id);
  checkTerms(await loadTerms(tx, actor.school.id), patch);
  const { collaboratorIds, ...rest } = patch;
  const set = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  const [row] = await tx
    .update(initiatives)
    .set({ ...set, updatedAt: sql`now()` })
    .where(and(eq(initiatives.schoolId, actor.school.id), eq(initiatives.id, before.id)))
    .returning();
  if (!row) throw new Error('update returned nothing');
  if (collaboratorIds) await setCollaborators(tx, actor.school.id, row.id, collaboratorIds);
  // milestones and follow-ups in the årshjul carry the initiative's department and lines
  await syncInitiativeCalendar(tx, actor.school.id, row);
  await audit({ action: 'initiative.updated', resourceType: 'initiative', resourceId: row.id, summary: row.title, changes: { ...patch } });
  return row;
}

export async function setInitiativeStatus({ db: tx, actor, audit }: Writer, before: InitiativeRow, input: z.infer<typeof ZStatusInput>) {
  const reason = input.reason?.trim() ?? '';
  const set: Partial<typeof initiatives.$inferInsert> = {};
  if (input.override !== undefined) {
    if (input.override !== null && !reason) throw fail('reason', 'strategy.validation.reason_required');
    set.statusOverride = input.override;
    set.statusReason = input.override === null ? null : reason;
  }
  if (input.state !== undefined) {
    if (input.state !== 'active' && !reason) throw fail('reason', 'strategy.validation.reason_required');
    set.state = input.state;
    set.stateReason = input.state === 'active' ? null : reason;
  }
  if (!Object.keys(set).length) throw fail('state', 'validation.required');
  const [row] = await tx
    .update(initiatives)
    .set({ ...set, updatedAt: sql`now()` })
    .where(and(eq(initiatives.schoolId, actor.school.id), eq(initiatives.id, before.id)))
    .returning();
  if (!row) throw new Error('update returned nothing');
  await audit({ action: 'initiative.status_set', resourceType: 'initiative', resourceId: before.id, summary: before.title, changes: { ...input } });
  return row;
}

// ---------------------------------------------------------------- indicators and measurements

export async function addIndicator({ db: tx, actor, audit }: Writer, i: InitiativeRow, input: TIndicatorInput, today = todayInCopenhagen()) {
  const baselineOn = input.baselineOn ?? i.startsOn;
  if (input.targetOn <= baselineOn) throw fail('targetOn', 'strategy.validation.target_date_before_baseline');
  if (input.direction === 'maintain') {
    if (input.tolerance === undefined || input.tolerance === null) throw fail('tolerance', 'validation.required');
  } else {
    if (input.target === input.baseline) throw fail('target', 'strategy.validation.target_equals_baseline');
    if (input.direction === 'increase' && input.target < input.baseline) throw fail('target', 'strategy.validation.direction_increase');
    if (input.direction === 'decrease' && input.target > input.baseline) throw fail('target', 'strategy.validation.direction_decrease');
  }
  const [row] = await tx
    .insert(indicators)
    .values({
      schoolId: actor.school.id,
      initiativeId: i.id,
      name: input.name,
      unit: input.unit,
      baseline: input.baseline,
      baselineOn,
      target: input.target,
      targetOn: input.targetOn,
      direction: input.direction,
      tolerance: input.direction === 'maintain' ? (input.tolerance ?? 0) : null,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  // an indicator whose target date has already passed is not reached until a measurement meets it
  if (row.targetOn < today) await recompute(tx, actor.school.id, row, today);
  await audit({ action: 'indicator.created', resourceType: 'initiative', resourceId: i.id, summary: row.name, changes: { ...input } });
  return { ...row, status: indicatorStatus(row, null, today) };
}

/**
 * Recomputes an indicator's latest value, ratio and status on `today` (its target date may have
 * passed: status.ts, `indicatorStatus`), then its initiative's status.
 */
export async function recompute(tx: Executor, schoolId: string, ind: IndicatorRow, today = todayInCopenhagen()) {
  const [latest] = await tx
    .select({ value: measurements.value, measuredOn: measurements.measuredOn })
    .from(measurements)
    .where(and(eq(measurements.schoolId, schoolId), eq(measurements.indicatorId, ind.id)))
    .orderBy(desc(measurements.measuredOn), desc(measurements.createdAt))
    .limit(1);
  const ratio = latest ? progressRatio(ind, latest.value, latest.measuredOn) : null;
  await tx
    .update(indicators)
    .set({ ratio, status: indicatorStatus(ind, latest ?? null, today), latestValue: latest?.value ?? null, latestOn: latest?.measuredOn ?? null })
    .where(and(eq(indicators.schoolId, schoolId), eq(indicators.id, ind.id)));
  const all = await tx
    .select({ status: indicators.status })
    .from(indicators)
    .where(and(eq(indicators.schoolId, schoolId), eq(indicators.initiativeId, ind.initiativeId)));
  await tx
    .update(initiatives)
    .set({ computedStatus: worst(all.map((r) => r.status)), updatedAt: sql`now()` })
    .where(and(eq(initiatives.schoolId, schoolId), eq(initiatives.id, ind.initiativeId)));
}

/**
 * The background job's part: indicators of every school whose target date passed before `today`
 * and that are not yet marked as not reached, while their latest value (if any) misses the target,
 * are recomputed, and so are their initiatives. Returns how many changed.
 */
export async function markTargetsPassed(db: Db, today = todayInCopenhagen()): Promise<{ notReached: number }> {
  const missed = sql`case ${indicators.direction}
      when 'increase' then ${indicators.latestValue} < ${indicators.target}
      when 'decrease' then ${indicators.latestValue} > ${indicators.target}
      else abs(${indicators.latestValue} - ${indicators.target}) > coalesce(${indicators.tolerance}, 0) end`;
  const due = await db
    .select()
    .from(indicators)
    .where(and(lt(indicators.targetOn, today), ne(indicators.status, 'not_reached'), or(isNull(indicators.latestValue), missed)))
    .limit(TARGETS_PER_RUN);
  let notReached = 0;
  for (const ind of due) {
    await db.transaction(async (tx) => {
      await recompute(tx, ind.schoolId, ind, today);
      const [after] = await tx.select({ status: indicators.status }).from(indicators).where(and(eq(indicators.schoolId, ind.schoolId), eq(indicators.id, ind.id)));
      if (after?.status === 'not_reached') notReached++;
    });
  }
  return { notReached };
}
/** At most this many indicators per run: the rest follow in the next run. */
const TARGETS_PER_RUN = 2000;

export async function addMeasurement({ db: tx, actor, audit }: Writer, ind: IndicatorRow, input: z.infer<typeof ZMeasurementInput>, today = todayInCopenhagen()) {
  if (input.measuredOn > today) throw fail('measuredOn', 'strategy.validation.future_date');
  if (input.measuredOn < ind.baselineOn) throw fail('measuredOn', 'strategy.validation.before_baseline');
  const [row] = await tx
    .insert(measurements)
    .values({ schoolId: actor.school.id, indicatorId: ind.id, value: input.value, measuredOn: input.measuredOn, source: input.source ?? null, note: input.note ?? null })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await recompute(tx, actor.school.id, ind, today);
  await audit({ action: 'measurement.recorded', resourceType: 'indicator', resourceId: ind.id, summary: ind.name, changes: { ...input } });
  return row;
}

// ---------------------------------------------------------------- check-ins and comments

export async function addCheckin({ db: tx, actor, audit }: Writer, i: InitiativeRow, input: z.infer<typeof ZCheckinInput>, today = todayInCopenhagen()) {
  if (input.heldOn > today) throw fail('heldOn', 'strategy.validation.future_date');
  const [row] = await tx
    .insert(checkins)
    .values({ schoolId: actor.school.id, initiativeId: i.id, ...input, authorId: actor.person.id, authorName: displayName(actor) })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await audit({ action: 'checkin.recorded', resourceType: 'initiative', resourceId: i.id, summary: i.title, changes: { ...input } });
  return row;
}

export async function addComment({ db: tx, actor, audit }: Writer, i: InitiativeRow, body: string) {
  const [row] = await tx
    .insert(initiativeComments)
    .values({ schoolId: actor.school.id, initiativeId: i.id, body, authorId: actor.person.id, authorName: displayName(actor) })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await audit({ action: 'comment.created', resourceType: 'initiative', resourceId: i.id, summary: i.title });
  return row;
}
