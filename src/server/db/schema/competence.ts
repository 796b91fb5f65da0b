import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { people, schools } from './tenancy';

/**
 * Module C (kompetenceudvikling): frameworks with levels 0–6, mapping rounds, self-assessments,
 * courses (kompetenceforløb) with sessions and enrolments, and development contracts.
 */
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const schoolId = () =>
  uuid('school_id')
    .notNull()
    .references(() => schools.id);

/** One row per school: who may see individual levels, and the onboarding window. */
export const competenceSettings = pgTable('competence_settings', {
  schoolId: uuid('school_id')
    .primaryKey()
    .references(() => schools.id),
  /** The nearest leader (department head of the person's department) may see individual levels. */
  leaderSeesIndividuals: boolean('leader_sees_individuals').notNull().default(false),
  /** People whose employment starts within this many days (before or after today) get the onboarding track. */
  onboardingWindowDays: integer('onboarding_window_days').notNull().default(60),
  /** How an open round's results change: 'steps' (a department's results move only once 5 of its people changed), 'after_close' (nothing until the round closes). */
  openRoundResults: varchar('open_round_results', { length: 12 }).notNull().default('steps'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type FrameworkLevel = { level: number; title: { da: string; en: string }; description: { da: string; en: string } };
export type Localised = { da: string; en: string };
/** What a person at one level of one competence says about their practice, in the self-assessment. */
export type LevelStatement = { level: number; text: Localised };

export const competenceFrameworks = pgTable(
  'competence_frameworks',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    kind: varchar('kind', { length: 10 }).notNull(),
    /** The CASE CFDocument identifier; stays the same across versions so a round trip is lossless. */
    caseIdentifier: uuid('case_identifier').notNull().defaultRandom(),
    title: jsonb('title').$type<Localised>().notNull(),
    description: jsonb('description').$type<Localised>().notNull(),
    creator: text('creator').notNull(),
    citation: text('citation'),
    language: varchar('language', { length: 10 }).notNull().default('da'),
    version: integer('version').notNull().default(1),
    levels: jsonb('levels').$type<FrameworkLevel[]>().notNull(),
    /** Extra CASE fields that Retning does not use, kept so that export gives back what was imported. */
    caseExtra: jsonb('case_extra').$type<Record<string, unknown>>(),
    lastChangeAt: timestamp('last_change_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.id] }), index('competence_frameworks_kind_idx').on(t.schoolId, t.kind)],
);

/** Areas (parentId null) and competences (parentId = an area). */
export const competenceItems = pgTable(
  'competence_items',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    frameworkId: uuid('framework_id').notNull(),
    parentId: uuid('parent_id'),
    caseIdentifier: uuid('case_identifier').notNull().defaultRandom(),
    code: varchar('code', { length: 40 }).notNull(),
    title: jsonb('title').$type<Localised>().notNull(),
    description: jsonb('description').$type<Localised>().notNull(),
    position: integer('position').notNull(),
    /** A competence's statements for levels 1–6 (null: none written; the self-assessment then shows the framework's level texts). */
    levelStatements: jsonb('level_statements').$type<LevelStatement[]>(),
    caseExtra: jsonb('case_extra').$type<Record<string, unknown>>(),
    lastChangeAt: timestamp('last_change_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    index('competence_items_framework_idx').on(t.schoolId, t.frameworkId),
    foreignKey({ columns: [t.schoolId, t.frameworkId], foreignColumns: [competenceFrameworks.schoolId, competenceFrameworks.id] }).onDelete('cascade'),
  ],
);

export const competenceRounds = pgTable(
  'competence_rounds',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    frameworkId: uuid('framework_id').notNull(),
    title: text('title').notNull(),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    /** null: the whole school. */
    departmentIds: jsonb('department_ids').$type<string[] | null>(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    lastReminderAt: timestamp('last_reminder_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    foreignKey({ columns: [t.schoolId, t.frameworkId], foreignColumns: [competenceFrameworks.schoolId, competenceFrameworks.id] }),
    check('competence_rounds_dates', sql`${t.closesOn} >= ${t.opensOn}`),
  ],
);

export const competenceAssessments = pgTable(
  'competence_assessments',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    roundId: uuid('round_id').notNull(),
    personId: uuid('person_id').notNull(),
    /** The person's department when they answered, so that rounds compare by department over time. */
    departmentId: uuid('department_id'),
    basicAnswers: jsonb('basic_answers').$type<boolean[]>(),
    /** Set on submission from the basic-skills check; false places the person at level 0. */
    basicPassed: boolean('basic_passed'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    uniqueIndex('competence_assessments_person_uq').on(t.schoolId, t.roundId, t.personId),
    foreignKey({ columns: [t.schoolId, t.roundId], foreignColumns: [competenceRounds.schoolId, competenceRounds.id] }),
    foreignKey({ columns: [t.schoolId, t.personId], foreignColumns: [people.schoolId, people.id] }),
  ],
);

export const competenceAnswers = pgTable(
  'competence_answers',
  {
    schoolId: schoolId(),
    assessmentId: uuid('assessment_id').notNull(),
    competenceId: uuid('competence_id').notNull(),
    level: smallint('level').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.assessmentId, t.competenceId] }),
    foreignKey({ columns: [t.schoolId, t.assessmentId], foreignColumns: [competenceAssessments.schoolId, competenceAssessments.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.schoolId, t.competenceId], foreignColumns: [competenceItems.schoolId, competenceItems.id] }),
    check('competence_answers_level', sql`${t.level} between 0 and 6`),
  ],
);

/**
 * Each submitted assessment's effective mean per area (0 everywhere when the basic check failed),
 * written at submission so that heatmaps and the national view aggregate a few rows per person
 * instead of every answer.
 */
export const competenceAreaLevels = pgTable(
  'competence_area_levels',
  {
    schoolId: schoolId(),
    assessmentId: uuid('assessment_id').notNull(),
    areaId: uuid('area_id').notNull(),
    roundId: uuid('round_id').notNull(),
    departmentId: uuid('department_id'),
    mean: doublePrecision('mean').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.assessmentId, t.areaId] }),
    index('competence_area_levels_round_idx').on(t.schoolId, t.roundId, t.departmentId, t.areaId),
    foreignKey({ columns: [t.schoolId, t.assessmentId], foreignColumns: [competenceAssessments.schoolId, competenceAssessments.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.schoolId, t.areaId], foreignColumns: [competenceItems.schoolId, competenceItems.id] }),
  ],
);

