/**
 * What the library offers outside the feature: the demo seed writes library items with the same
 * sanitising and search text; the school's settings show the storage its files take against its quota.
 */
export { fieldsTextOf } from './model';
export { cleanHtml } from './sanitize';
export { storageOf } from './quota';
