import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { departments, people, schools } from './tenancy';

/**
 * Module E, first half (selvevaluering): self-reflection surveys answered anonymously by leaders,
 * teachers, students and company supervisors (docs/surveys.md).
 *
 * Anonymity by construction: a submitted answer sheet is never stored as a row of its own. Its
 * answers are added to counts per round × group × department × item (survey_item_totals) and its
 * free text to a table without person, time or order (survey_free_texts). Who has answered is kept
 * apart (survey_participation, for reminders) with nothing that joins it to the counts.
 */
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const schoolId = () =>
  uuid('school_id')
    .notNull()
    .references(() => schools.id);

/** A localised text: Danish and English. */
export type SurveyText = { da: string; en: string };
/** One item of a questionnaire version as frozen for its rounds (see features/surveys/questionnaire-data.ts). */
export type SurveyItemSnapshot = { key: string; area: string; texts: Record<string, SurveyText>; optional: boolean; own: boolean };

/** One row per school: the optional items it switched off and whether open rounds show results. */
export const surveySettings = pgTable('survey_settings', {
  schoolId: uuid('school_id')
    .primaryKey()
    .references(() => schools.id),
  /** Keys of optional default items the school does not ask. */
  disabledItemKeys: text('disabled_item_keys').array().notNull().default(sql`'{}'::text[]`),
  /** Open rounds show results (in steps, for groups already at the threshold) instead of nothing until the close. */
  liveResults: boolean('live_results').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A school's own items (at most 10 in use), asked beside the default questionnaire. */
export const surveyOwnItems = pgTable(
  'survey_own_items',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    /** Stable key in versions and totals: 'own-' and a short random part. */
    key: varchar('key', { length: 40 }).notNull(),
    area: varchar('area', { length: 40 }).notNull(),
    /** The wording per group asked (group → da/en). */
    texts: jsonb('texts').$type<Record<string, SurveyText>>().notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.id] }), uniqueIndex('survey_own_items_key_uq').on(t.schoolId, t.key)],
);

/** A questionnaire version: the items a round asks, frozen when the round is created. */
export const surveyQuestionnaires = pgTable(
  'survey_questionnaires',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    version: integer('version').notNull(),
    items: jsonb('items').$type<SurveyItemSnapshot[]>().notNull(),
    /** SHA-256 of the items, so that an unchanged questionnaire reuses its version. */
    contentHash: varchar('content_hash', { length: 64 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.id] }), uniqueIndex('survey_questionnaires_version_uq').on(t.schoolId, t.version)],
);

export const surveyRounds = pgTable(
  'survey_rounds',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    /** Respondent groups asked: leader, teacher, student, supervisor. */
    groups: text('groups').array().notNull(),
    /** null: the whole school. */
    departmentIds: jsonb('department_ids').$type<string[] | null>(),
    questionnaireId: uuid('questionnaire_id').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    lastReminderAt: timestamp('last_reminder_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    foreignKey({ columns: [t.schoolId, t.questionnaireId], foreignColumns: [surveyQuestionnaires.schoolId, surveyQuestionnaires.id] }),
    check('survey_rounds_dates', sql`${t.closesOn} >= ${t.opensOn}`),
    check('survey_rounds_groups', sql`cardinality(${t.groups}) > 0`),
  ],
);

/** A revocable answer link for a group without accounts (students, company supervisors), shown as a QR code. */
export const surveyLinks = pgTable(
  'survey_links',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    roundId: uuid('round_id').notNull(),
    group: varchar('group', { length: 12 }).notNull(),
    /** The department the link's answers count under; null for the school as a whole. */
    departmentId: uuid('department_id'),
    /** SHA-256 of the link's token; the token itself is only in the link. */
    tokenHash: varchar('token_hash', { length: 64 }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    uniqueIndex('survey_links_token_uq').on(t.tokenHash),
    index('survey_links_round_idx').on(t.schoolId, t.roundId),
    foreignKey({ columns: [t.schoolId, t.roundId], foreignColumns: [surveyRounds.schoolId, surveyRounds.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.schoolId, t.departmentId], foreignColumns: [departments.schoolId, departments.id] }),
  ],
);

/**
 * An answer sheet in progress, saved so that it can be resumed: a signed-in person's ('person:' +
 * id) or a link browser's ('link:' + SHA-256 of its cookie). Deleted when the sheet is submitted
 * (its answers then exist only as counts) and when the round closes.
 */
