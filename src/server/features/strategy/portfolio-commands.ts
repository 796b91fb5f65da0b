import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../db/client';
import { ambassadors, initiatives, people, strategyDecisions, technologies, type DecisionSource } from '../../db/schema/index';
import { displayName } from '../../platform/actor';
import { conflict } from '../../platform/errors';
import { isUniqueViolation } from '../../db/errors';
import { assertStaff } from '../people/api';
import { assertDepartment, assertPeople, fail, type Writer } from './command-kit';
import type { ZAmbassadorInput, ZDecisionInput, ZTechnologyInput, ZTechnologyPatch } from './schemas';

/* Valg og fravalg: the decision log, the technology portfolio and the ambassador registry. */

/** Records a decision; `source` is set by the features a decision is made from (a dialogue's "Træf beslutning"), never by the log's own form. */
export async function addDecision({ db: tx, actor, audit }: Writer, input: z.infer<typeof ZDecisionInput>, source: DecisionSource | null = null) {
  const departmentId = input.level === 'department' ? (input.departmentId ?? null) : null;
  if (input.level === 'department' && !departmentId) throw fail('departmentId', 'validation.required');
  if (input.level === 'central' && input.departmentId) throw fail('departmentId', 'strategy.validation.central_has_no_department');
  await assertDepartment(tx, actor.school.id, departmentId);
  if (input.initiativeId) {
    const [i] = await tx
      .select({ id: initiatives.id })
      .from(initiatives)
      .where(and(eq(initiatives.schoolId, actor.school.id), eq(initiatives.id, input.initiativeId)));
    if (!i) throw fail('initiativeId', 'strategy.validation.unknown_initiative');
  }
  const [row] = await tx
    .insert(strategyDecisions)
    .values({
      schoolId: actor.school.id,
      level: input.level,
      departmentId,
      initiativeId: input.initiativeId ?? null,
      what: input.what,
      why: input.why,
      decidedBy: input.decidedBy?.trim() || displayName(actor),
      decidedOn: input.decidedOn,
      source,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await audit({ action: 'decision.recorded', resourceType: 'decision', resourceId: row.id, summary: row.what.slice(0, 120), changes: { ...input, ...(source ? { source } : {}) } });
  return row;
}

type TechShape = { state: 'valgt' | 'afproves' | 'fravalgt'; deselectionReason: string | null; scope: 'school' | 'departments'; departmentIds: string[]; ownerId: string | null; initiativeIds: string[] };
async function checkTechnology(tx: Executor, actor: Writer['actor'], t: TechShape) {
  if (t.state === 'fravalgt' && !t.deselectionReason?.trim()) throw fail('deselectionReason', 'strategy.validation.deselection_reason_required');
  if (t.scope === 'departments' && !t.departmentIds.length) throw fail('departmentIds', 'validation.required');
  for (const [i, d] of t.departmentIds.entries()) await assertDepartment(tx, actor.school.id, d, `departmentIds.${i}`);
  if (t.ownerId) await assertPeople(tx, actor.school.id, [t.ownerId], 'ownerId');
  if (t.initiativeIds.length) {
    const rows = await tx
      .select({ id: initiatives.id })
      .from(initiatives)
      .where(and(eq(initiatives.schoolId, actor.school.id), inArray(initiatives.id, t.initiativeIds)));
    const found = new Set(rows.map((r) => r.id));
    const i = t.initiativeIds.findIndex((id) => !found.has(id));
    if (i >= 0) throw fail(`initiativeIds.${i}`, 'strategy.validation.unknown_initiative');
  }
}
const nameTaken = (e: unknown) => {
  if (isUniqueViolation(e)) throw conflict('name_taken', [{ field: 'name', key: 'errors.name_taken' }]);
  throw e;
};

export async function addTechnology({ db: tx, actor, audit }: Writer, input: z.infer<typeof ZTechnologyInput>) {
  const shape: TechShape = {
    state: input.state,
    deselectionReason: input.deselectionReason ?? null,
    scope: input.scope,
    departmentIds: input.scope === 'school' ? [] : [...new Set(input.departmentIds)],
    ownerId: input.ownerId ?? null,
    initiativeIds: [...new Set(input.initiativeIds)],
  };
  await checkTechnology(tx, actor, shape);
  const [row] = await tx
    .insert(technologies)
    .values({ schoolId: actor.school.id, name: input.name, rationale: input.rationale, ...shape, deselectionReason: shape.state === 'fravalgt' ? shape.deselectionReason : null })
    .returning()
    .catch(nameTaken);
  if (!row) throw new Error('insert returned nothing');
  await audit({ action: 'technology.created', resourceType: 'technology', resourceId: row.id, summary: row.name, changes: { ...input } });
  return row;
}

export async function updateTechnology({ db: tx, actor, audit }: Writer, before: typeof technologies.$inferSelect, patch: z.infer<typeof ZTechnologyPatch>) {
  const scope = patch.scope ?? before.scope;
  const shape: TechShape = {
    state: patch.state ?? before.state,
    deselectionReason: patch.deselectionReason !== undefined ? patch.deselectionReason : before.deselectionReason,
    scope,
    departmentIds: scope === 'school' ? [] : [...new Set(patch.departmentIds ?? before.departmentIds)],
    ownerId: patch.ownerId !== undefined ? patch.ownerId : before.ownerId,
    initiativeIds: [...new Set(patch.initiativeIds ?? before.initiativeIds)],
  };
  await checkTechnology(tx, actor, shape);
  const [row] = await tx
    .update(technologies)
    .set({
      ...shape,
      deselectionReason: shape.state === 'fravalgt' ? shape.deselectionReason : null,
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.rationale !== undefined ? { rationale: patch.rationale } : {}),
      updatedAt: sql`now()`,
    })
    .where(and(eq(technologies.schoolId, actor.school.id), eq(technologies.id, before.id)))
    .returning()
    .catch(nameTaken);
  if (!row) throw new Error('update returned nothing');
  await audit({ action: 'technology.updated', resourceType: 'technology', resourceId: row.id, summary: row.name, changes: { ...patch } });
  return row;
}

export async function addAmbassador({ db: tx, actor, audit }: Writer, input: z.infer<typeof ZAmbassadorInput>) {
  const [person] = await tx
    .select({ id: people.id, departmentId: people.departmentId, name: people.name })
    .from(people)
    .where(and(eq(people.schoolId, actor.school.id), eq(people.id, input.personId)));
  if (!person) throw fail('personId', 'strategy.validation.unknown_person');
  await assertStaff(tx, actor.school.id, [person.id], 'personId');
  const departmentId = input.departmentId !== undefined ? input.departmentId : person.departmentId;
  await assertDepartment(tx, actor.school.id, departmentId);
  if (input.technologyIds.length) {
    const rows = await tx
      .select({ id: technologies.id })
      .from(technologies)
      .where(and(eq(technologies.schoolId, actor.school.id), inArray(technologies.id, input.technologyIds)));
    const found = new Set(rows.map((r) => r.id));
    const i = input.technologyIds.findIndex((id) => !found.has(id));
    if (i >= 0) throw fail(`technologyIds.${i}`, 'strategy.validation.unknown_technology');
  }
  const [row] = await tx
    .insert(ambassadors)
    .values({ schoolId: actor.school.id, personId: person.id, kind: input.kind, departmentId, technologyIds: [...new Set(input.technologyIds)], hoursPerWeek: input.hoursPerWeek, contact: input.contact })
    .returning()
    .catch((e: unknown) => {
      if (isUniqueViolation(e)) throw conflict('already_registered', [{ field: 'personId', key: 'strategy.validation.already_registered' }]);
      throw e;
    });
  if (!row) throw new Error('insert returned nothing');
  await audit({ action: 'ambassador.registered', resourceType: 'ambassador', resourceId: row.id, summary: person.name, changes: { ...input } });
  return row;
}

export async function removeAmbassador({ db: tx, actor, audit }: Writer, row: typeof ambassadors.$inferSelect) {
  await tx.delete(ambassadors).where(and(eq(ambassadors.schoolId, actor.school.id), eq(ambassadors.id, row.id)));
  await audit({ action: 'ambassador.removed', resourceType: 'ambassador', resourceId: row.id });
}
