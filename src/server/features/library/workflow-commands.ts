import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../db/client';
import { libraryItems, libraryReviews, libraryVersions } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import { AppError, invalid, notFound } from '../../platform/errors';
import type { Writer } from './commands';
import { RELATION_FIELDS, snapshotOf, type ItemRow, type RelationField } from './model';
import { OPEN_LICENCES } from './policy';
import { settingsOf } from './queries';
import { cleanText, textsOf } from './sanitize';

/**
 * The workflow: kladde → delt med team → til review → i review → publiceret / sendt retur. Every
 * submit, return and publication keeps a version snapshot.
 */

const ZCommentKey = z.enum([...RELATION_FIELDS, 'title', 'summary', 'materials', 'general']);
export const ZReviewInput = z.strictObject({
  checklist: z.record(z.string().max(10), z.boolean()).optional(),
  fieldComments: z.partialRecord(ZCommentKey, z.string().max(5000)).optional(),
});
export const ZDecision = z.strictObject({
  decision: z.enum(['approve', 'return']),
  feedback: z.string().max(10_000).optional(),
  checklist: z.record(z.string().max(10), z.boolean()).optional(),
  fieldComments: z.partialRecord(ZCommentKey, z.string().max(5000)).optional(),
  toNetwork: z.boolean().optional(),
});

async function setStatus(db: Executor, row: ItemRow, patch: Partial<ItemRow>): Promise<ItemRow> {
  const [updated] = await db
    .update(libraryItems)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(libraryItems.schoolId, row.schoolId), eq(libraryItems.id, row.id)))
    .returning();
  if (!updated) throw notFound();
  return updated;
}

async function addVersion(db: Executor, actor: SchoolActor, row: ItemRow, event: string): Promise<void> {
  await db.insert(libraryVersions).values({ schoolId: row.schoolId, itemId: row.id, version: row.version, event, snapshot: await snapshotOf(db, row), createdBy: actor.person.id });
}

/** Shares a draft with the author's teams (delt med team). */
export async function shareItem({ db, audit }: Writer, row: ItemRow): Promise<void> {
  await setStatus(db, row, { status: 'team' });
  await audit({ action: 'library.shared_with_team', resourceType: 'library_item', resourceId: row.id, summary: row.title });
}

/** Submits for editorial review (til review): a forløb with the school's required fields filled in, a material with a link or a file. */
export async function submitItem({ db, actor, audit }: Writer, row: ItemRow): Promise<void> {
  if (row.kind === 'forlob') {
    const { requiredFields } = await settingsOf(db, actor.school.id);
    const texts = await textsOf(requiredFields.map((f) => row.fields[f as RelationField] ?? ''));
    const empty = requiredFields.filter((_, i) => texts && !texts[i]);
    if (empty.length) throw new AppError(422, 'required_fields_empty', { fields: empty.map((f) => ({ field: `fields.${f}`, key: 'validation.required' })) });
  } else if (!row.url && !row.fileKey) {
    throw new AppError(422, 'material_without_content', { fields: [{ field: 'url', key: 'library.validation.url_or_file' }] });
  }
  const updated = await setStatus(db, row, { status: 'submitted', reviewerId: null });
  await addVersion(db, actor, updated, 'submitted');
  await audit({ action: 'library.submitted', resourceType: 'library_item', resourceId: row.id, summary: row.title, changes: { version: row.version } });
}

/** A reviewer takes a submitted item (i review). */
export async function takeItem({ db, actor, audit }: Writer, row: ItemRow): Promise<void> {
  await setStatus(db, row, { status: 'in_review', reviewerId: actor.person.id });
  await db.insert(libraryReviews).values({ schoolId: row.schoolId, itemId: row.id, version: row.version, reviewerId: actor.person.id });
  await audit({ action: 'library.review_started', resourceType: 'library_item', resourceId: row.id, summary: row.title });
}

async function openReview(db: Executor, row: ItemRow) {
  const [r] = await db
    .select()
    .from(libraryReviews)
    .where(and(eq(libraryReviews.schoolId, row.schoolId), eq(libraryReviews.itemId, row.id), isNull(libraryReviews.decidedAt)))
    .orderBy(desc(libraryReviews.createdAt))
    .limit(1);
  if (!r) throw notFound();
  return r;
}

const cleanComments = (c: Record<string, string | undefined> | undefined) =>
  Object.fromEntries(Object.entries(c ?? {}).map(([k, v]) => [k, cleanText(v ?? '')]).filter(([, v]) => v));

/** Saves the quality checklist and the per-field comments of the open review. */
export async function saveReview({ db, audit }: Writer, row: ItemRow, input: z.output<typeof ZReviewInput>): Promise<void> {
  const r = await openReview(db, row);
  await db
    .update(libraryReviews)
    .set({ checklist: input.checklist ?? r.checklist, fieldComments: input.fieldComments ? cleanComments(input.fieldComments) : r.fieldComments })
    .where(and(eq(libraryReviews.schoolId, r.schoolId), eq(libraryReviews.id, r.id)));
  await audit({ action: 'library.review_saved', resourceType: 'library_item', resourceId: row.id, summary: row.title });
}

/** Publishes (godkendt) or sends back (sendt retur, with feedback and a new version number). */
export async function decideItem({ db, actor, audit }: Writer, row: ItemRow, input: z.output<typeof ZDecision>): Promise<void> {
  const feedback = cleanText(input.feedback ?? '');
  if (input.decision === 'return' && !feedback) throw invalid([{ field: 'feedback', key: 'validation.required' }]);
  if (input.toNetwork && !OPEN_LICENCES.includes(row.licence)) throw new AppError(422, 'licence_not_open', { fields: [{ field: 'toNetwork', key: 'library.validation.licence_not_open' }] });
  const r = await openReview(db, row);
  await db
    .update(libraryReviews)
    .set({
      checklist: input.checklist ?? r.checklist,
      fieldComments: input.fieldComments ? cleanComments(input.fieldComments) : r.fieldComments,
      decision: input.decision === 'approve' ? 'approved' : 'returned',
      feedback: feedback || null,
      decidedAt: new Date(),
    })
    .where(and(eq(libraryReviews.schoolId, r.schoolId), eq(libraryReviews.id, r.id)));
  if (input.decision === 'approve') {
    const updated = await setStatus(db, row, { status: 'published', publishedAt: new Date(), networkShared: input.toNetwork ?? row.networkShared });
    await addVersion(db, actor, updated, 'published');
    await audit({ action: 'library.published', resourceType: 'library_item', resourceId: row.id, summary: row.title, changes: { version: row.version, toNetwork: input.toNetwork ?? false } });
  } else {
    await addVersion(db, actor, row, 'returned');
    await setStatus(db, row, { status: 'returned', version: row.version + 1 });
    await audit({ action: 'library.returned', resourceType: 'library_item', resourceId: row.id, summary: row.title, changes: { version: row.version } });
  }
}
