import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import { glossaryTerms, libraryComments, libraryItemMaterials, libraryItems, libraryReviews, librarySettings, libraryVersions, people, programmes, schools } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import { notFound } from '../../platform/errors';
import { isStaffPerson } from '../people/api';
import { RELATION_FIELDS, snapshotOf, type ItemRow } from './model';
import type { Status } from './policy';

const DEFAULT_CRITERIA = [
  'Det pædagogiske formål er tydeligt (pædagogik før teknik)',
  'Målene er klare og kan vurderes',
  'Læreprocesserne passer til elevernes forudsætninger',
  'Materialerne er tilgængelige og licensen er angivet',
  'Forløbet kan gennemføres inden for rammefaktorerne',
];

export type LibrarySettings = { requiredFields: string[]; criteria: string[] };

/** The school's quality criteria and required relation-model fields (the defaults until the editorial group sets them). */
export async function settingsOf(exec: Executor, schoolId: string): Promise<LibrarySettings> {
  const [row] = await exec.select().from(librarySettings).where(eq(librarySettings.schoolId, schoolId));
  return row ? { requiredFields: row.requiredFields, criteria: row.criteria } : { requiredFields: [...RELATION_FIELDS], criteria: DEFAULT_CRITERIA };
}

export async function personName(exec: Executor, schoolId: string, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [p] = await exec.select({ name: people.name }).from(people).where(and(eq(people.schoolId, schoolId), eq(people.id, id)));
  return p?.name ?? null;
}

export async function peopleNamed(exec: Executor, schoolId: string, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (!ids.length) return [];
  return exec
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.schoolId, schoolId), inArray(people.id, ids)))
    .orderBy(asc(people.name));
}

export async function programmeName(exec: Executor, schoolId: string, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [p] = await exec.select({ name: programmes.name }).from(programmes).where(and(eq(programmes.schoolId, schoolId), eq(programmes.id, id)));
  return p?.name ?? null;
}

/** A forløb's linked materials, in their order, with what decides whether the reader may see each. */
export function linkedMaterials(exec: Executor, schoolId: string, itemId: string) {
  return exec
    .select({ id: libraryItems.id, title: libraryItems.title, materialType: libraryItems.materialType, status: libraryItems.status, authorId: libraryItems.authorId })
    .from(libraryItemMaterials)
    .innerJoin(libraryItems, and(eq(libraryItems.schoolId, libraryItemMaterials.schoolId), eq(libraryItems.id, libraryItemMaterials.materialId)))
    .where(and(eq(libraryItemMaterials.schoolId, schoolId), eq(libraryItemMaterials.itemId, itemId)))
    .orderBy(asc(libraryItemMaterials.position));
}

export function glossaryOf(exec: Executor, schoolId: string) {
  return exec.select({ id: glossaryTerms.id, term: glossaryTerms.term, definition: glossaryTerms.definition }).from(glossaryTerms).where(eq(glossaryTerms.schoolId, schoolId));
}

/** Adaptations of an item, in any school (adapters keep a reference to the original's school and id). */
export function adaptationsOf(exec: Executor, schoolId: string, itemId: string) {
  return exec
    .select({ id: libraryItems.id, title: libraryItems.title, status: libraryItems.status, schoolId: libraryItems.schoolId, schoolName: schools.name, authorName: people.name })
    .from(libraryItems)
    .innerJoin(schools, eq(schools.id, libraryItems.schoolId))
    .innerJoin(people, and(eq(people.schoolId, libraryItems.schoolId), eq(people.id, libraryItems.authorId)))
    .where(and(eq(libraryItems.adaptedFromSchoolId, schoolId), eq(libraryItems.adaptedFromId, itemId)))
    .orderBy(asc(libraryItems.createdAt));
}

/** An item's reviews, newest first. */
export function reviewsOf(exec: Executor, schoolId: string, itemId: string) {
  return exec
    .select({
      id: libraryReviews.id,
      version: libraryReviews.version,
      reviewerName: people.name,
      checklist: libraryReviews.checklist,
      fieldComments: libraryReviews.fieldComments,
      decision: libraryReviews.decision,
      feedback: libraryReviews.feedback,
      decidedAt: libraryReviews.decidedAt,
    })
    .from(libraryReviews)
    .innerJoin(people, and(eq(people.schoolId, libraryReviews.schoolId), eq(people.id, libraryReviews.reviewerId)))
    .where(and(eq(libraryReviews.schoolId, schoolId), eq(libraryReviews.itemId, itemId)))
    .orderBy(desc(libraryReviews.createdAt));
}

/** The kept versions of an item, oldest first. */
export async function versionsOf(exec: Executor, row: ItemRow) {
  const versions = await exec
    .select({ id: libraryVersions.id, version: libraryVersions.version, event: libraryVersions.event, createdAt: libraryVersions.createdAt, by: people.name })
    .from(libraryVersions)
    .innerJoin(people, and(eq(people.schoolId, libraryVersions.schoolId), eq(people.id, libraryVersions.createdBy)))
    .where(and(eq(libraryVersions.schoolId, row.schoolId), eq(libraryVersions.itemId, row.id)))
    .orderBy(asc(libraryVersions.createdAt));
  return { current: row.version, status: row.status as Status, versions };
}

/** A kept version's snapshot, or the item as it is now ('current'). */
export async function snapshotAt(exec: Executor, row: ItemRow, versionId: string): Promise<Record<string, unknown>> {
  if (versionId === 'current') return snapshotOf(exec, row);
  const [v] = await exec
    .select({ snapshot: libraryVersions.snapshot })
    .from(libraryVersions)
    .where(and(eq(libraryVersions.schoolId, row.schoolId), eq(libraryVersions.itemId, row.id), eq(libraryVersions.id, versionId)));
  if (!v) throw notFound();
  return v.snapshot;
}

/** The discussion thread of an item, oldest first. */
export function commentsOf(exec: Executor, row: ItemRow) {
  return exec
    .select({ id: libraryComments.id, body: libraryComments.body, createdAt: libraryComments.createdAt, authorName: people.name, authorId: people.id })
    .from(libraryComments)
    .innerJoin(people, and(eq(people.schoolId, libraryComments.schoolId), eq(people.id, libraryComments.authorId)))
    .where(and(eq(libraryComments.schoolId, row.schoolId), eq(libraryComments.itemId, row.id)))
    .orderBy(asc(libraryComments.createdAt));
}

/** Colleagues to invite as co-authors: active staff of the school (no students or company supervisors) other than the reader, by name (names only). */
export function colleaguesOf(exec: Executor, actor: SchoolActor, q: string | undefined): Promise<{ id: string; name: string }[]> {
  const like = q ? `%${q.toLowerCase()}%` : '%';
  return rawQuery<{ id: string; name: string }>(
    exec,
    sql`select id, name from people where school_id = ${actor.school.id} and active and ${isStaffPerson} and id <> ${actor.person.id} and lower(name) like ${like} order by name limit 20`,
  );
}

/** The glossary, alphabetically. */
export function glossaryTermsOf(exec: Executor, schoolId: string) {
  return exec.select().from(glossaryTerms).where(eq(glossaryTerms.schoolId, schoolId)).orderBy(asc(sql`lower(${glossaryTerms.term})`));
}
