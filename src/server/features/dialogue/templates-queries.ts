import { eq } from 'drizzle-orm';
import type { TDialogueBoundary, TDialoguePair } from '../../../shared/api/dialogue';
import type { Executor } from '../../db/client';
import { dialogueBoundaries, dialoguePairs } from '../../db/schema/index';
import { BUILTIN_BOUNDARIES, BUILTIN_PAIRS, ownPairKey } from './reference-data';

/* The school's pairs and boundary types: the built-in ones with the school's wording laid over them, then its own pairs. */

export type PairRow = typeof dialoguePairs.$inferSelect;

const poles = (r: PairRow) => ({ left: { da: r.leftDa, en: r.leftEn }, right: { da: r.rightDa, en: r.rightEn } });

/** Every pair of the school in order (built-in first, then its own by creation), archived ones flagged. */
export async function schoolPairs(exec: Executor, schoolId: string): Promise<TDialoguePair[]> {
  const rows = await exec.select().from(dialoguePairs).where(eq(dialoguePairs.schoolId, schoolId)).orderBy(dialoguePairs.createdAt);
  const byKey = new Map(rows.filter((r) => r.builtinKey).map((r) => [r.builtinKey as string, r]));
  const builtin = BUILTIN_PAIRS.map((p) => {
    const r = byKey.get(p.key);
    return { key: p.key, builtin: true, edited: r !== undefined, archived: r?.archivedAt != null, ...(r ? poles(r) : { left: p.left, right: p.right }) };
  });
  const own = rows.filter((r) => !r.builtinKey).map((r) => ({ key: ownPairKey(r.id), builtin: false, edited: false, archived: r.archivedAt !== null, ...poles(r) }));
  return [...builtin, ...own];
}

export async function schoolBoundaries(exec: Executor, schoolId: string): Promise<TDialogueBoundary[]> {
  const rows = await exec.select().from(dialogueBoundaries).where(eq(dialogueBoundaries.schoolId, schoolId));
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return BUILTIN_BOUNDARIES.map((b) => {
    const r = byKey.get(b.key);
    return r
      ? { key: b.key, edited: true, name: { da: r.nameDa, en: r.nameEn }, description: { da: r.descriptionDa, en: r.descriptionEn } }
      : { key: b.key, edited: false, name: b.name, description: b.description };
  });
}
