import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { departments, people, programmes, schools } from './tenancy';

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
