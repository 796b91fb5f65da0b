import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { departments, people, schools } from './tenancy';

/**
 * Module E, second half (spændingsfelter): workshops on the tension pairs, live or asynchronous
 * (docs/dialogue.md). Built-in pairs and boundary types are reference data in code
 * (features/dialogue/reference-data.ts); these tables hold a school's overrides and own pairs, its
 * sessions with their frozen items, participants, answers and comments.
 *
 * Anonymity: an answer row names a participant (so that it can be changed, not added), but no
 * route returns answers per participant; a live participant is a browser (token hash), an
 * asynchronous one a person whose link erasure removes (the answers stay, anonymous).
 */
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const schoolId = () =>
  uuid('school_id')
    .notNull()
    .references(() => schools.id);

/** Who an asynchronous session asks: signed-in members holding one of the roles, or of the departments or teams (any of them). */
export type DialogueAudience = { roles: string[]; departmentIds: string[]; teamIds: string[] };
/** The published copy of an asynchronous session's results: per item id the sorted values of each slider. */
export type DialoguePublished = Record<string, { now: number[]; wanted: number[] }>;

/**
 * A school's pair: with `builtinKey` it overrides a built-in pair's wording (or archives it),
 * without it is the school's own pair (its pair key is `own-<id>`).
 */
export const dialoguePairs = pgTable(
  'dialogue_pairs',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    builtinKey: varchar('builtin_key', { length: 60 }),
    leftDa: varchar('left_da', { length: 120 }).notNull(),
    rightDa: varchar('right_da', { length: 120 }).notNull(),
    leftEn: varchar('left_en', { length: 120 }).notNull(),
    rightEn: varchar('right_en', { length: 120 }).notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    uniqueIndex('dialogue_pairs_builtin_uq')
      .on(t.schoolId, t.builtinKey)
      .where(sql`${t.builtinKey} is not null`),
  ],
);

/** A school's wording of a built-in boundary type. */
export const dialogueBoundaries = pgTable(
  'dialogue_boundaries',
  {
    schoolId: schoolId(),
    key: varchar('key', { length: 20 }).notNull(),
    nameDa: varchar('name_da', { length: 80 }).notNull(),
    nameEn: varchar('name_en', { length: 80 }).notNull(),
    descriptionDa: varchar('description_da', { length: 400 }).notNull(),
    descriptionEn: varchar('description_en', { length: 400 }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.key] })],
);

export const dialogueSessions = pgTable(
  'dialogue_sessions',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    title: varchar('title', { length: 200 }).notNull(),
    /** live | async */
    mode: varchar('mode', { length: 8 }).notNull(),
    /** draft | open | closed */
    status: varchar('status', { length: 8 }).notNull().default('draft'),
    /** The department it is held for; a department head creates and facilitates his own department's sessions. */
    departmentId: uuid('department_id'),
    /** Live: six letters while open (unique among open sessions of the installation). */
    code: varchar('code', { length: 6 }),
    joinOpen: boolean('join_open').notNull().default(false),
    currentItemId: uuid('current_item_id'),
    /** Async: who answers, from when to when, and whether results show while it is open. */
    audience: jsonb('audience').$type<DialogueAudience>(),
    opensOn: date('opens_on'),
    closesOn: date('closes_on'),
    /** live | after_close */
    resultsMode: varchar('results_mode', { length: 12 }).notNull().default('after_close'),
    /** Async live results: the copy readers see, replaced once enough participants changed (platform/anonymity.ts). */
    published: jsonb('published').$type<DialoguePublished>(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Bumped by every change a viewer should see, so clients can tell a newer state. */
    version: integer('version').notNull().default(0),
    createdBy: uuid('created_by'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    uniqueIndex('dialogue_sessions_open_code_uq')
      .on(t.code)
      .where(sql`${t.status} = 'open'`),
    index('dialogue_sessions_code_idx').on(t.code),
    index('dialogue_sessions_school_idx').on(t.schoolId, t.status),
    foreignKey({ columns: [t.schoolId, t.departmentId], foreignColumns: [departments.schoolId, departments.id] }),
    foreignKey({ columns: [t.schoolId, t.createdBy], foreignColumns: [people.schoolId, people.id] }),
    check('dialogue_sessions_mode', sql`${t.mode} in ('live', 'async')`),
    check('dialogue_sessions_status', sql`${t.status} in ('draft', 'open', 'closed')`),
    check('dialogue_sessions_dates', sql`${t.closesOn} is null or ${t.opensOn} is null or ${t.closesOn} >= ${t.opensOn}`),
  ],
);

/** A pair in a session, its wording frozen when it was added. */
export const dialogueItems = pgTable(
  'dialogue_items',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    sessionId: uuid('session_id').notNull(),
    /** The built-in key or `own-<id>`: how sessions are compared pair by pair. */
    pairKey: varchar('pair_key', { length: 60 }).notNull(),
    leftDa: varchar('left_da', { length: 120 }).notNull(),
    rightDa: varchar('right_da', { length: 120 }).notNull(),
    leftEn: varchar('left_en', { length: 120 }).notNull(),
    rightEn: varchar('right_en', { length: 120 }).notNull(),
    boundary: varchar('boundary', { length: 20 }),
    position: integer('position').notNull(),
    /** pending | open | locked */
    state: varchar('state', { length: 8 }).notNull().default('pending'),
    revealed: boolean('revealed').notNull().default(false),
    commentsShown: boolean('comments_shown').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    index('dialogue_items_session_idx').on(t.schoolId, t.sessionId, t.position),
    foreignKey({ columns: [t.schoolId, t.sessionId], foreignColumns: [dialogueSessions.schoolId, dialogueSessions.id] }).onDelete('cascade'),
    check('dialogue_items_state', sql`${t.state} in ('pending', 'open', 'locked')`),
  ],
);

