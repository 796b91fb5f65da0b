import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { libraryItems } from './library';
import { people, schools, teams } from './tenancy';
import { internshipGoals, placements } from './internship';

/** Module D (praktik), its logbook and practice tasks (docs/internship.md): school-owned, `school_id` first in each key. */
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const schoolId = () =>
  uuid('school_id')
    .notNull()
    .references(() => schools.id);

/** A student's logbook entry in one of his placements. Never public, never in the network. */
export const logbookEntries = pgTable(
  'logbook_entries',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    studentId: uuid('student_id').notNull(),
    placementId: uuid('placement_id').notNull(),
    title: varchar('title', { length: 200 }).notNull().default(''),
    /** Sanitised HTML (the library's sanitiser). */
    bodyHtml: text('body_html').notNull().default(''),
    /** Plain text of the body, for search and previews. */
    bodyText: text('body_text').notNull().default(''),
    /** An https link to a video hosted elsewhere. */
    videoUrl: varchar('video_url', { length: 500 }),
    entryDate: date('entry_date').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    index('logbook_entries_student_idx').on(t.schoolId, t.studentId, t.entryDate),
    index('logbook_entries_placement_idx').on(t.schoolId, t.placementId),
    foreignKey({ columns: [t.schoolId, t.studentId], foreignColumns: [people.schoolId, people.id] }),
    foreignKey({ columns: [t.schoolId, t.placementId], foreignColumns: [placements.schoolId, placements.id] }).onDelete('cascade'),
  ],
);

/** A photo or video of an entry. Photos: the original is never served; display and thumbnail copies are stripped of metadata. */
export const logbookFiles = pgTable(
  'logbook_files',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    entryId: uuid('entry_id').notNull(),
    /** photo | video */
    kind: varchar('kind', { length: 8 }).notNull(),
    fileName: varchar('file_name', { length: 255 }).notNull(),
    originalKey: text('original_key').notNull(),
    originalMime: varchar('original_mime', { length: 100 }).notNull(),
    originalSize: integer('original_size').notNull(),
    displayKey: text('display_key'),
    displayMime: varchar('display_mime', { length: 100 }),
    displaySize: integer('display_size'),
    thumbKey: text('thumb_key'),
    thumbSize: integer('thumb_size'),
    width: integer('width'),
    height: integer('height'),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    index('logbook_files_entry_idx').on(t.schoolId, t.entryId, t.position),
    foreignKey({ columns: [t.schoolId, t.entryId], foreignColumns: [logbookEntries.schoolId, logbookEntries.id] }).onDelete('cascade'),
    check('logbook_files_kind', sql`${t.kind} in ('photo', 'video')`),
  ],
);

export const logbookComments = pgTable(
  'logbook_comments',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    entryId: uuid('entry_id').notNull(),
    authorId: uuid('author_id').notNull(),
    body: varchar('body', { length: 4000 }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    index('logbook_comments_entry_idx').on(t.schoolId, t.entryId, t.createdAt),
    index('logbook_comments_author_idx').on(t.schoolId, t.authorId),
    foreignKey({ columns: [t.schoolId, t.entryId], foreignColumns: [logbookEntries.schoolId, logbookEntries.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.schoolId, t.authorId], foreignColumns: [people.schoolId, people.id] }),
  ],
);

/** A teacher's practice task, given to chosen students or a team. */
export const practiceTasks = pgTable(
  'practice_tasks',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    title: varchar('title', { length: 200 }).notNull(),
    /** Sanitised HTML. */
    descriptionHtml: text('description_html').notNull().default(''),
    teamId: uuid('team_id'),
    dueFrom: date('due_from'),
    dueTo: date('due_to'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    index('practice_tasks_creator_idx').on(t.schoolId, t.createdBy),
    foreignKey({ columns: [t.schoolId, t.teamId], foreignColumns: [teams.schoolId, teams.id] }),
    foreignKey({ columns: [t.schoolId, t.createdBy], foreignColumns: [people.schoolId, people.id] }),
    check('practice_tasks_dates', sql`${t.dueTo} is null or ${t.dueFrom} is null or ${t.dueTo} >= ${t.dueFrom}`),
  ],
);

