import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { strategies, strategyTerms, strategyVersions, type StrategyContent } from '../../db/schema/index';
import { displayName } from '../../platform/actor';
import { conflict } from '../../platform/errors';
import { assertPeople, fail, type Writer } from './command-kit';
import type { ZStrategyInput, ZStrategyPatch, ZTermInput } from './schemas';
import { checkTerms, loadTerms } from './terms';

/* The strategy itself: drafts, published versions and the school's reference terms. */

type StrategyRow = typeof strategies.$inferSelect;

function checkPeriod(c: Pick<StrategyContent, 'periodStart' | 'periodEnd'>) {
  if (c.periodEnd < c.periodStart) throw fail('periodEnd', 'strategy.validation.end_before_start');
}

export async function createStrategy({ db, actor, audit }: Writer, input: z.infer<typeof ZStrategyInput>): Promise<StrategyRow> {
  const { ownerId, ...content } = input;
  checkPeriod(content);
  checkTerms(await loadTerms(db, actor.school.id), { sigtelinjer: content.sigtelinjer, reformGoals: content.reformGoals });
  // The owner is one of the school's staff (422 naming ownerId otherwise).
  if (ownerId) await assertPeople(db, actor.school.id, [ownerId], 'ownerId');
  const [row] = await db.insert(strategies).values({ schoolId: actor.school.id, content, ownerId: ownerId ?? null }).returning();
  if (!row) throw new Error('insert returned nothing');
  await audit({ action: 'strategy.created', resourceType: 'strategy', resourceId: row.id, summary: content.title, changes: { ownerId: ownerId ?? null, reformGoals: content.reformGoals } });
  return row;
}

export async function updateStrategy({ db, actor, audit }: Writer, before: StrategyRow, patch: z.infer<typeof ZStrategyPatch>): Promise<StrategyRow> {
  const { ownerId, ...contentPatch } = patch;
  const changed = Object.fromEntries(Object.entries(contentPatch).filter(([, v]) => v !== undefined));
  const content = { ...before.content, ...changed } as StrategyContent;
  checkPeriod(content);
  checkTerms(await loadTerms(db, actor.school.id), { sigtelinjer: patch.sigtelinjer, reformGoals: patch.reformGoals });
  if (ownerId) await assertPeople(db, actor.school.id, [ownerId], 'ownerId');
  // Editing a published version starts the next draft; the published one stays in strategy_versions.
  // Who owns the strategy is not part of its text: changing only the owner starts no draft.
  const editsText = Object.keys(changed).length > 0;
  const nextVersion = editsText && before.status === 'published' ? before.version + 1 : before.version;
  const [row] = await db
    .update(strategies)
    .set({ content, status: editsText ? 'draft' : before.status, version: nextVersion, ...(ownerId !== undefined ? { ownerId } : {}), updatedAt: sql`now()` })
    .where(and(eq(strategies.schoolId, actor.school.id), eq(strategies.id, before.id)))
    .returning();
  if (!row) throw new Error('update returned nothing');
  await audit({ action: 'strategy.updated', resourceType: 'strategy', resourceId: row.id, summary: content.title, changes: { ...patch, version: nextVersion } });
  return row;
}

export async function publishStrategy({ db, actor, audit }: Writer, before: StrategyRow): Promise<StrategyRow> {
  if (before.status === 'published') throw conflict('already_published');
  await db.insert(strategyVersions).values({
    schoolId: actor.school.id,
    strategyId: before.id,
    version: before.version,
    content: before.content,
    publishedBy: displayName(actor),
  });
  const [row] = await db
    .update(strategies)
    .set({ status: 'published', updatedAt: sql`now()` })
    .where(and(eq(strategies.schoolId, actor.school.id), eq(strategies.id, before.id)))
    .returning();
  if (!row) throw new Error('update returned nothing');
  await audit({ action: 'strategy.published', resourceType: 'strategy', resourceId: before.id, summary: before.content.title, changes: { version: before.version } });
  return row;
}

export async function setTerm({ db, actor, audit }: Writer, input: z.infer<typeof ZTermInput>): Promise<void> {
  const terms = await loadTerms(db, actor.school.id);
  if (input.kind !== 'pedagogical_goal' && !terms[input.kind].some((t) => t.key === input.key)) throw fail('key', 'validation.invalid_value');
  await db
    .insert(strategyTerms)
    .values({ schoolId: actor.school.id, kind: input.kind, key: input.key, label: input.label, archived: input.archived ?? false })
    .onConflictDoUpdate({
      target: [strategyTerms.schoolId, strategyTerms.kind, strategyTerms.key],
      set: { label: input.label, archived: input.archived ?? false, updatedAt: sql`now()` },
    });
  await audit({ action: 'strategy_term.set', resourceType: 'strategy_term', resourceId: `${input.kind}:${input.key}`, summary: input.label, changes: { ...input } });
}