/** A browser (live, by its token's SHA-256) or a signed-in person (async) taking part in a session. */
export const dialogueParticipants = pgTable(
  'dialogue_participants',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    sessionId: uuid('session_id').notNull(),
    tokenHash: varchar('token_hash', { length: 64 }),
    personId: uuid('person_id'),
    nickname: varchar('nickname', { length: 40 }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    uniqueIndex('dialogue_participants_token_uq').on(t.tokenHash),
    uniqueIndex('dialogue_participants_person_uq').on(t.schoolId, t.sessionId, t.personId),
    index('dialogue_participants_joined_idx').on(t.schoolId, t.sessionId, t.createdAt),
    index('dialogue_participants_person_idx').on(t.schoolId, t.personId),
    foreignKey({ columns: [t.schoolId, t.sessionId], foreignColumns: [dialogueSessions.schoolId, dialogueSessions.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.schoolId, t.personId], foreignColumns: [people.schoolId, people.id] }),
  ],
);

/** One participant's two slider values on one item; changed in place, never added. */
export const dialogueAnswers = pgTable(
  'dialogue_answers',
  {
    schoolId: schoolId(),
    itemId: uuid('item_id').notNull(),
    participantId: uuid('participant_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    now: smallint('now'),
    wanted: smallint('wanted'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.itemId, t.participantId] }),
    index('dialogue_answers_participant_idx').on(t.schoolId, t.participantId),
    foreignKey({ columns: [t.schoolId, t.itemId], foreignColumns: [dialogueItems.schoolId, dialogueItems.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.schoolId, t.participantId], foreignColumns: [dialogueParticipants.schoolId, dialogueParticipants.id] }).onDelete('cascade'),
    check('dialogue_answers_now', sql`${t.now} is null or ${t.now} between 0 and 100`),
    check('dialogue_answers_wanted', sql`${t.wanted} is null or ${t.wanted} between 0 and 100`),
  ],
);

/** Async sessions with live results: participants who answered or changed since the last published copy. */
export const dialoguePendingChanges = pgTable(
  'dialogue_pending_changes',
  {
    schoolId: schoolId(),
    sessionId: uuid('session_id').notNull(),
    participantId: uuid('participant_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.sessionId, t.participantId] }),
    foreignKey({ columns: [t.schoolId, t.sessionId], foreignColumns: [dialogueSessions.schoolId, dialogueSessions.id] }).onDelete('cascade'),
  ],
);

export const dialogueComments = pgTable(
  'dialogue_comments',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    sessionId: uuid('session_id').notNull(),
    itemId: uuid('item_id').notNull(),
    participantId: uuid('participant_id'),
    text: varchar('text', { length: 280 }).notNull(),
    /** pending | approved | hidden */
    status: varchar('status', { length: 8 }).notNull().default('pending'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    index('dialogue_comments_item_idx').on(t.schoolId, t.sessionId, t.itemId),
    foreignKey({ columns: [t.schoolId, t.sessionId], foreignColumns: [dialogueSessions.schoolId, dialogueSessions.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.schoolId, t.itemId], foreignColumns: [dialogueItems.schoolId, dialogueItems.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.schoolId, t.participantId], foreignColumns: [dialogueParticipants.schoolId, dialogueParticipants.id] }),
    check('dialogue_comments_status', sql`${t.status} in ('pending', 'approved', 'hidden')`),
    check('dialogue_comments_length', sql`char_length(${t.text}) between 1 and 280`),
  ],
);
