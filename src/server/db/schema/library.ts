import { sql } from 'drizzle-orm';
import { boolean, customType, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { people, programmes, schools } from './tenancy';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** The six elements of Hiim & Hippe's relation model, stored as sanitised HTML. */
export type RelationFields = Partial<Record<'laeringsforudsaetninger' | 'rammefaktorer' | 'maal' | 'indhold' | 'laereprocesser' | 'vurdering', string>>;
export type LibraryTags = { uddannelse?: string[]; fag?: string[]; niveau?: string[]; sigtelinje?: string[]; teknologi?: string[] };

/**
 * One table for both materials and forløb: they share the workflow (kladde → delt med team →
 * til review → i review → publiceret / sendt retur), versions, discussion, search and adaptation.
 */
export const libraryItems = pgTable(
  'library_items',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    id: uuid('id').notNull().defaultRandom(),
    kind: varchar('kind', { length: 10 }).notNull(),
    authorId: uuid('author_id').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    programmeId: uuid('programme_id'),
    subject: text('subject'),
    duration: text('duration'),
    fields: jsonb('fields').$type<RelationFields>().notNull().default({}),
    /** Plain text of the relation-model fields (and a material's description), for search weight C. */
    fieldsText: text('fields_text').notNull().default(''),
    lmsUrl: text('lms_url'),
    materialType: varchar('material_type', { length: 20 }),
    url: text('url'),
    fileKey: text('file_key'),
    fileName: text('file_name'),
    fileMime: text('file_mime'),
    fileSize: integer('file_size'),
    tags: jsonb('tags').$type<LibraryTags>().notNull().default({}),
    /** The tags as 'group:value' strings (kept by the database), so search facets count them without parsing JSON per row. */
    tagList: text('tag_list').array().generatedAlwaysAs(sql`library_tag_list(tags)`),
    licence: varchar('licence', { length: 20 }).notNull().default('all_rights'),
    language: varchar('language', { length: 5 }).notNull().default('da'),
    status: varchar('status', { length: 12 }).notNull().default('draft'),
    version: integer('version').notNull().default(1),
    reviewerId: uuid('reviewer_id'),
    lockedFields: jsonb('locked_fields').$type<string[]>().notNull().default([]),
    adaptedFromSchoolId: uuid('adapted_from_school_id'),
    adaptedFromId: uuid('adapted_from_id'),
    adaptedFromTitle: text('adapted_from_title'),
    adaptedFromSchoolName: text('adapted_from_school_name'),
    adaptedFromAuthorName: text('adapted_from_author_name'),
    networkShared: boolean('network_shared').notNull().default(false),
    networkFeatured: boolean('network_featured').notNull().default(false),
    networkWithdrawn: boolean('network_withdrawn').notNull().default(false),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('danish'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('danish'::regconfig, coalesce(summary, '')), 'B') || setweight(to_tsvector('danish'::regconfig, coalesce(fields_text, '')), 'C')`,
    ),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    foreignKey({ columns: [t.schoolId, t.authorId], foreignColumns: [people.schoolId, people.id] }),
    foreignKey({ columns: [t.schoolId, t.programmeId], foreignColumns: [programmes.schoolId, programmes.id] }),
    index('library_items_status_idx').on(t.schoolId, t.status),
    index('library_items_author_idx').on(t.schoolId, t.authorId),
    index('library_items_adapted_idx').on(t.adaptedFromSchoolId, t.adaptedFromId),
    index('library_items_network_idx').on(t.networkShared, t.status),
    index('library_items_search_idx').using('gin', t.search),
    index('library_items_text_trgm_idx').using('gin', sql`lower(${t.title} || ' ' || ${t.summary}) gin_trgm_ops`),
  ],
);

export const libraryCoauthors = pgTable(
  'library_coauthors',
  {
    schoolId: uuid('school_id').notNull(),
    itemId: uuid('item_id').notNull(),
    personId: uuid('person_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.itemId, t.personId] }),
    foreignKey({ columns: [t.schoolId, t.itemId], foreignColumns: [libraryItems.schoolId, libraryItems.id] }),
    foreignKey({ columns: [t.schoolId, t.personId], foreignColumns: [people.schoolId, people.id] }),
    index('library_coauthors_person_idx').on(t.schoolId, t.personId),
  ],
);

/** A forløb's ordered list of linked materials. */
export const libraryItemMaterials = pgTable(
  'library_item_materials',
  {
    schoolId: uuid('school_id').notNull(),
    itemId: uuid('item_id').notNull(),
    materialId: uuid('material_id').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.itemId, t.materialId] }),
    foreignKey({ columns: [t.schoolId, t.itemId], foreignColumns: [libraryItems.schoolId, libraryItems.id] }),
    foreignKey({ columns: [t.schoolId, t.materialId], foreignColumns: [libraryItems.schoolId, libraryItems.id] }),
  ],
);

/** Every submit, return and publication keeps a snapshot. */
export const libraryVersions = pgTable(
  'library_versions',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    itemId: uuid('item_id').notNull(),
    version: integer('version').notNull(),
    event: varchar('event', { length: 12 }).notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    foreignKey({ columns: [t.schoolId, t.itemId], foreignColumns: [libraryItems.schoolId, libraryItems.id] }),
    index('library_versions_item_idx').on(t.schoolId, t.itemId, t.version),
  ],
);

/** A review: the quality checklist, comments per field, the decision and feedback. */
export const libraryReviews = pgTable(
  'library_reviews',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    itemId: uuid('item_id').notNull(),
    version: integer('version').notNull(),
    reviewerId: uuid('reviewer_id').notNull(),
    checklist: jsonb('checklist').$type<Record<string, boolean>>().notNull().default({}),
    fieldComments: jsonb('field_comments').$type<Record<string, string>>().notNull().default({}),
    decision: varchar('decision', { length: 10 }),
    feedback: text('feedback'),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    foreignKey({ columns: [t.schoolId, t.itemId], foreignColumns: [libraryItems.schoolId, libraryItems.id] }),
    foreignKey({ columns: [t.schoolId, t.reviewerId], foreignColumns: [people.schoolId, people.id] }),
    index('library_reviews_item_idx').on(t.schoolId, t.itemId),
  ],
);

/** Team discussion: one thread per forløb and per material. */
export const libraryComments = pgTable(
  'library_comments',
  {
    schoolId: uuid('school_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    itemId: uuid('item_id').notNull(),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    foreignKey({ columns: [t.schoolId, t.itemId], foreignColumns: [libraryItems.schoolId, libraryItems.id] }),
    foreignKey({ columns: [t.schoolId, t.authorId], foreignColumns: [people.schoolId, people.id] }),
    index('library_comments_item_idx').on(t.schoolId, t.itemId),
  ],
);

/** The school's quality criteria and which relation-model fields a submission must fill in. */
export const librarySettings = pgTable('library_settings', {
  schoolId: uuid('school_id')
    .primaryKey()
    .references(() => schools.id),
  requiredFields: jsonb('required_fields').$type<string[]>().notNull(),
  criteria: jsonb('criteria').$type<string[]>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Fælles sprog: terms with Danish definitions, maintained by the editorial group. */
export const glossaryTerms = pgTable(
  'glossary_terms',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    id: uuid('id').notNull().defaultRandom(),
    term: text('term').notNull(),
    definition: text('definition').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.id] }), index('glossary_terms_term_idx').on(t.schoolId, sql`lower(${t.term})`)],
);

/**
 * The words (tsvector lexemes) of a school's library, for the search's typo fallback: a query
 * word is matched by trigram similarity against this small vocabulary and rewritten to the
 * closest words, instead of a trigram scan of every item. Kept by a statement-level trigger on
 * library_items (migration library_lexemes_trigger); a word is never removed, which only costs a
 * rewrite that finds nothing more.
 */
export const libraryLexemes = pgTable(
  'library_lexemes',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    lexeme: text('lexeme').notNull(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.lexeme] }), index('library_lexemes_trgm_idx').using('gin', sql`${t.lexeme} gin_trgm_ops`)],
);
