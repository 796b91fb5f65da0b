import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../db/client';
import { libraryComments, libraryItems, librarySettings } from '../../db/schema/index';
import type { SchoolActor } from '../../platform/actor';
import type { AuditEntry } from '../../platform/audit';
import { AppError, forbidden, invalid } from '../../platform/errors';
import { fieldsTextOf, materialIdsOf, RELATION_FIELDS, setCoauthors, setMaterials, valuesOf, type ItemRow, type RelationField, type ZCreateItem, type ZPatchItem } from './model';
import { OPEN_LICENCES } from './policy';
import { personName, type LibrarySettings } from './queries';
import { cleanText } from './sanitize';

/**
 * What every library command takes: the route's transaction, the actor and the route's audit
 * writer (the kernel requires the audit event to go through it). A route hands its context over as is.
 */
export type Writer = { db: Executor; actor: SchoolActor; audit: (entry: AuditEntry) => Promise<void> };

/** A private draft (forløb or material) of the actor. */
export async function createItem({ db, actor, audit }: Writer, input: z.output<typeof ZCreateItem>): Promise<ItemRow> {
  const { kind, coAuthorIds, materialIds, ...rest } = input;
  const values = await valuesOf(db, actor, rest, kind);
  const fields = values.fields ?? {};
  const [created] = await db
    .insert(libraryItems)
    .values({ ...values, title: values.title ?? '', schoolId: actor.school.id, kind, authorId: actor.person.id, fields, fieldsText: await fieldsTextOf(fields) })
    .returning();
  if (!created) throw new Error('insert returned nothing');
  if (coAuthorIds) await setCoauthors(db, actor.school.id, created.id, actor.person.id, coAuthorIds);
  if (materialIds && kind === 'forlob') await setMaterials(db, actor.school.id, created.id, materialIds);
  await audit({ action: 'library.created', resourceType: 'library_item', resourceId: created.id, summary: created.title, changes: { kind } });
  return created;
}

/** Fields the editorial group locked on the original that an adaptation's edit would change. */
function lockedChanges(row: ItemRow, values: Partial<ItemRow>): { field: string; key: string }[] {
  const locked: { field: string; key: string }[] = [];
  for (const f of row.lockedFields) {
    if ((RELATION_FIELDS as readonly string[]).includes(f)) {
      const next = values.fields?.[f as RelationField];
      if (next !== undefined && next !== (row.fields[f as RelationField] ?? '')) locked.push({ field: `fields.${f}`, key: 'library.validation.field_locked' });
    } else if (f in values && JSON.stringify((values as Record<string, unknown>)[f]) !== JSON.stringify((row as Record<string, unknown>)[f])) {
      locked.push({ field: f, key: 'library.validation.field_locked' });
    }
  }
  return locked;
}

/** Edits a draft; only the author changes the co-authors. */
export async function updateItem({ db, actor, audit }: Writer, row: ItemRow, input: z.output<typeof ZPatchItem>): Promise<void> {
  const { coAuthorIds, materialIds, ...rest } = input;
  const values = await valuesOf(db, actor, rest, row.kind);
  const locked = lockedChanges(row, values);
  if (locked.length) throw new AppError(422, 'field_locked', { fields: locked });
  const fields = values.fields ? { ...row.fields, ...values.fields } : row.fields;
  await db
    .update(libraryItems)
    .set({ ...values, fields, fieldsText: await fieldsTextOf(fields), updatedAt: new Date() })
    .where(and(eq(libraryItems.schoolId, row.schoolId), eq(libraryItems.id, row.id)));
  if (coAuthorIds) {
    if (row.authorId !== actor.person.id) throw forbidden();
    await setCoauthors(db, actor.school.id, row.id, row.authorId, coAuthorIds);
  }
  if (materialIds && row.kind === 'forlob') await setMaterials(db, actor.school.id, row.id, materialIds);
  await audit({ action: 'library.updated', resourceType: 'library_item', resourceId: row.id, summary: values.title ?? row.title, changes: { fields: Object.keys(input) } });
}

