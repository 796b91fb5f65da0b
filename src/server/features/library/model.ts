import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { LICENCES, MATERIAL_TYPES, RELATION_FIELDS, TAG_GROUPS } from '../../../shared/api/library';
import type { Executor } from '../../db/client';
import { rawQuery } from '../../db/raw';
import { libraryCoauthors, libraryItemMaterials, libraryItems, people, personTeams, type RelationFields } from '../../db/schema/index';
import type { Actor, SchoolActor } from '../../platform/actor';
import { invalid, type FieldError } from '../../platform/errors';
import { loadScoped } from '../../platform/loader';
import { staffAmong } from '../people/api';
import type { LibraryItemResource, Status } from './policy';
import { cleanRichAll, cleanText, RICH_TEXT, textsOf } from './sanitize';

export { LICENCES, MATERIAL_TYPES, RELATION_FIELDS, TAG_GROUPS };
export type RelationField = (typeof RELATION_FIELDS)[number];
/** Fields the editorial group can lock for adapters. */
export const LOCKABLE = ['title', 'summary', 'subject', 'duration', 'lmsUrl', ...RELATION_FIELDS] as const;

const ZHttpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(s), { error: 'validation.http_url' });
const ZRich = z.string().max(RICH_TEXT.maxChars);
const ZTagList = z.array(z.string().trim().min(1).max(60)).max(20);

export const ZItemInput = z.strictObject({
  title: z.string().trim().min(1).max(200),
  summary: z.string().max(5000).optional(),
  programmeId: z.uuid().nullable().optional(),
  subject: z.string().trim().max(200).nullable().optional(),
  duration: z.string().trim().max(100).nullable().optional(),
  fields: z.strictObject(Object.fromEntries(RELATION_FIELDS.map((f) => [f, ZRich.optional()])) as Record<RelationField, z.ZodOptional<typeof ZRich>>).optional(),
  lmsUrl: ZHttpUrl.nullable().optional(),
  materialType: z.enum(MATERIAL_TYPES).nullable().optional(),
  url: ZHttpUrl.nullable().optional(),
  tags: z.strictObject(Object.fromEntries(TAG_GROUPS.map((g) => [g, ZTagList.optional()])) as Record<(typeof TAG_GROUPS)[number], z.ZodOptional<typeof ZTagList>>).optional(),
  licence: z.enum(LICENCES).optional(),
  language: z.enum(['da', 'en']).optional(),
  coAuthorIds: z.array(z.uuid()).max(20).optional(),
  materialIds: z.array(z.uuid()).max(100).optional(),
});
export const ZCreateItem = ZItemInput.extend({ kind: z.enum(['forlob', 'material']) }).strict();
export const ZPatchItem = ZItemInput.partial().strict();
export type TItemInput = z.infer<typeof ZPatchItem>;

export type ItemRow = typeof libraryItems.$inferSelect;

/** Loads an item inside the actor's school with what the policy needs. */
export async function loadItem(exec: Executor, actor: Actor, id: string): Promise<{ row: ItemRow; resource: LibraryItemResource }> {
  const row = await loadScoped(exec, actor, libraryItems, id);
  return { row, resource: await resourceOf(exec, row) };
}

/** A route's `load` for /…/:id: the item of the actor's school (404 alike for missing and foreign). */
export const loadIt = ({ db, actor, params }: { db: Executor; actor: Actor; params: { id: string } }) => loadItem(db, actor, params.id);
/** A route's `policyResource` for what loadIt found. */
export const itemResource = (it: { resource: LibraryItemResource }) => it.resource;

export async function resourceOf(exec: Executor, row: ItemRow): Promise<LibraryItemResource> {
  const co = await exec
    .select({ personId: libraryCoauthors.personId })
    .from(libraryCoauthors)
    .where(and(eq(libraryCoauthors.schoolId, row.schoolId), eq(libraryCoauthors.itemId, row.id)));
  const coAuthorIds = co.map((c) => c.personId);
  let teamIds: string[] = [];
  if (row.status === 'team') {
    const rows = await rawQuery<{ person_id: string }>(exec, sql`
      select distinct b.person_id from ${personTeams} a join ${personTeams} b on b.school_id = a.school_id and b.team_id = a.team_id
      where a.school_id = ${row.schoolId} and a.person_id in (${sql.join([row.authorId, ...coAuthorIds].map((p) => sql`${p}`), sql`, `)})`);
    teamIds = rows.map((r) => r.person_id);
  }
  return { kind: 'libraryItem', status: row.status as Status, authorId: row.authorId, coAuthorIds, teamIds, reviewerId: row.reviewerId, licence: row.licence };
}

/** Sanitises and normalises the editable values of an input; validates references inside the school. */
export async function valuesOf(exec: Executor, actor: SchoolActor, input: TItemInput, kind: string): Promise<Partial<ItemRow>> {
  const v: Partial<ItemRow> = {};
  if (input.title !== undefined) {
    v.title = cleanText(input.title);
    if (!v.title) throw invalid([{ field: 'title', key: 'validation.required' }]);
  }
  if (input.summary !== undefined) v.summary = cleanText(input.summary);
  if (input.subject !== undefined) v.subject = input.subject === null ? null : cleanText(input.subject) || null;
  if (input.duration !== undefined) v.duration = input.duration === null ? null : cleanText(input.duration) || null;
  if (input.lmsUrl !== undefined) v.lmsUrl = input.lmsUrl;
  if (input.url !== undefined) v.url = input.url;
  if (input.licence !== undefined) v.licence = input.licence;
  if (input.language !== undefined) v.language = input.language;
  if (input.materialType !== undefined) v.materialType = kind === 'material' ? input.materialType : null;
  if (input.tags !== undefined) {
    v.tags = Object.fromEntries(
      Object.entries(input.tags)
        .filter(([, list]) => list && list.length)
        .map(([g, list]) => [g, [...new Set((list ?? []).map(cleanText).filter(Boolean))]]),
    );
  }
  if (input.fields !== undefined) v.fields = await cleanFields(input.fields);
  if (input.programmeId) {
    const found = await rawQuery(exec, sql`select 1 from programmes where school_id = ${actor.school.id} and id = ${input.programmeId}`);
    if (!found.length) throw invalid([{ field: 'programmeId', key: 'library.validation.unknown_programme' }]);
  }
  if (input.programmeId !== undefined) v.programmeId = input.programmeId;
  return v;
}

