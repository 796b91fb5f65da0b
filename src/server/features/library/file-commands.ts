import { and, eq, or } from 'drizzle-orm';
import { libraryCoauthors, libraryComments, libraryItemMaterials, libraryItems, libraryReviews, libraryVersions } from '../../db/schema/index';
import type { AppDeps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { ensureSpace, removeUnreferenced, type Upload } from '../../platform/files/index';
import type { Writer } from './commands';
import type { ItemRow } from './model';
import { libraryFiles } from './storage';

/** A command that changes files: besides the transaction, the work to do once it has committed (outside it). */
export type FileWriter = Writer & { deps: Pick<AppDeps, 'config' | 'database'>; afterCommit(fn: () => unknown): void };

/** After the commit: the files the change no longer refers to go, each only if no row refers to it. */
const removeAfterCommit = ({ deps, afterCommit }: FileWriter, schoolId: string, keys: (string | null)[]) => {
  const gone = keys.filter((k): k is string => k !== null);
  if (gone.length) afterCommit(() => removeUnreferenced(deps.database.db, deps.config, libraryFiles, schoolId, gone));
};

/**
 * Gives a material its (new) file. The upload waits in the incoming folder; only when the
 * transaction has committed is it moved into place and the file it replaces removed, so a failed
 * request leaves neither a new file nor a lost old one. The quota is checked again here with the
 * school's row locked, against the file's real size.
 */
export async function attachFile(w: FileWriter, row: ItemRow, upload: Upload): Promise<void> {
  const { db, audit, deps, afterCommit } = w;
  if (row.kind !== 'material') throw invalid([{ field: 'file', key: 'library.validation.file_only_material' }]);
  await ensureSpace(db, deps.config, row.schoolId, upload.size, row.fileKey ? (row.fileSize ?? 0) : 0);
  await db
    .update(libraryItems)
    .set({ fileKey: upload.key, fileName: upload.fileName, fileMime: upload.mime, fileSize: upload.size, updatedAt: new Date() })
    .where(and(eq(libraryItems.schoolId, row.schoolId), eq(libraryItems.id, row.id)));
  await audit({
    action: 'library.file_uploaded',
    resourceType: 'library_item',
    resourceId: row.id,
    summary: upload.fileName,
    changes: { mime: upload.mime, size: upload.size, sha256: upload.sha256, ...(row.fileName ? { replaced: row.fileName } : {}) },
  });
  afterCommit(() => upload.keep());
  removeAfterCommit(w, row.schoolId, [row.fileKey]);
}

/**
 * Deletes a draft with everything that hangs on it (co-authors, material links both ways,
 * versions, reviews, discussion); its file goes after the commit.
 */
export async function deleteItem(w: FileWriter, row: ItemRow): Promise<void> {
  const { db, audit } = w;
  const { schoolId, id } = row;
  await db.delete(libraryCoauthors).where(and(eq(libraryCoauthors.schoolId, schoolId), eq(libraryCoauthors.itemId, id)));
  await db
    .delete(libraryItemMaterials)
    .where(and(eq(libraryItemMaterials.schoolId, schoolId), or(eq(libraryItemMaterials.itemId, id), eq(libraryItemMaterials.materialId, id))));
  await db.delete(libraryVersions).where(and(eq(libraryVersions.schoolId, schoolId), eq(libraryVersions.itemId, id)));
  await db.delete(libraryReviews).where(and(eq(libraryReviews.schoolId, schoolId), eq(libraryReviews.itemId, id)));
  await db.delete(libraryComments).where(and(eq(libraryComments.schoolId, schoolId), eq(libraryComments.itemId, id)));
  await db.delete(libraryItems).where(and(eq(libraryItems.schoolId, schoolId), eq(libraryItems.id, id)));
  await audit({ action: 'library.deleted', resourceType: 'library_item', resourceId: row.id, summary: row.title, changes: { kind: row.kind, ...(row.fileName ? { file: row.fileName } : {}) } });
  removeAfterCommit(w, row.schoolId, [row.fileKey]);
}
