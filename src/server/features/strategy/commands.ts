import { and, desc, eq, inArray, sql } from 'drizzle-orm';
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
  strategyTerms,
  strategyVersions,
  type StrategyContent,
} from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { displayName } from '../../platform/actor';
import { conflict, invalid, type FieldError } from '../../platform/errors';
import { cancelCalendarItem, upsertCalendarItem } from '../calendar/api';
import { todayInCopenhagen } from './dates';
import { progressRatio, statusOf, worst } from './status';
import { checkTerms, loadTerms } from './terms';
import type { TIndicatorInput, TInitiativeInput, TInitiativePatch } from './schemas';
import type { z } from 'zod';
import type {
  ZCheckinInput,
  ZFollowupInput,
  ZFollowupPatch,
  ZMeasurementInput,
  ZMilestoneInput,
  ZMilestonePatch,
  ZStatusInput,
  ZStrategyInput,
  ZStrategyPatch,
  ZTermInput,
} from './schemas';

type InitiativeRow = typeof initiatives.$inferSelect;
type IndicatorRow = typeof indicators.$inferSelect;
const SOURCE = 'strategy';

export const fail = (field: string, key: string, vars?: Record<string, string | number>) => invalid([{ field, key, ...(vars ? { vars } : {}) }]);

async function exists(exec: Executor, table: typeof departments | typeof people, schoolId: string, id: string): Promise<boolean> {
  const rows = await exec
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.schoolId, schoolId), eq(table.id, id)))
    .limit(1);
  return rows.length > 0;
}

export async function assertDepartment(exec: Executor, schoolId: string, id: string | null | undefined, field = 'departmentId') {
  if (id && !(await exists(exec, departments, schoolId, id))) throw fail(field, 'validation.unknown_department');
}
export async function assertPeople(exec: Executor, schoolId: string, ids: string[], field: string) {
  if (!ids.length) return;
  const rows = await exec
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.schoolId, schoolId), inArray(people.id, ids)));
  const found = new Set(rows.map((r) => r.id));
  const errors: FieldError[] = [];
  ids.forEach((id, i) => {
    if (!found.has(id)) errors.push({ field: ids.length === 1 && !field.endsWith('s') ? field : `${field}.${i}`, key: 'strategy.validation.unknown_person' });
  });
  if (errors.length) throw invalid(errors);
}

// ---------------------------------------------------------------- strategy

function checkPeriod(c: Pick<StrategyContent, 'periodStart' | 'periodEnd'>) {
  if (c.periodEnd < c.periodStart) throw fail('periodEnd', 'strategy.validation.end_before_start');
}

export async function createStrategy(tx: Executor, actor: SchoolActor, input: z.infer<typeof ZStrategyInput>) {
  checkPeriod(input);
  checkTerms(await loadTerms(tx, actor.school.id), { sigtelinjer: input.sigtelinjer, reformGoals: input.reformGoals });
  const [row] = await tx.insert(strategies).values({ schoolId: actor.school.id, content: input }).returning();
  if (!row) throw new Error('insert returned nothing');
  await audit(tx, actor, { action: 'strategy.created', resourceType: 'strategy', resourceId: row.id, summary: input.title });
  return row;
}

