import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { libraryItems } from './library';
import { departments, people, programmes, schools, teams } from './tenancy';

/**
 * Module D (praktik): companies and their supervisors, each student's sequence of school and
 * practice periods, praktikmål with per-student status, the logbook, practice tasks and offers
 * (docs/internship.md). Every table is school-owned: `school_id` first in each key.
 */
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const schoolId = () =>
  uuid('school_id')
    .notNull()
    .references(() => schools.id);

/** A contact person of a company (kept with the company: it has no life of its own). */
export type CompanyContact = { name: string; email: string | null; phone: string | null; role: string | null };

export const companies = pgTable(
  'companies',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    name: varchar('name', { length: 200 }).notNull(),
    /** Eight digits passing the modulus-11 check (features/internship/cvr.ts). */
    cvr: varchar('cvr', { length: 8 }).notNull(),
    /** Production unit number: ten digits. */
    pNumber: varchar('p_number', { length: 10 }),
    address: varchar('address', { length: 200 }).notNull().default(''),
    postcode: varchar('postcode', { length: 10 }).notNull().default(''),
    city: varchar('city', { length: 100 }).notNull().default(''),
    trade: varchar('trade', { length: 120 }).notNull().default(''),
    website: varchar('website', { length: 300 }),
    contacts: jsonb('contacts').$type<CompanyContact[]>().notNull().default([]),
    notes: text('notes').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    uniqueIndex('companies_cvr_uq').on(t.schoolId, t.cvr),
    index('companies_name_idx').on(t.schoolId, sql`lower(${t.name})`),
    foreignKey({ columns: [t.schoolId, t.createdBy], foreignColumns: [people.schoolId, people.id] }),
    check('companies_cvr_digits', sql`${t.cvr} ~ '^[0-9]{8}$'`),
    check('companies_p_number_digits', sql`${t.pNumber} is null or ${t.pNumber} ~ '^[0-9]{10}$'`),
  ],
);

/** A company approved as practice place for a programme. */
export const companyProgrammes = pgTable(
  'company_programmes',
  {
    schoolId: schoolId(),
    companyId: uuid('company_id').notNull(),
    programmeId: uuid('programme_id').notNull(),
    approvedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.companyId, t.programmeId] }),
    index('company_programmes_programme_idx').on(t.schoolId, t.programmeId),
    foreignKey({ columns: [t.schoolId, t.companyId], foreignColumns: [companies.schoolId, companies.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.schoolId, t.programmeId], foreignColumns: [programmes.schoolId, programmes.id] }),
  ],
);

/** The departments that run a programme: how companies and offers are listed per department. */
export const programmeDepartments = pgTable(
  'programme_departments',
  {
    schoolId: schoolId(),
    programmeId: uuid('programme_id').notNull(),
    departmentId: uuid('department_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.programmeId, t.departmentId] }),
    index('programme_departments_department_idx').on(t.schoolId, t.departmentId),
    foreignKey({ columns: [t.schoolId, t.programmeId], foreignColumns: [programmes.schoolId, programmes.id] }),
    foreignKey({ columns: [t.schoolId, t.departmentId], foreignColumns: [departments.schoolId, departments.id] }),
  ],
);

/** A student's programme: whose praktikmål apply to him. */
export const studentProgrammes = pgTable(
  'student_programmes',
  {
    schoolId: schoolId(),
    studentId: uuid('student_id').notNull(),
    programmeId: uuid('programme_id').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.studentId] }),
    index('student_programmes_programme_idx').on(t.schoolId, t.programmeId),
    foreignKey({ columns: [t.schoolId, t.studentId], foreignColumns: [people.schoolId, people.id] }),
    foreignKey({ columns: [t.schoolId, t.programmeId], foreignColumns: [programmes.schoolId, programmes.id] }),
  ],
);

/** A praktikvejleder (a person with the role company_supervisor) tied to a company. */
export const supervisorCompanies = pgTable(
  'supervisor_companies',
  {
    schoolId: schoolId(),
    supervisorId: uuid('supervisor_id').notNull(),
    companyId: uuid('company_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.supervisorId, t.companyId] }),
    index('supervisor_companies_company_idx').on(t.schoolId, t.companyId),
    foreignKey({ columns: [t.schoolId, t.supervisorId], foreignColumns: [people.schoolId, people.id] }),
    foreignKey({ columns: [t.schoolId, t.companyId], foreignColumns: [companies.schoolId, companies.id] }).onDelete('cascade'),
  ],
);

/** One period of a student: at school or in practice with a company. A student's periods never overlap. */
export const placements = pgTable(
  'placements',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    studentId: uuid('student_id').notNull(),
    /** school | practice */
    kind: varchar('kind', { length: 8 }).notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    companyId: uuid('company_id'),
    supervisorId: uuid('supervisor_id'),
    /** The neutral årshjul item of a practice period (calendar feature). */
    calendarItemId: uuid('calendar_item_id'),
    note: varchar('note', { length: 1000 }).notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    index('placements_student_idx').on(t.schoolId, t.studentId, t.startsOn),
    index('placements_company_idx').on(t.schoolId, t.companyId, t.endsOn),
    index('placements_supervisor_idx').on(t.schoolId, t.supervisorId, t.endsOn),
    index('placements_dates_idx').on(t.schoolId, t.startsOn, t.endsOn),
    foreignKey({ columns: [t.schoolId, t.studentId], foreignColumns: [people.schoolId, people.id] }),
    foreignKey({ columns: [t.schoolId, t.companyId], foreignColumns: [companies.schoolId, companies.id] }),
    foreignKey({ columns: [t.schoolId, t.supervisorId], foreignColumns: [people.schoolId, people.id] }),
    foreignKey({ columns: [t.schoolId, t.createdBy], foreignColumns: [people.schoolId, people.id] }),
    check('placements_kind', sql`${t.kind} in ('school', 'practice')`),
    check('placements_dates', sql`${t.endsOn} >= ${t.startsOn}`),
    check(
      'placements_company',
      sql`(${t.kind} = 'practice' and ${t.companyId} is not null) or (${t.kind} = 'school' and ${t.companyId} is null and ${t.supervisorId} is null)`,
    ),
  ],
);