/** The department key of staff without a department in the running totals (the nil UUID). */
export const NO_DEPARTMENT = '00000000-0000-0000-0000-000000000000';

/**
 * Running totals per round × department × area of the submitted assessments' area means:
 * respondents, the sum of their means and how many fall at each level 0–6. Recomputed for the
 * touched departments whenever assessments are (re)submitted, so that the heatmap and the national
 * view read a few rows per department instead of one per person.
 */
export const competenceAreaTotals = pgTable(
  'competence_area_totals',
  {
    schoolId: schoolId(),
    roundId: uuid('round_id').notNull(),
    /** The department id, or NO_DEPARTMENT for staff without one. */
    departmentKey: uuid('department_key').notNull(),
    areaId: uuid('area_id').notNull(),
    respondents: integer('respondents').notNull(),
    sumMean: doublePrecision('sum_mean').notNull(),
    /** Persons at each level 0–6 (the floor of their area mean). */
    levels: integer('levels').array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.roundId, t.departmentKey, t.areaId] }),
    foreignKey({ columns: [t.schoolId, t.roundId], foreignColumns: [competenceRounds.schoolId, competenceRounds.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.schoolId, t.areaId], foreignColumns: [competenceItems.schoolId, competenceItems.id] }),
  ],
);

/**
 * The totals of an open round as readers see them: a department's row is copied from
 * competence_area_totals only once at least THRESHOLD of its people have submitted or changed
 * their answers since the last copy (docs/ANONYMITY.md, "Over time"). Closed rounds are read live.
 */
export const competencePublishedTotals = pgTable(
  'competence_published_totals',
  {
    schoolId: schoolId(),
    roundId: uuid('round_id').notNull(),
    departmentKey: uuid('department_key').notNull(),
    areaId: uuid('area_id').notNull(),
    respondents: integer('respondents').notNull(),
    sumMean: doublePrecision('sum_mean').notNull(),
    levels: integer('levels').array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.roundId, t.departmentKey, t.areaId] }),
    foreignKey({ columns: [t.schoolId, t.roundId], foreignColumns: [competenceRounds.schoolId, competenceRounds.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.schoolId, t.areaId], foreignColumns: [competenceItems.schoolId, competenceItems.id] }),
  ],
);