/** The praktikmål a task trains. */
export const practiceTaskGoals = pgTable(
  'practice_task_goals',
  {
    schoolId: schoolId(),
    taskId: uuid('task_id').notNull(),
    goalId: uuid('goal_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.taskId, t.goalId] }),
    index('practice_task_goals_goal_idx').on(t.schoolId, t.goalId),
    foreignKey({ columns: [t.schoolId, t.taskId], foreignColumns: [practiceTasks.schoolId, practiceTasks.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.schoolId, t.goalId], foreignColumns: [internshipGoals.schoolId, internshipGoals.id] }).onDelete('cascade'),
  ],
);

/** Library forløb and materials linked to a task. */
export const practiceTaskItems = pgTable(
  'practice_task_items',
  {
    schoolId: schoolId(),
    taskId: uuid('task_id').notNull(),
    itemId: uuid('item_id').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.taskId, t.itemId] }),
    foreignKey({ columns: [t.schoolId, t.taskId], foreignColumns: [practiceTasks.schoolId, practiceTasks.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.schoolId, t.itemId], foreignColumns: [libraryItems.schoolId, libraryItems.id] }).onDelete('cascade'),
  ],
);

/** A task for one student: assigned → answered → confirmed (supervisor) → done (teacher). */
export const taskAssignments = pgTable(
  'task_assignments',
  {
    schoolId: schoolId(),
    taskId: uuid('task_id').notNull(),
    studentId: uuid('student_id').notNull(),
    /** assigned | answered | confirmed | done */
    state: varchar('state', { length: 10 }).notNull().default('assigned'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by'),
    feedback: varchar('feedback', { length: 4000 }).notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.taskId, t.studentId] }),
    index('task_assignments_student_idx').on(t.schoolId, t.studentId, t.state),
    foreignKey({ columns: [t.schoolId, t.taskId], foreignColumns: [practiceTasks.schoolId, practiceTasks.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.schoolId, t.studentId], foreignColumns: [people.schoolId, people.id] }),
    foreignKey({ columns: [t.schoolId, t.confirmedBy], foreignColumns: [people.schoolId, people.id] }),
    foreignKey({ columns: [t.schoolId, t.doneBy], foreignColumns: [people.schoolId, people.id] }),
    check('task_assignments_state', sql`${t.state} in ('assigned', 'answered', 'confirmed', 'done')`),
  ],
);

/** An entry's tags: the praktikmål it shows. */
export const logbookEntryGoals = pgTable(
  'logbook_entry_goals',
  {
    schoolId: schoolId(),
    entryId: uuid('entry_id').notNull(),
    goalId: uuid('goal_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.entryId, t.goalId] }),
    index('logbook_entry_goals_goal_idx').on(t.schoolId, t.goalId),
    foreignKey({ columns: [t.schoolId, t.entryId], foreignColumns: [logbookEntries.schoolId, logbookEntries.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.schoolId, t.goalId], foreignColumns: [internshipGoals.schoolId, internshipGoals.id] }).onDelete('cascade'),
  ],
);

/** An entry's tags: the tasks it answers. */
export const logbookEntryTasks = pgTable(
  'logbook_entry_tasks',
  {
    schoolId: schoolId(),
    entryId: uuid('entry_id').notNull(),
    taskId: uuid('task_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.entryId, t.taskId] }),
    index('logbook_entry_tasks_task_idx').on(t.schoolId, t.taskId),
    foreignKey({ columns: [t.schoolId, t.entryId], foreignColumns: [logbookEntries.schoolId, logbookEntries.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.schoolId, t.taskId], foreignColumns: [practiceTasks.schoolId, practiceTasks.id] }).onDelete('cascade'),
  ],
);
