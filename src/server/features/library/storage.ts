import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { libraryItems } from '../../db/schema/index';
import { type Accept, defineFileOwner } from '../../platform/files/index';

/**
 * The library's files in the platform's storage (docs/library.md, "Files"): a material's file is
 * "<school>/<uuid>", its key in library_items.file_key and its size in file_size.
 */
export const libraryFiles = defineFileOwner({
  feature: 'library',
  folder: '',
  usedBytes: async (exec, schoolId) => {
    const [row] = await exec
      .select({ used: sql<string | number | null>`sum(${libraryItems.fileSize})` })
      .from(libraryItems)
      .where(and(eq(libraryItems.schoolId, schoolId), isNotNull(libraryItems.fileKey)));
    return Number(row?.used ?? 0);
  },
  referenced: async (exec, schoolId, keys) => {
    const rows = await exec
      .selectDistinct({ key: libraryItems.fileKey })
      .from(libraryItems)
      .where(and(eq(libraryItems.schoolId, schoolId), keys ? inArray(libraryItems.fileKey, [...keys]) : isNotNull(libraryItems.fileKey)));
    return new Set(rows.flatMap((r) => (r.key ? [r.key] : [])));
  },
});

/** What may be uploaded to the library, by content: documents, images, audio, video, zip, and plain text. */
export const libraryAccept: Accept = {
  text: true,
  mimes: new Set([
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.oasis.opendocument.text',
    'application/vnd.oasis.opendocument.presentation',
    'application/vnd.oasis.opendocument.spreadsheet',
    'image/png',
    'image/jpeg',
    'image/gif',
    'image/webp',
    'video/mp4',
    'video/webm',
    'audio/mpeg',
    'application/zip',
  ]),
};
