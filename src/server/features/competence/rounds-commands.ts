import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZRoundInput, ZRoundPatch } from '../../../shared/api/competence';
import type { Executor } from '../../db/client';
import { competenceRounds, departments } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import { invalid } from '../../platform/errors';
import { ensureFramework } from './frameworks';
import { roundIsOpen } from './assessments';
import { publishRound } from './publish';
import { competenceScope } from './policy';
import type { RoundRow } from './presenter';

/** Opens a mapping round for the school or some departments; a department head only for his own department. */
export async function openRound(tx: Executor, actor: SchoolActor, input: z.output<typeof ZRoundInput>): Promise<RoundRow> {
  if (input.closesOn < input.opensOn) throw invalid([{ field: 'closesOn', key: 'competence.validation.closes_before_opens' }]);
  const scope = competenceScope(actor);
  const own = scope === 'school' ? null : scope.departmentId;
  const departmentIds = scope === 'school' ? input.departmentIds : (input.departmentIds ?? [own ?? '']);
  if (scope !== 'school' && (!own || departmentIds?.some((d) => d !== own))) throw invalid([{ field: 'departmentIds', key: 'competence.validation.own_department_only' }]);
  for (const [i, d] of (departmentIds ?? []).entries()) {
    const [found] = await tx
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.schoolId, actor.school.id), eq(departments.id, d)));
    if (!found) throw invalid([{ field: `departmentIds.${i}`, key: 'validation.unknown_department' }]);
  }
  const frameworkId = await ensureFramework(tx, actor.school.id, input.frameworkKind);
  const [r] = await tx
    .insert(competenceRounds)
    .values({ schoolId: actor.school.id, frameworkId, title: input.title, opensOn: input.opensOn, closesOn: input.closesOn, departmentIds })
    .returning();
  if (!r) throw new Error('round insert failed');
  return r;
}

/** Renames, extends or closes a round. */
export async function updateRound(tx: Executor, actor: SchoolActor, before: RoundRow, input: z.output<typeof ZRoundPatch>): Promise<RoundRow> {
  if (input.closesOn && input.closesOn < before.opensOn) throw invalid([{ field: 'closesOn', key: 'competence.validation.closes_before_opens' }]);
  const [r] = await tx
    .update(competenceRounds)
    .set({ ...(input.title ? { title: input.title } : {}), ...(input.closesOn ? { closesOn: input.closesOn } : {}), ...(input.closed ? { closedAt: before.closedAt ?? new Date() } : {}) })
    .where(and(eq(competenceRounds.schoolId, actor.school.id), eq(competenceRounds.id, before.id)))
    .returning();
  if (!r) throw new Error('round update failed');
  // A round readers have seen closed (read live) and now open again moves in steps from what they saw.
  if (!roundIsOpen(before) && roundIsOpen(r)) await publishRound(tx, actor.school.id, r.id);
  return r;
}
