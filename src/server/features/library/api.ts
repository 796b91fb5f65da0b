/**
 * What the library offers outside the feature: the demo seed writes library items with the same
 * sanitising and search text.
 */
export { fieldsTextOf } from './model';
export { cleanHtml } from './sanitize';
export { cleanRichAll, cleanText, RICH_TEXT } from './sanitize';
/** A restored school's rich text is sanitised again (features/school/restore.ts). */
export { recleanStoredFields } from './reclean';
