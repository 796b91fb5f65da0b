import { and, eq, sql } from 'drizzle-orm';
import type { TDialoguePair } from '../../../shared/api/dialogue';
import type { ZDialogueBoundaryInput, ZDialoguePairInput, ZDialoguePairPatch } from '../../../shared/api/dialogue';
import type { z } from 'zod';
import type { Executor } from '../../db/client';
import { dialogueBoundaries, dialoguePairs } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import { notFound } from '../../platform/errors';
import { isUuid } from '../../platform/loader';
import { BUILTIN_BOUNDARIES, BUILTIN_PAIRS, ownPairKey } from './reference-data';
import { schoolPairs } from './templates-queries';

/* Edits of the school's pairs and boundary texts. A session froze its wording when its items were chosen, so nothing here changes a result. */

const OWN = /^own-(.+)$/;

/** PATCH /dialogue/pairs/:key: new wording and/or archived, for a built-in pair (an override row) or the school's own pair. */
export async function patchPair(tx: Executor, actor: SchoolActor, key: string, patch: z.output<typeof ZDialoguePairPatch>): Promise<TDialoguePair> {
  const schoolId = actor.school.id;
  const current = (await schoolPairs(tx, schoolId)).find((p) => p.key === key);
  if (!current) throw notFound();
  const left = patch.left ? { da: patch.left.da, en: patch.left.en || current.left.en } : current.left;
  const right = patch.right ? { da: patch.right.da, en: patch.right.en || current.right.en } : current.right;
  const values = {
    leftDa: left.da,
    leftEn: left.en,
    rightDa: right.da,
    rightEn: right.en,
    archivedAt: (patch.archived ?? current.archived) ? sql`coalesce(${dialoguePairs.archivedAt}, now())` : null,
    updatedAt: new Date(),
  };
  const own = OWN.exec(key)?.[1];
  if (own !== undefined) {
    if (!isUuid(own)) throw notFound();
    await tx.update(dialoguePairs).set(values).where(and(eq(dialoguePairs.schoolId, schoolId), eq(dialoguePairs.id, own)));
  } else {
    if (!BUILTIN_PAIRS.some((p) => p.key === key)) throw notFound();
    await tx
      .insert(dialoguePairs)
      .values({ schoolId, builtinKey: key, ...values, archivedAt: (patch.archived ?? current.archived) ? new Date() : null })
      .onConflictDoUpdate({ target: [dialoguePairs.schoolId, dialoguePairs.builtinKey], targetWhere: sql`${dialoguePairs.builtinKey} is not null`, set: values });
  }
  return (await schoolPairs(tx, schoolId)).find((p) => p.key === key) as TDialoguePair;
}

/** POST /dialogue/pairs: the school's own pair (an empty English pole takes the Danish). */
export async function addOwnPair(tx: Executor, actor: SchoolActor, input: z.output<typeof ZDialoguePairInput>): Promise<TDialoguePair> {
  const [row] = await tx
    .insert(dialoguePairs)
    .values({ schoolId: actor.school.id, leftDa: input.left.da, leftEn: input.left.en || input.left.da, rightDa: input.right.da, rightEn: input.right.en || input.right.da })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return { key: ownPairKey(row.id), builtin: false, edited: false, archived: false, left: { da: row.leftDa, en: row.leftEn }, right: { da: row.rightDa, en: row.rightEn } };
}

/** PUT /dialogue/boundaries/:key: the school's wording of a boundary type. */
export async function putBoundary(tx: Executor, actor: SchoolActor, key: string, input: z.output<typeof ZDialogueBoundaryInput>) {
  const builtin = BUILTIN_BOUNDARIES.find((b) => b.key === key);
  if (!builtin) throw notFound();
  const values = {
    nameDa: input.name.da,
    nameEn: input.name.en || builtin.name.en,
    descriptionDa: input.description.da,
    descriptionEn: input.description.en || builtin.description.en,
    updatedAt: new Date(),
  };
  await tx
    .insert(dialogueBoundaries)
    .values({ schoolId: actor.school.id, key, ...values })
    .onConflictDoUpdate({ target: [dialogueBoundaries.schoolId, dialogueBoundaries.key], set: values });
  return { key: builtin.key, edited: true, name: { da: values.nameDa, en: values.nameEn }, description: { da: values.descriptionDa, en: values.descriptionEn } };
}
