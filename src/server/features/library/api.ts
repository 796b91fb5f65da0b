/** What the library offers outside the feature (the demo seed writes library items with the same sanitising and search text). */
export { fieldsTextOf } from './model';
export { cleanHtml } from './sanitize';
