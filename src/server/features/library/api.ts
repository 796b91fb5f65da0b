/**
 * What the library offers outside the feature: the demo seed writes library items with the same
 * sanitising and search text; the school's settings show the storage its files take against its quota.
 */
export { fieldsTextOf } from './model';
export { cleanHtml } from './sanitize';
export { cleanRichAll, cleanText, RICH_TEXT } from './sanitize';
export { storageOf } from '../../platform/files/index';
/** The school's export and restore read and write the stored files by their key (features/school/export.ts, restore.ts). */
export { openStoredFile, storedPath } from '../../platform/files/index';
/** A restored school's rich text is sanitised again (features/school/restore.ts). */
export { recleanStoredFields } from './reclean';