/** A copy of an item (of the actor's school or shared by another school of the network) as the actor's new draft, keeping "Tilpasset fra …". */
export async function adaptInto({ db, actor, audit }: Writer, source: ItemRow, sourceSchoolName: string): Promise<ItemRow> {
  const sameSchool = source.schoolId === actor.school.id;
  const [created] = await db
    .insert(libraryItems)
    .values({
      schoolId: actor.school.id,
      kind: source.kind,
      authorId: actor.person.id,
      title: source.title,
      summary: source.summary,
      programmeId: sameSchool ? source.programmeId : null,
      subject: source.subject,
      duration: source.duration,
      fields: source.fields,
      fieldsText: source.fieldsText,
      lmsUrl: source.lmsUrl,
      materialType: source.materialType,
      url: source.url,
      tags: source.tags,
      licence: source.licence,
      language: source.language,
      lockedFields: source.lockedFields,
      adaptedFromSchoolId: source.schoolId,
      adaptedFromId: source.id,
      adaptedFromTitle: source.title,
      adaptedFromSchoolName: sourceSchoolName,
      adaptedFromAuthorName: await personName(db, source.schoolId, source.authorId),
    })
    .returning();
  if (!created) throw new Error('insert returned nothing');
  if (sameSchool) await setMaterials(db, actor.school.id, created.id, await materialIdsOf(db, source.schoolId, source.id));
  await audit({ action: 'library.adapted', resourceType: 'library_item', resourceId: created.id, summary: created.title, changes: { from: source.id, fromSchool: source.schoolId } });
  return created;
}

/** The fields adapters may not change. */
export async function setLocks({ db, audit }: Writer, row: ItemRow, fields: string[]): Promise<void> {
  await db.update(libraryItems).set({ lockedFields: [...new Set(fields)] }).where(and(eq(libraryItems.schoolId, row.schoolId), eq(libraryItems.id, row.id)));
  await audit({ action: 'library.locks_set', resourceType: 'library_item', resourceId: row.id, summary: row.title, changes: { fields } });
}

/** Shares a published item with the network's library (open licence only), or stops sharing it. */
export async function setNetworkShared({ db, audit }: Writer, row: ItemRow, shared: boolean): Promise<void> {
  if (shared && !OPEN_LICENCES.includes(row.licence)) throw new AppError(422, 'licence_not_open', { fields: [{ field: 'shared', key: 'library.validation.licence_not_open' }] });
  await db.update(libraryItems).set({ networkShared: shared }).where(and(eq(libraryItems.schoolId, row.schoolId), eq(libraryItems.id, row.id)));
  await audit({ action: shared ? 'library.network_shared' : 'library.network_unshared', resourceType: 'library_item', resourceId: row.id, summary: row.title });
}

/** Adds to an item's discussion. */
export async function addComment({ db, actor, audit }: Writer, row: ItemRow, text: string) {
  const body = cleanText(text);
  if (!body) throw invalid([{ field: 'body', key: 'validation.required' }]);
  const [c] = await db.insert(libraryComments).values({ schoolId: row.schoolId, itemId: row.id, authorId: actor.person.id, body }).returning();
  if (!c) throw new Error('insert returned nothing');
  await audit({ action: 'library.commented', resourceType: 'library_item', resourceId: row.id, summary: row.title });
  return { id: c.id, body, createdAt: c.createdAt, authorName: actor.person.name, authorId: actor.person.id };
}

/** The editorial group sets the quality criteria and the required relation-model fields. */
export async function saveSettings({ db, actor, audit }: Writer, input: LibrarySettings): Promise<LibrarySettings> {
  const values = { requiredFields: [...new Set(input.requiredFields)], criteria: input.criteria.map(cleanText).filter(Boolean) };
  if (!values.criteria.length) throw invalid([{ field: 'criteria', key: 'validation.required' }]);
  await db
    .insert(librarySettings)
    .values({ schoolId: actor.school.id, ...values })
    .onConflictDoUpdate({ target: librarySettings.schoolId, set: { ...values, updatedAt: new Date() } });
  await audit({ action: 'library.settings_updated', resourceType: 'library_settings', resourceId: actor.school.id, changes: values });
  return values;
}