export async function updateStrategy(tx: Executor, actor: SchoolActor, before: typeof strategies.$inferSelect, patch: z.infer<typeof ZStrategyPatch>) {
  const content = { ...before.content, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as StrategyContent;
  checkPeriod(content);
  checkTerms(await loadTerms(tx, actor.school.id), { sigtelinjer: patch.sigtelinjer, reformGoals: patch.reformGoals });
  // Editing a published version starts the next draft; the published one stays in strategy_versions.
  const nextVersion = before.status === 'published' ? before.version + 1 : before.version;
  const [row] = await tx
    .update(strategies)
    .set({ content, status: 'draft', version: nextVersion, updatedAt: sql`now()` })
    .where(and(eq(strategies.schoolId, actor.school.id), eq(strategies.id, before.id)))
    .returning();
  if (!row) throw new Error('update returned nothing');
  await audit(tx, actor, { action: 'strategy.updated', resourceType: 'strategy', resourceId: row.id, summary: content.title, changes: { ...patch, version: nextVersion } });
  return row;
}

export async function publishStrategy(tx: Executor, actor: SchoolActor, before: typeof strategies.$inferSelect) {
  if (before.status === 'published') throw conflict('already_published');
  await tx.insert(strategyVersions).values({
    schoolId: actor.school.id,
    strategyId: before.id,
    version: before.version,
    content: before.content,
    publishedBy: displayName(actor),
  });
  await tx
    .update(strategies)
    .set({ status: 'published', updatedAt: sql`now()` })
    .where(and(eq(strategies.schoolId, actor.school.id), eq(strategies.id, before.id)));
  await audit(tx, actor, { action: 'strategy.published', resourceType: 'strategy', resourceId: before.id, summary: before.content.title, changes: { version: before.version } });
}

export async function setTerm(tx: Executor, actor: SchoolActor, input: z.infer<typeof ZTermInput>) {
  const terms = await loadTerms(tx, actor.school.id);
  if (input.kind !== 'pedagogical_goal' && !terms[input.kind].some((t) => t.key === input.key)) throw fail('key', 'validation.invalid_value');
  await tx
    .insert(strategyTerms)
    .values({ schoolId: actor.school.id, kind: input.kind, key: input.key, label: input.label, archived: input.archived ?? false })
    .onConflictDoUpdate({
      target: [strategyTerms.schoolId, strategyTerms.kind, strategyTerms.key],
      set: { label: input.label, archived: input.archived ?? false, updatedAt: sql`now()` },
    });
  await audit(tx, actor, { action: 'strategy_term.set', resourceType: 'strategy_term', resourceId: `${input.kind}:${input.key}`, summary: input.label, changes: { ...input } });
}

// ---------------------------------------------------------------- initiatives

type InitiativeShape = Pick<InitiativeRow, 'level' | 'departmentId' | 'parentId' | 'startsOn' | 'endsOn' | 'ownerId' | 'strategyId'>;

async function checkInitiative(tx: Executor, actor: SchoolActor, s: InitiativeShape, selfId: string | null) {
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

export async function createInitiative(tx: Executor, actor: SchoolActor, input: TInitiativeInput) {
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
  await audit(tx, actor, { action: 'initiative.created', resourceType: 'initiative', resourceId: row.id, summary: row.title, changes: { ...input } });
  return row;
}

export async function updateInitiative(tx: Executor, actor: SchoolActor, before: InitiativeRow, patch: TInitiativePatch) {
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
  await audit(tx, actor, { action: 'initiative.updated', resourceType: 'initiative', resourceId: row.id, summary: row.title, changes: { ...patch } });
  return row;
}

export async function setInitiativeStatus(tx: Executor, actor: SchoolActor, before: InitiativeRow, input: z.infer<typeof ZStatusInput>) {
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
  await tx
    .update(initiatives)
    .set({ ...set, updatedAt: sql`now()` })
    .where(and(eq(initiatives.schoolId, actor.school.id), eq(initiatives.id, before.id)));
  await audit(tx, actor, { action: 'initiative.status_set', resourceType: 'initiative', resourceId: before.id, summary: before.title, changes: { ...input } });
}

// ---------------------------------------------------------------- milestones, follow-ups, calendar

const milestoneItem = (i: InitiativeRow, m: { id: string; title: string; dueOn: string }) => ({
  source: SOURCE,
  sourceRef: `milestone:${m.id}`,
  kind: 'milestone',
  title: `${m.title} (${i.title})`,
  description: i.why,
  startsOn: m.dueOn,
  departmentId: i.departmentId,
  sigtelinjer: i.sigtelinjer,
  link: `/strategi/indsatser/${i.id}`,
});
const followupItem = (i: InitiativeRow, f: { id: string; title: string; dueOn: string }) => ({
  source: SOURCE,
  sourceRef: `followup:${f.id}`,
  kind: 'followup',
  title: `${f.title} (${i.title})`,
  description: i.why,
  startsOn: f.dueOn,
  departmentId: i.departmentId,
  sigtelinjer: i.sigtelinjer,
  link: `/strategi/indsatser/${i.id}`,
});

async function syncInitiativeCalendar(tx: Executor, schoolId: string, i: InitiativeRow) {
  const ms = await tx.select().from(milestones).where(and(eq(milestones.schoolId, schoolId), eq(milestones.initiativeId, i.id)));
  for (const m of ms) await upsertCalendarItem(tx, schoolId, milestoneItem(i, m));
  const fs = await tx.select().from(followups).where(and(eq(followups.schoolId, schoolId), eq(followups.initiativeId, i.id)));
  for (const f of fs) await upsertCalendarItem(tx, schoolId, followupItem(i, f));
}

export async function addMilestone(tx: Executor, actor: SchoolActor, i: InitiativeRow, input: z.infer<typeof ZMilestoneInput>) {
  const [row] = await tx.insert(milestones).values({ schoolId: actor.school.id, initiativeId: i.id, title: input.title, dueOn: input.dueOn }).returning();
  if (!row) throw new Error('insert returned nothing');
  await upsertCalendarItem(tx, actor.school.id, milestoneItem(i, row));
  await audit(tx, actor, { action: 'milestone.created', resourceType: 'initiative', resourceId: i.id, summary: row.title, changes: { ...input } });
  return row;
}

export async function updateMilestone(tx: Executor, actor: SchoolActor, i: InitiativeRow, m: typeof milestones.$inferSelect, patch: z.infer<typeof ZMilestonePatch>) {
  if (patch.cancelled) {
    await tx.delete(milestones).where(and(eq(milestones.schoolId, actor.school.id), eq(milestones.id, m.id)));
    await cancelCalendarItem(tx, actor.school.id, SOURCE, `milestone:${m.id}`);
    await audit(tx, actor, { action: 'milestone.cancelled', resourceType: 'initiative', resourceId: i.id, summary: m.title });
    return null;
  }
  const { cancelled: _ignored, ...rest } = patch;
  const [row] = await tx
    .update(milestones)
    .set(Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)))
    .where(and(eq(milestones.schoolId, actor.school.id), eq(milestones.id, m.id)))
    .returning();
  if (!row) throw new Error('update returned nothing');
  await upsertCalendarItem(tx, actor.school.id, milestoneItem(i, row));
  await audit(tx, actor, { action: 'milestone.updated', resourceType: 'initiative', resourceId: i.id, summary: row.title, changes: { ...patch } });
  return row;
}

