import { z } from 'zod';
import { ZAbilities, ZTimestamp } from './common';

/** Videndeling: materials and forløb, their workflow, review, versions, discussion, glossary and the network's shared library. */

export const LIBRARY_STATUSES = ['draft', 'team', 'submitted', 'in_review', 'published', 'returned'] as const;
/** The six elements of Hiim & Hippe's relation model. */
export const RELATION_FIELDS = ['laeringsforudsaetninger', 'rammefaktorer', 'maal', 'indhold', 'laereprocesser', 'vurdering'] as const;
export const MATERIAL_TYPES = ['document', 'video', 'link', 'simulation', 'quiz', 'other'] as const;
export const LICENCES = ['cc_by', 'cc_by_sa', 'cc_by_nc', 'all_rights'] as const;
export const TAG_GROUPS = ['uddannelse', 'fag', 'niveau', 'sigtelinje', 'teknologi'] as const;

const ZKind = z.enum(['forlob', 'material']);
const ZFields = z.partialRecord(z.enum(RELATION_FIELDS), z.string());
const ZTags = z.record(z.string(), z.array(z.string()));
const ZPersonRef = z.object({ id: z.string(), name: z.string() });

// ---------------------------------------------------------------- search
const ZFacet = z.object({ value: z.string(), count: z.number() });
export const ZSearchRow = z.object({
  id: z.string(),
  kind: ZKind,
  title: z.string(),
  summary: z.string(),
  status: z.enum(LIBRARY_STATUSES),
  materialType: z.string().nullable(),
  programmeName: z.string().nullable(),
  authorName: z.string(),
  updatedAt: ZTimestamp,
  adapted: z.boolean(),
  rank: z.number(),
});
export type TSearchRow = z.input<typeof ZSearchRow>;
export const ZSearchResult = z.object({
  items: z.array(ZSearchRow),
  total: z.number(),
  fuzzy: z.boolean(),
  facets: z.object({
    kind: z.array(ZFacet),
    type: z.array(ZFacet),
    status: z.array(ZFacet),
    programme: z.array(ZFacet.extend({ name: z.string() })),
    tags: z.array(ZFacet.extend({ group: z.string() })),
  }),
});
export type TSearchResult = z.input<typeof ZSearchResult>;

// ---------------------------------------------------------------- one item
export const ZReview = z.object({
  id: z.string(),
  version: z.number(),
  reviewerName: z.string(),
  checklist: z.record(z.string(), z.boolean()),
  fieldComments: z.record(z.string(), z.string()),
  decision: z.string().nullable(),
  feedback: z.string().nullable(),
  decidedAt: ZTimestamp.nullable(),
});
export type TReview = z.input<typeof ZReview>;

export const ZItem = z.object({
  id: z.string(),
  kind: ZKind,
  title: z.string(),
  summary: z.string(),
  status: z.enum(LIBRARY_STATUSES),
  version: z.number(),
  author: ZPersonRef.nullable(),
  coAuthors: z.array(ZPersonRef),
  programmeId: z.string().nullable(),
  programmeName: z.string().nullable(),
  subject: z.string().nullable(),
  duration: z.string().nullable(),
  fields: ZFields,
  /** The fields with glossary terms linked. */
  linkedFields: ZFields,
  glossary: z.array(z.object({ id: z.string(), term: z.string(), definition: z.string() })),
  lmsUrl: z.string().nullable(),
  materialType: z.string().nullable(),
  url: z.string().nullable(),
  file: z.object({ name: z.string().nullable(), mime: z.string().nullable(), size: z.number().nullable() }).nullable(),
  tags: ZTags,
  licence: z.string(),
  language: z.string(),
  lockedFields: z.array(z.string()),
  /** A forløb's linked materials the reader may see. */
  materials: z.array(z.object({ id: z.string(), title: z.string(), materialType: z.string().nullable(), status: z.string() })),
  adaptedFrom: z
    .object({ id: z.string(), schoolId: z.string().nullable(), title: z.string().nullable(), schoolName: z.string().nullable(), authorName: z.string().nullable(), sameSchool: z.boolean() })
    .nullable(),
  usage: z.object({ adaptations: z.number(), schools: z.number() }),
  /** Another school's adaptations are counted, never opened: their id, title and author are null. */
  adaptations: z.array(z.object({ schoolName: z.string(), id: z.string().nullable(), title: z.string().nullable(), authorName: z.string().nullable() })),
  reviewerName: z.string().nullable(),
  reviews: z.array(ZReview),
  network: z.object({ shared: z.boolean(), featured: z.boolean(), withdrawn: z.boolean() }),
  requiredFields: z.array(z.string()),
  criteria: z.array(z.string()),
  /** The `libraryItem:*` actions the reader may take on this item. */
  abilities: ZAbilities,
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  publishedAt: ZTimestamp.nullable(),
});
export type TItem = z.input<typeof ZItem>;