/** A praktikmål of a programme. */
export const internshipGoals = pgTable(
  'internship_goals',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    programmeId: uuid('programme_id').notNull(),
    code: varchar('code', { length: 40 }).notNull(),
    text: varchar('text', { length: 2000 }).notNull(),
    level: varchar('level', { length: 60 }).notNull().default(''),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    uniqueIndex('internship_goals_code_uq').on(t.schoolId, t.programmeId, sql`lower(${t.code})`),
    foreignKey({ columns: [t.schoolId, t.programmeId], foreignColumns: [programmes.schoolId, programmes.id] }),
  ],
);

/** The latest status of a student's praktikmål; every change is also a row of `goal_status_history`. */
export const goalStatuses = pgTable(
  'goal_statuses',
  {
    schoolId: schoolId(),
    studentId: uuid('student_id').notNull(),
    goalId: uuid('goal_id').notNull(),
    /** reached | partly | not_yet */
    status: varchar('status', { length: 8 }).notNull(),
    comment: varchar('comment', { length: 2000 }).notNull().default(''),
    setBy: uuid('set_by'),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.studentId, t.goalId] }),
    index('goal_statuses_goal_idx').on(t.schoolId, t.goalId, t.status),
    foreignKey({ columns: [t.schoolId, t.studentId], foreignColumns: [people.schoolId, people.id] }),
    foreignKey({ columns: [t.schoolId, t.goalId], foreignColumns: [internshipGoals.schoolId, internshipGoals.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.schoolId, t.setBy], foreignColumns: [people.schoolId, people.id] }),
    check('goal_statuses_status', sql`${t.status} in ('reached', 'partly', 'not_yet')`),
  ],
);

export const goalStatusHistory = pgTable(
  'goal_status_history',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    studentId: uuid('student_id').notNull(),
    goalId: uuid('goal_id').notNull(),
    status: varchar('status', { length: 8 }).notNull(),
    comment: varchar('comment', { length: 2000 }).notNull().default(''),
    setBy: uuid('set_by'),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    index('goal_status_history_student_idx').on(t.schoolId, t.studentId, t.goalId, t.setAt),
    foreignKey({ columns: [t.schoolId, t.studentId], foreignColumns: [people.schoolId, people.id] }),
    foreignKey({ columns: [t.schoolId, t.goalId], foreignColumns: [internshipGoals.schoolId, internshipGoals.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.schoolId, t.setBy], foreignColumns: [people.schoolId, people.id] }),
    check('goal_status_history_status', sql`${t.status} in ('reached', 'partly', 'not_yet')`),
  ],
);

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

/** A company's offer to the school, or the school's continuing-education offer (IDV, AMU) to companies. */
export const offers = pgTable(
  'offers',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    /** company | school */
    source: varchar('source', { length: 8 }).notNull(),
    /** equipment | expertise | guest_teaching | visit (company); idv | amu (school) */
    category: varchar('category', { length: 16 }).notNull(),
    companyId: uuid('company_id'),
    /** The department it is listed for; null: the whole school. */
    departmentId: uuid('department_id'),
    title: varchar('title', { length: 200 }).notNull(),
    description: varchar('description', { length: 4000 }).notNull().default(''),
    contactName: varchar('contact_name', { length: 200 }).notNull().default(''),
    contactEmail: varchar('contact_email', { length: 254 }),
    contactPhone: varchar('contact_phone', { length: 40 }),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    index('offers_department_idx').on(t.schoolId, t.departmentId),
    index('offers_company_idx').on(t.schoolId, t.companyId),
    foreignKey({ columns: [t.schoolId, t.companyId], foreignColumns: [companies.schoolId, companies.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.schoolId, t.departmentId], foreignColumns: [departments.schoolId, departments.id] }),
    foreignKey({ columns: [t.schoolId, t.createdBy], foreignColumns: [people.schoolId, people.id] }),
    check('offers_source', sql`${t.source} in ('company', 'school')`),
    check(
      'offers_category',
      sql`(${t.source} = 'company' and ${t.category} in ('equipment', 'expertise', 'guest_teaching', 'visit') and ${t.companyId} is not null) or (${t.source} = 'school' and ${t.category} in ('idv', 'amu') and ${t.companyId} is null)`,
    ),
    check('offers_dates', sql`${t.endsOn} is null or ${t.startsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);
