import { and, asc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import { libraryCoauthors, libraryComments, libraryItemMaterials, libraryItems, libraryReviews, libraryVersions, people } from '../../db/schema/index';
import type { ErasureContext, ErasureReport, PersonalDataHooks } from '../../platform/feature';
import { removeUnreferenced } from '../../platform/files/index';
import { libraryFiles } from './storage';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** What the library holds about a person: what they wrote (alone or with others), their comments and their reviews. */
async function exportLibrary(exec: Executor, schoolId: string, personId: string): Promise<Record<string, unknown>> {
  const authored = await exec
    .select()
    .from(libraryItems)
    .where(and(eq(libraryItems.schoolId, schoolId), eq(libraryItems.authorId, personId)))
    .orderBy(asc(libraryItems.createdAt));
  const coAuthored = await exec
    .select({ title: libraryItems.title, kind: libraryItems.kind, status: libraryItems.status })
    .from(libraryCoauthors)
    .innerJoin(libraryItems, and(eq(libraryItems.schoolId, libraryCoauthors.schoolId), eq(libraryItems.id, libraryCoauthors.itemId)))
    .where(and(eq(libraryCoauthors.schoolId, schoolId), eq(libraryCoauthors.personId, personId)));
  const comments = await exec
    .select({ title: libraryItems.title, body: libraryComments.body, createdAt: libraryComments.createdAt })
    .from(libraryComments)
    .innerJoin(libraryItems, and(eq(libraryItems.schoolId, libraryComments.schoolId), eq(libraryItems.id, libraryComments.itemId)))
    .where(and(eq(libraryComments.schoolId, schoolId), eq(libraryComments.authorId, personId)))
    .orderBy(asc(libraryComments.createdAt));
  const reviews = await exec
    .select({ title: libraryItems.title, r: libraryReviews })
    .from(libraryReviews)
    .innerJoin(libraryItems, and(eq(libraryItems.schoolId, libraryReviews.schoolId), eq(libraryItems.id, libraryReviews.itemId)))
    .where(and(eq(libraryReviews.schoolId, schoolId), eq(libraryReviews.reviewerId, personId)))
    .orderBy(asc(libraryReviews.createdAt));
  return {
    itemsAuthored: authored.map((i) => ({
      title: i.title,
      kind: i.kind,
      status: i.status,
      summary: i.summary,
      fileName: i.fileName,
      url: i.url,
      sharedWithNetwork: i.networkShared,
      createdAt: iso(i.createdAt),
      updatedAt: iso(i.updatedAt),
      publishedAt: iso(i.publishedAt),
    })),
    itemsCoAuthored: coAuthored,
    comments: comments.map((c) => ({ item: c.title, body: c.body, createdAt: iso(c.createdAt) })),
    reviews: reviews.map(({ title, r }) => ({ item: title, version: r.version, decision: r.decision, feedback: r.feedback, fieldComments: r.fieldComments, createdAt: iso(r.createdAt), decidedAt: iso(r.decidedAt) })),
  };
}

/** Deletes unpublished items nobody else works on, with everything that hangs on them; returns their file keys. */
async function deleteItems(tx: Executor, schoolId: string, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const files = await tx
    .select({ key: libraryItems.fileKey })
    .from(libraryItems)
    .where(and(eq(libraryItems.schoolId, schoolId), inArray(libraryItems.id, ids)));
  await tx.delete(libraryCoauthors).where(and(eq(libraryCoauthors.schoolId, schoolId), inArray(libraryCoauthors.itemId, ids)));
  await tx
    .delete(libraryItemMaterials)
    .where(and(eq(libraryItemMaterials.schoolId, schoolId), or(inArray(libraryItemMaterials.itemId, ids), inArray(libraryItemMaterials.materialId, ids))));
  await tx.delete(libraryVersions).where(and(eq(libraryVersions.schoolId, schoolId), inArray(libraryVersions.itemId, ids)));
  await tx.delete(libraryReviews).where(and(eq(libraryReviews.schoolId, schoolId), inArray(libraryReviews.itemId, ids)));
  await tx.delete(libraryComments).where(and(eq(libraryComments.schoolId, schoolId), inArray(libraryComments.itemId, ids)));
  await tx.delete(libraryItems).where(and(eq(libraryItems.schoolId, schoolId), inArray(libraryItems.id, ids)));
  return files.flatMap((f) => (f.key ? [f.key] : []));
}

/**
 * The library's rules (docs/PRIVACY.md): what the person published stays, with the author shown by
 * the former-employee name (the person's row is anonymised, and the name copied into items adapted
 * from theirs is replaced); their unpublished items (drafts, shared with a team, in review, sent
 * back) go with their versions, reviews, discussion and files, unless a co-author works on them
 * too, who then becomes the author. Comments and decided reviews stay under the anonymised name; a
 * review they had taken but not decided is dropped and the item goes back to the queue.
 */
async function eraseLibrary(tx: Executor, schoolId: string, personId: string, { subject, deps, afterCommit }: ErasureContext): Promise<ErasureReport> {
  const unpublished = await tx
    .select({ id: libraryItems.id })
    .from(libraryItems)
    .where(and(eq(libraryItems.schoolId, schoolId), eq(libraryItems.authorId, personId), ne(libraryItems.status, 'published')));
  const toDelete: string[] = [];
  let handedOver = 0;
  for (const { id } of unpublished) {
    const [heir] = await tx
      .select({ personId: libraryCoauthors.personId })
      .from(libraryCoauthors)
      .innerJoin(people, and(eq(people.schoolId, libraryCoauthors.schoolId), eq(people.id, libraryCoauthors.personId)))
      .where(and(eq(libraryCoauthors.schoolId, schoolId), eq(libraryCoauthors.itemId, id), ne(libraryCoauthors.personId, personId), isNull(people.erasedAt)))
      .orderBy(asc(people.name))
      .limit(1);
    if (!heir) {
      toDelete.push(id);
      continue;
    }
    await tx.update(libraryItems).set({ authorId: heir.personId }).where(and(eq(libraryItems.schoolId, schoolId), eq(libraryItems.id, id)));
    await tx.delete(libraryCoauthors).where(and(eq(libraryCoauthors.schoolId, schoolId), eq(libraryCoauthors.itemId, id), eq(libraryCoauthors.personId, heir.personId)));
    handedOver++;
  }
  const files = await deleteItems(tx, schoolId, toDelete);
  if (files.length) afterCommit(() => removeUnreferenced(deps.database.db, deps.config, libraryFiles, schoolId, files));

  const openReviews = await tx
    .delete(libraryReviews)
    .where(and(eq(libraryReviews.schoolId, schoolId), eq(libraryReviews.reviewerId, personId), isNull(libraryReviews.decidedAt)))
    .returning({ id: libraryReviews.id });
  await tx
    .update(libraryItems)
    .set({ status: 'submitted', reviewerId: null })
    .where(and(eq(libraryItems.schoolId, schoolId), eq(libraryItems.reviewerId, personId), eq(libraryItems.status, 'in_review')));

  const published = await tx
    .select({ id: libraryItems.id })
    .from(libraryItems)
    .where(and(eq(libraryItems.schoolId, schoolId), eq(libraryItems.authorId, personId)));
  // Items other schools adapted from theirs carry the author's name as a copy.
  if (published.length) {
    await tx
      .update(libraryItems)
      .set({ adaptedFromAuthorName: subject.formerName })
      .where(and(eq(libraryItems.adaptedFromSchoolId, schoolId), inArray(libraryItems.adaptedFromId, published.map((p) => p.id))));
  }
  const [kept] = await rawQuery<{ comments: number; reviews: number; coauthorships: number }>(
    tx,
    sql`select (select count(*)::int from library_comments where school_id = ${schoolId} and author_id = ${personId}) comments,
               (select count(*)::int from library_reviews where school_id = ${schoolId} and reviewer_id = ${personId}) reviews,
               (select count(*)::int from library_coauthors where school_id = ${schoolId} and person_id = ${personId}) coauthorships`,
  );
  return {
    deleted: { items: toDelete.length, openReviews: openReviews.length },
    anonymised: {
      itemsPublished: published.length,
      itemsHandedOver: handedOver,
      comments: kept?.comments ?? 0,
      reviews: kept?.reviews ?? 0,
      coAuthorships: kept?.coauthorships ?? 0,
    },
  };
}

export const libraryPersonalData: PersonalDataHooks = { export: exportLibrary, erase: eraseLibrary };