/** Assessments changed in a round × department since that department's totals were last published. */
export const competencePendingChanges = pgTable(
  'competence_pending_changes',
  {
    schoolId: schoolId(),
    roundId: uuid('round_id').notNull(),
    departmentKey: uuid('department_key').notNull(),
    assessmentId: uuid('assessment_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.roundId, t.departmentKey, t.assessmentId] }),
    foreignKey({ columns: [t.schoolId, t.roundId], foreignColumns: [competenceRounds.schoolId, competenceRounds.id] }).onDelete('cascade'),
  ],
);

export type CourseTarget = { competenceId: string; targetLevel: number };
export type CourseAudience = { allStaff: boolean; newHires: boolean; levelZero: boolean; departmentIds: string[] };

export const competenceCourses = pgTable(
  'competence_courses',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    mandatory: boolean('mandatory').notNull().default(false),
    format: varchar('format', { length: 30 }).notNull(),
    targets: jsonb('targets').$type<CourseTarget[]>().notNull(),
    audience: jsonb('audience').$type<CourseAudience>().notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.id] })],
);

export const competenceSessions = pgTable(
  'competence_sessions',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    courseId: uuid('course_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    place: text('place'),
    onlineUrl: text('online_url'),
    capacity: integer('capacity').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    foreignKey({ columns: [t.schoolId, t.courseId], foreignColumns: [competenceCourses.schoolId, competenceCourses.id] }),
    check('competence_sessions_capacity', sql`${t.capacity} >= 1`),
  ],
);

export const competenceEnrolments = pgTable(
  'competence_enrolments',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    courseId: uuid('course_id').notNull(),
    sessionId: uuid('session_id'),
    personId: uuid('person_id').notNull(),
    /** enrolled | waiting | cancelled */
    status: varchar('status', { length: 12 }).notNull(),
    /** self | onboarding | leader */
    source: varchar('source', { length: 12 }).notNull(),
    attended: boolean('attended').notNull().default(false),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    rating: smallint('rating'),
    comment: text('comment'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    uniqueIndex('competence_enrolments_person_uq').on(t.schoolId, t.courseId, t.personId),
    index('competence_enrolments_session_idx').on(t.schoolId, t.sessionId),
    foreignKey({ columns: [t.schoolId, t.courseId], foreignColumns: [competenceCourses.schoolId, competenceCourses.id] }),
    foreignKey({ columns: [t.schoolId, t.sessionId], foreignColumns: [competenceSessions.schoolId, competenceSessions.id] }),
    foreignKey({ columns: [t.schoolId, t.personId], foreignColumns: [people.schoolId, people.id] }),
    check('competence_enrolments_rating', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
  ],
);

export type ContractGoal = { competenceId: string; targetLevel: number; note: string };
export type ContractActivity = { kind: 'course' | 'sidemandsoplaering' | 'other'; courseId: string | null; description: string };
export type ContractContent = { goals: ContractGoal[]; activities: ContractActivity[]; followUps: string[]; note: string };

export const competenceContracts = pgTable(
  'competence_contracts',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    leaderPersonId: uuid('leader_person_id').notNull(),
    /** draft | agreed | completed | cancelled */
    status: varchar('status', { length: 12 }).notNull(),
    content: jsonb('content').$type<ContractContent>().notNull(),
    version: integer('version').notNull().default(1),
    employeeAckAt: timestamp('employee_ack_at', { withTimezone: true }),
    leaderAckAt: timestamp('leader_ack_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    index('competence_contracts_person_idx').on(t.schoolId, t.personId),
    foreignKey({ columns: [t.schoolId, t.personId], foreignColumns: [people.schoolId, people.id] }),
    foreignKey({ columns: [t.schoolId, t.leaderPersonId], foreignColumns: [people.schoolId, people.id] }),
  ],
);

/** Every version of a contract, kept. */
export const competenceContractHistory = pgTable(
  'competence_contract_history',
  {
    schoolId: schoolId(),
    contractId: uuid('contract_id').notNull(),
    version: integer('version').notNull(),
    action: varchar('action', { length: 30 }).notNull(),
    status: varchar('status', { length: 12 }).notNull(),
    content: jsonb('content').$type<ContractContent>().notNull(),
    byName: text('by_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    seq: integer('seq').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.contractId, t.seq] }),
    foreignKey({ columns: [t.schoolId, t.contractId], foreignColumns: [competenceContracts.schoolId, competenceContracts.id] }),
  ],
);
