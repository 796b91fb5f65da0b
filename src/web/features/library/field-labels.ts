import { RELATION_FIELDS } from '../../../shared/api/library';

/**
 * The label of every field of a forløb or material that the server names by its key: in a
 * review's comments ("general" is the comment on the whole), a spell check's findings, the
 * changes between two versions and the fields locked for adaptation. A key missing here would
 * show the author a raw i18n key such as "fields.general".
 */
export const FIELD_LABEL_KEYS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(RELATION_FIELDS.map((f) => [f, `library.relation.${f}`])),
  general: 'library.review.general',
  title: 'library.form.title',
  summary: 'library.form.summary',
  subject: 'library.form.subject',
  duration: 'library.form.duration',
  programmeId: 'library.form.programme',
  lmsUrl: 'fields.lmsUrl',
  url: 'fields.url',
  materialType: 'library.form.materialType',
  fileName: 'library.form.file',
  tags: 'library.form.tags',
  licence: 'library.form.licence',
  language: 'library.form.language',
  materials: 'library.item.materials',
  materialIds: 'library.item.materials',
};

/** A field's label; a field this list does not know is named as "another field", never by its key. */
export const fieldLabel = (t: (key: string) => string, field: string): string => t(FIELD_LABEL_KEYS[field] ?? 'library.item.otherField');