export const surveyDrafts = pgTable(
  'survey_drafts',
  {
    schoolId: schoolId(),
    roundId: uuid('round_id').notNull(),
    ownerKey: varchar('owner_key', { length: 80 }).notNull(),
    /** item key → 1..5, 'dont_know' or 'no_answer'. */
    answers: jsonb('answers').$type<Record<string, number | 'dont_know' | 'no_answer'>>().notNull(),
    /** area → free text. */
    comments: jsonb('comments').$type<Record<string, string>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.roundId, t.ownerKey] }),
    foreignKey({ columns: [t.schoolId, t.roundId], foreignColumns: [surveyRounds.schoolId, surveyRounds.id] }).onDelete('cascade'),
  ],
);

/**
 * Who has submitted a round: signed-in people (for reminders and the front page) and link browsers
 * (one sheet per browser). No time, no group, no department: nothing joins a row to the counts.
 */
export const surveyParticipation = pgTable(
  'survey_participation',
  {
    schoolId: schoolId(),
    roundId: uuid('round_id').notNull(),
    /** 'person:' + id or 'link:' + SHA-256 of the browser's cookie. */
    respondentKey: varchar('respondent_key', { length: 80 }).notNull(),
    personId: uuid('person_id'),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.roundId, t.respondentKey] }),
    foreignKey({ columns: [t.schoolId, t.roundId], foreignColumns: [surveyRounds.schoolId, surveyRounds.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.schoolId, t.personId], foreignColumns: [people.schoolId, people.id] }),
  ],
);

/** The department key of respondents without a department (the nil UUID). */
export const SURVEY_NO_DEPARTMENT = '00000000-0000-0000-0000-000000000000';

/**
 * Respondents per round × group × department: all submitted (`respondents`) and as published for
 * an open round's live results (`published`, moved up only in steps of the anonymity threshold).
 */
export const surveyRespondentTotals = pgTable(
  'survey_respondent_totals',
  {
    schoolId: schoolId(),
    roundId: uuid('round_id').notNull(),
    group: varchar('group', { length: 12 }).notNull(),
    departmentKey: uuid('department_key').notNull(),
    respondents: integer('respondents').notNull().default(0),
    published: integer('published').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.roundId, t.group, t.departmentKey] }),
    foreignKey({ columns: [t.schoolId, t.roundId], foreignColumns: [surveyRounds.schoolId, surveyRounds.id] }).onDelete('cascade'),
  ],
);

/**
 * Answer counts per round × group × department × item: `counts[0..4]` for 1..5, `counts[5]` "ved
 * ikke / ikke relevant", `counts[6]` "ønsker ikke at svare"; `published` is the copy an open round
 * shows, moved together with survey_respondent_totals.published.
 */
export const surveyItemTotals = pgTable(
  'survey_item_totals',
  {
    schoolId: schoolId(),
    roundId: uuid('round_id').notNull(),
    group: varchar('group', { length: 12 }).notNull(),
    departmentKey: uuid('department_key').notNull(),
    itemKey: varchar('item_key', { length: 40 }).notNull(),
    counts: integer('counts').array().notNull(),
    published: integer('published').array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.roundId, t.group, t.departmentKey, t.itemKey] }),
    foreignKey({ columns: [t.schoolId, t.roundId], foreignColumns: [surveyRounds.schoolId, surveyRounds.id] }).onDelete('cascade'),
  ],
);

/** Free text per area, without person, time or order (read in random order, shown from 10 respondents). */
export const surveyFreeTexts = pgTable(
  'survey_free_texts',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    roundId: uuid('round_id').notNull(),
    group: varchar('group', { length: 12 }).notNull(),
    departmentKey: uuid('department_key').notNull(),
    area: varchar('area', { length: 40 }).notNull(),
    text: text('text').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    index('survey_free_texts_round_idx').on(t.schoolId, t.roundId, t.group, t.area),
    foreignKey({ columns: [t.schoolId, t.roundId], foreignColumns: [surveyRounds.schoolId, surveyRounds.id] }).onDelete('cascade'),
  ],
);

/**
 * Each closed round's mean per group × area for the whole school, written at the close: what the
 * network benchmark reads (the median and quartiles over schools, never a school's name).
 */
export const surveyAreaMeans = pgTable(
  'survey_area_means',
  {
    schoolId: schoolId(),
    roundId: uuid('round_id').notNull(),
    group: varchar('group', { length: 12 }).notNull(),
    area: varchar('area', { length: 40 }).notNull(),
    respondents: integer('respondents').notNull(),
    /** null where the anonymity module hides the figure. */
    mean: doublePrecision('mean'),
    closesOn: date('closes_on').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.roundId, t.group, t.area] }),
    index('survey_area_means_group_idx').on(t.group, t.area, t.closesOn),
    foreignKey({ columns: [t.schoolId, t.roundId], foreignColumns: [surveyRounds.schoolId, surveyRounds.id] }).onDelete('cascade'),
  ],
);