export async function addFollowup(tx: Executor, actor: SchoolActor, i: InitiativeRow, input: z.infer<typeof ZFollowupInput>) {
  const [row] = await tx.insert(followups).values({ schoolId: actor.school.id, initiativeId: i.id, title: input.title, dueOn: input.dueOn }).returning();
  if (!row) throw new Error('insert returned nothing');
  await upsertCalendarItem(tx, actor.school.id, followupItem(i, row));
  await audit(tx, actor, { action: 'followup.scheduled', resourceType: 'initiative', resourceId: i.id, summary: row.title, changes: { ...input } });
  return row;
}

export async function updateFollowup(tx: Executor, actor: SchoolActor, i: InitiativeRow, f: typeof followups.$inferSelect, patch: z.infer<typeof ZFollowupPatch>) {
  const set: Partial<typeof followups.$inferInsert> = {};
  if (patch.title !== undefined) set.title = patch.title;
  if (patch.dueOn !== undefined) set.dueOn = patch.dueOn;
  if (patch.held !== undefined) set.heldAt = patch.held ? (f.heldAt ?? new Date()) : null;
  const [row] = await tx
    .update(followups)
    .set(set)
    .where(and(eq(followups.schoolId, actor.school.id), eq(followups.id, f.id)))
    .returning();
  if (!row) throw new Error('update returned nothing');
  await upsertCalendarItem(tx, actor.school.id, followupItem(i, row));
  await audit(tx, actor, { action: patch.held ? 'followup.held' : 'followup.updated', resourceType: 'initiative', resourceId: i.id, summary: row.title, changes: { ...patch } });
  return row;
}

// ---------------------------------------------------------------- indicators and measurements

export async function addIndicator(tx: Executor, actor: SchoolActor, i: InitiativeRow, input: TIndicatorInput) {
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
  await audit(tx, actor, { action: 'indicator.created', resourceType: 'initiative', resourceId: i.id, summary: row.name, changes: { ...input } });
  return row;
}

/** Recomputes an indicator's latest value, ratio and status, then its initiative's status. */
export async function recompute(tx: Executor, schoolId: string, ind: IndicatorRow) {
  const [latest] = await tx
    .select({ value: measurements.value, measuredOn: measurements.measuredOn })
    .from(measurements)
    .where(and(eq(measurements.schoolId, schoolId), eq(measurements.indicatorId, ind.id)))
    .orderBy(desc(measurements.measuredOn), desc(measurements.createdAt))
    .limit(1);
  const ratio = latest ? progressRatio(ind, latest.value, latest.measuredOn) : null;
  await tx
    .update(indicators)
    .set({ ratio, status: statusOf(ratio), latestValue: latest?.value ?? null, latestOn: latest?.measuredOn ?? null })
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

export async function addMeasurement(tx: Executor, actor: SchoolActor, ind: IndicatorRow, input: z.infer<typeof ZMeasurementInput>, today = todayInCopenhagen()) {
  if (input.measuredOn > today) throw fail('measuredOn', 'strategy.validation.future_date');
  if (input.measuredOn < ind.baselineOn) throw fail('measuredOn', 'strategy.validation.before_baseline');
  const [row] = await tx
    .insert(measurements)
    .values({ schoolId: actor.school.id, indicatorId: ind.id, value: input.value, measuredOn: input.measuredOn, source: input.source ?? null, note: input.note ?? null })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await recompute(tx, actor.school.id, ind);
  await audit(tx, actor, { action: 'measurement.recorded', resourceType: 'indicator', resourceId: ind.id, summary: ind.name, changes: { ...input } });
  return row;
}

// ---------------------------------------------------------------- check-ins and comments

export async function addCheckin(tx: Executor, actor: SchoolActor, i: InitiativeRow, input: z.infer<typeof ZCheckinInput>, today = todayInCopenhagen()) {
  if (input.heldOn > today) throw fail('heldOn', 'strategy.validation.future_date');
  const [row] = await tx
    .insert(checkins)
    .values({ schoolId: actor.school.id, initiativeId: i.id, ...input, authorId: actor.person.id, authorName: displayName(actor) })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await audit(tx, actor, { action: 'checkin.recorded', resourceType: 'initiative', resourceId: i.id, summary: i.title, changes: { ...input } });
  return row;
}

export async function addComment(tx: Executor, actor: SchoolActor, i: InitiativeRow, body: string) {
  const [row] = await tx
    .insert(initiativeComments)
    .values({ schoolId: actor.school.id, initiativeId: i.id, body, authorId: actor.person.id, authorName: displayName(actor) })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await audit(tx, actor, { action: 'comment.created', resourceType: 'initiative', resourceId: i.id, summary: i.title });
  return row;
}

// ---------------------------------------------------------------- decisions, technologies, ambassadors