export const ZSpellcheck = z.object({ issues: z.array(z.object({ field: z.string(), word: z.string(), count: z.number(), suggestions: z.array(z.string()) })) });
export type TSpellIssue = z.input<typeof ZSpellcheck>['issues'][number];

// ---------------------------------------------------------------- versions and discussion
export const ZVersion = z.object({ id: z.string(), version: z.number(), event: z.string(), createdAt: ZTimestamp, by: z.string() });
export type TVersion = z.input<typeof ZVersion>;
export const ZVersions = z.object({ current: z.number(), status: z.enum(LIBRARY_STATUSES), versions: z.array(ZVersion) });
export type TVersions = z.input<typeof ZVersions>;
export const ZComparison = z.object({ changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })) });
export type TComparison = z.input<typeof ZComparison>;

export const ZComment = z.object({ id: z.string(), body: z.string(), createdAt: ZTimestamp, authorName: z.string(), authorId: z.string() });
export type TComment = z.input<typeof ZComment>;
export const ZComments = z.array(ZComment);

// ---------------------------------------------------------------- review queue, colleagues, settings, glossary
export const ZReviewSummary = z.object({ waiting: z.number(), mine: z.number() });
export type TReviewSummary = z.input<typeof ZReviewSummary>;
export const ZColleagues = z.array(ZPersonRef);
export type TColleague = z.input<typeof ZPersonRef>;
export const ZLibrarySettings = z.object({ requiredFields: z.array(z.string()), criteria: z.array(z.string()) });
export type TLibrarySettings = z.input<typeof ZLibrarySettings>;
export const ZGlossaryTerm = z.object({ id: z.string(), term: z.string(), definition: z.string() });
export type TGlossaryTerm = z.input<typeof ZGlossaryTerm>;
export const ZGlossary = z.array(ZGlossaryTerm);

// ---------------------------------------------------------------- the network's shared library
export const ZSharedRow = z.object({
  id: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  /** The reader's own school's item. */
  own: z.boolean(),
  kind: ZKind,
  title: z.string(),
  summary: z.string(),
  licence: z.string(),
  featured: z.boolean(),
  withdrawn: z.boolean(),
  publishedAt: ZTimestamp.nullable(),
});
export type TSharedRow = z.input<typeof ZSharedRow>;
export const ZSharedLibrary = z.object({
  items: z.array(ZSharedRow),
  /** The `libraryNetwork:*` actions the reader may take here. */
  abilities: ZAbilities,
});
export type TSharedLibrary = z.input<typeof ZSharedLibrary>;
export const ZSharedItem = ZSharedRow.extend({
  subject: z.string().nullable(),
  duration: z.string().nullable(),
  fields: ZFields,
  lmsUrl: z.string().nullable(),
  materialType: z.string().nullable(),
  url: z.string().nullable(),
  tags: ZTags,
  language: z.string(),
  abilities: ZAbilities,
});
export type TSharedItem = z.input<typeof ZSharedItem>;