/**
 * The relation-model fields sanitised (off the event loop when they are large, sanitize.ts): a field
 * nested deeper than RICH_TEXT.maxDepth, or longer than RICH_TEXT.maxStoredChars once sanitised, is
 * a 422 naming it; a body the worker gives up on is a 422 naming the fields.
 */
async function cleanFields(input: Partial<Record<RelationField, string>>): Promise<RelationFields> {
  const names = RELATION_FIELDS.filter((f) => input[f] !== undefined);
  const cleaned = await cleanRichAll(names.map((f) => input[f] ?? ''));
  if (!cleaned) throw invalid([{ field: 'fields', key: 'validation.too_complex' }]);
  const fields: RelationFields = {};
  const refused: FieldError[] = [];
  names.forEach((f, i) => {
    const c = cleaned[i];
    if (!c) return;
    if ('html' in c) fields[f] = c.html;
    else if (c.problem === 'too_deep') refused.push({ field: `fields.${f}`, key: 'validation.too_deep', vars: { max: RICH_TEXT.maxDepth } });
    else refused.push({ field: `fields.${f}`, key: 'validation.too_long', vars: { max: RICH_TEXT.maxChars } });
  });
  if (refused.length) throw invalid(refused);
  return fields;
}

/** The fields' plain text for search (off the event loop when they are large). */
export async function fieldsTextOf(fields: RelationFields, extra = ''): Promise<string> {
  const texts = await textsOf(RELATION_FIELDS.map((f) => fields[f] ?? ''));
  if (!texts) throw invalid([{ field: 'fields', key: 'validation.too_complex' }]);
  return [extra, ...texts].filter(Boolean).join(' \n ');
}

export async function setCoauthors(exec: Executor, schoolId: string, itemId: string, authorId: string, ids: string[]): Promise<void> {
  const wanted = [...new Set(ids)].filter((id) => id !== authorId);
  if (wanted.length) {
    const found = await exec.select({ id: people.id }).from(people).where(and(eq(people.schoolId, schoolId), inArray(people.id, wanted), eq(people.active, true)));
    if (found.length !== wanted.length) throw invalid([{ field: 'coAuthorIds', key: 'library.validation.unknown_person' }]);
    // co-authors write the school's teaching material: staff only, as the picker offers
    const staff = await staffAmong(exec, schoolId, wanted);
    if (staff.size !== wanted.length) throw invalid([{ field: 'coAuthorIds', key: 'validation.not_staff' }]);
  }
  await exec.delete(libraryCoauthors).where(and(eq(libraryCoauthors.schoolId, schoolId), eq(libraryCoauthors.itemId, itemId)));
  if (wanted.length) await exec.insert(libraryCoauthors).values(wanted.map((personId) => ({ schoolId, itemId, personId })));
}

export async function setMaterials(exec: Executor, schoolId: string, itemId: string, ids: string[]): Promise<void> {
  const wanted = [...new Set(ids)].filter((id) => id !== itemId);
  if (wanted.length) {
    const found = await exec
      .select({ id: libraryItems.id })
      .from(libraryItems)
      .where(and(eq(libraryItems.schoolId, schoolId), inArray(libraryItems.id, wanted), eq(libraryItems.kind, 'material')));
    if (found.length !== wanted.length) throw invalid([{ field: 'materialIds', key: 'library.validation.unknown_material' }]);
  }
  await exec.delete(libraryItemMaterials).where(and(eq(libraryItemMaterials.schoolId, schoolId), eq(libraryItemMaterials.itemId, itemId)));
  if (wanted.length) await exec.insert(libraryItemMaterials).values(wanted.map((materialId, position) => ({ schoolId, itemId, materialId, position })));
}

export async function materialIdsOf(exec: Executor, schoolId: string, itemId: string): Promise<string[]> {
  const rows = await exec
    .select({ id: libraryItemMaterials.materialId })
    .from(libraryItemMaterials)
    .where(and(eq(libraryItemMaterials.schoolId, schoolId), eq(libraryItemMaterials.itemId, itemId)))
    .orderBy(asc(libraryItemMaterials.position));
  return rows.map((r) => r.id);
}

/** The version snapshot: every field a reader can compare. */
export async function snapshotOf(exec: Executor, row: ItemRow): Promise<Record<string, unknown>> {
  return {
    title: row.title,
    summary: row.summary,
    programmeId: row.programmeId,
    subject: row.subject,
    duration: row.duration,
    ...Object.fromEntries(RELATION_FIELDS.map((f) => [f, row.fields[f] ?? ''])),
    lmsUrl: row.lmsUrl,
    materialType: row.materialType,
    url: row.url,
    fileName: row.fileName,
    tags: row.tags,
    licence: row.licence,
    language: row.language,
    materialIds: await materialIdsOf(exec, row.schoolId, row.id),
  };
}

/** A field-by-field diff of two snapshots. */
export function diffSnapshots(a: Record<string, unknown>, b: Record<string, unknown>): { field: string; before: unknown; after: unknown }[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((k) => JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null)).map((k) => ({ field: k, before: a[k] ?? null, after: b[k] ?? null }));
}
