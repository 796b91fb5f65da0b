import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { accounts, departments, people, schools } from './tenancy';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const schoolId = () =>
  uuid('school_id')
    .notNull()
    .references(() => schools.id);

/** 'not_reached': the target date has passed and the target was not met (features/strategy/status.ts). */
export type StrategyStatus = 'on_track' | 'behind' | 'at_risk' | 'no_data' | 'not_reached';
export type InitiativeState = 'active' | 'achieved' | 'stopped';

/** Per-school labels for the built-in reference data (sigtelinjer, reform goals, pedagogical goals). */
export const strategyTerms = pgTable(
  'strategy_terms',
  {
    schoolId: schoolId(),
    kind: varchar('kind', { length: 20 }).$type<'sigtelinje' | 'reform_goal' | 'pedagogical_goal'>().notNull(),
    key: varchar('key', { length: 60 }).notNull(),
    label: text('label').notNull(),
    archived: boolean('archived').notNull().default(false),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.kind, t.key] })],
);

export type StrategyContent = {
  title: string;
  periodStart: string;
  periodEnd: string;
  mode: 'strategi' | 'handleplaner';
  vision: string;
  fpdgText: string;
  values: string[];
  sigtelinjer: string[];
  reformGoals: string[];
};

/** The strategy (or the action-plan frame) as it is being edited; published versions are snapshots. */
export const strategies = pgTable(
  'strategies',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    content: jsonb('content').$type<StrategyContent>().notNull(),
    version: integer('version').notNull().default(1),
    status: varchar('status', { length: 12 }).$type<'draft' | 'published'>().notNull().default('draft'),
    /** The leader who answers for the strategy: one of the school's staff. */
    ownerId: uuid('owner_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.id] }), foreignKey({ columns: [t.schoolId, t.ownerId], foreignColumns: [people.schoolId, people.id] })],
);

export const strategyVersions = pgTable(
  'strategy_versions',
  {
    schoolId: schoolId(),
    strategyId: uuid('strategy_id').notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').$type<StrategyContent>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: text('published_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.strategyId, t.version] }),
    foreignKey({ columns: [t.schoolId, t.strategyId], foreignColumns: [strategies.schoolId, strategies.id] }),
  ],
);

/** Indsatser. */
export const initiatives = pgTable(
  'initiatives',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    strategyId: uuid('strategy_id'),
    title: text('title').notNull(),
    why: varchar('why', { length: 280 }).notNull(),
    pedagogicalGoals: text('pedagogical_goals').array().notNull().default(sql`'{}'::text[]`),
    sigtelinjer: text('sigtelinjer').array().notNull().default(sql`'{}'::text[]`),
    reformGoals: text('reform_goals').array().notNull().default(sql`'{}'::text[]`),
    level: varchar('level', { length: 12 }).$type<'central' | 'department'>().notNull(),
    departmentId: uuid('department_id'),
    parentId: uuid('parent_id'),
    ownerId: uuid('owner_id'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** Worst status of the indicators, recomputed on every change to them. */
    computedStatus: varchar('computed_status', { length: 12 }).$type<StrategyStatus>().notNull().default('no_data'),
    statusOverride: varchar('status_override', { length: 12 }).$type<Exclude<StrategyStatus, 'no_data' | 'not_reached'>>(),
    statusReason: text('status_reason'),
    state: varchar('state', { length: 12 }).$type<InitiativeState>().notNull().default('active'),
    stateReason: text('state_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    index('initiatives_department_idx').on(t.schoolId, t.departmentId),
    index('initiatives_parent_idx').on(t.schoolId, t.parentId),
    foreignKey({ columns: [t.schoolId, t.strategyId], foreignColumns: [strategies.schoolId, strategies.id] }),
    foreignKey({ columns: [t.schoolId, t.departmentId], foreignColumns: [departments.schoolId, departments.id] }),
    foreignKey({ columns: [t.schoolId, t.parentId], foreignColumns: [t.schoolId, t.id] }),
    foreignKey({ columns: [t.schoolId, t.ownerId], foreignColumns: [people.schoolId, people.id] }),
  ],
);

export const initiativeCollaborators = pgTable(
  'initiative_collaborators',
  {
    schoolId: schoolId(),
    initiativeId: uuid('initiative_id').notNull(),
    personId: uuid('person_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.initiativeId, t.personId] }),
    index('initiative_collaborators_person_idx').on(t.schoolId, t.personId),
    foreignKey({ columns: [t.schoolId, t.initiativeId], foreignColumns: [initiatives.schoolId, initiatives.id] }),
    foreignKey({ columns: [t.schoolId, t.personId], foreignColumns: [people.schoolId, people.id] }),
  ],
);

export const milestones = pgTable(
  'milestones',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    initiativeId: uuid('initiative_id').notNull(),
    title: text('title').notNull(),
    dueOn: date('due_on').notNull(),
    done: boolean('done').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    index('milestones_initiative_idx').on(t.schoolId, t.initiativeId),
    foreignKey({ columns: [t.schoolId, t.initiativeId], foreignColumns: [initiatives.schoolId, initiatives.id] }),
  ],
);

/** An indicator measured by a survey item: the item's mean for one respondent group in each round closed after it was created. */
export type IndicatorSource = { kind: 'survey_item'; itemKey: string; group: string };
/** A decision made from a dialogue's results ("Træf beslutning"): the sessions compared (one or two) and the pair, with its wording at the time. */
export type DecisionSource = { kind: 'dialogue'; sessionIds: string[]; sessionTitles: string[]; pairKey: string; pairLabel: string };

export const indicators = pgTable(
  'indicators',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    initiativeId: uuid('initiative_id').notNull(),
    name: text('name').notNull(),
    unit: varchar('unit', { length: 40 }).notNull(),
    baseline: doublePrecision('baseline').notNull(),
    baselineOn: date('baseline_on').notNull(),
    target: doublePrecision('target').notNull(),
    targetOn: date('target_on').notNull(),
    direction: varchar('direction', { length: 10 }).$type<'increase' | 'decrease' | 'maintain'>().notNull(),
    tolerance: doublePrecision('tolerance'),
    status: varchar('status', { length: 12 }).$type<StrategyStatus>().notNull().default('no_data'),
    /** Actual progress as a share of expected progress at the latest measurement. */
    ratio: doublePrecision('ratio'),
    latestValue: doublePrecision('latest_value'),
    latestOn: date('latest_on'),
    /** Where measurements come from by themselves: a survey item's mean for a group, written when each later round closes. */
    source: jsonb('source').$type<IndicatorSource | null>(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    index('indicators_initiative_idx').on(t.schoolId, t.initiativeId),
    foreignKey({ columns: [t.schoolId, t.initiativeId], foreignColumns: [initiatives.schoolId, initiatives.id] }),
  ],
);

export const measurements = pgTable(
  'measurements',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    indicatorId: uuid('indicator_id').notNull(),
    value: doublePrecision('value').notNull(),
    measuredOn: date('measured_on').notNull(),
    source: text('source'),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    index('measurements_indicator_idx').on(t.schoolId, t.indicatorId, t.measuredOn),
    foreignKey({ columns: [t.schoolId, t.indicatorId], foreignColumns: [indicators.schoolId, indicators.id] }),
  ],
);

/** Opfølgning: check-ins. */
export const checkins = pgTable(
  'checkins',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    initiativeId: uuid('initiative_id').notNull(),
    heldOn: date('held_on').notNull(),
    progress: smallint('progress').notNull(),
    decisions: text('decisions').notNull().default(''),
    nextSteps: text('next_steps').notNull().default(''),
    authorId: uuid('author_id'),
    authorName: text('author_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    index('checkins_initiative_idx').on(t.schoolId, t.initiativeId),
    foreignKey({ columns: [t.schoolId, t.initiativeId], foreignColumns: [initiatives.schoolId, initiatives.id] }),
  ],
);

/** Scheduled follow-up meetings; overdue when past due and not held. */
export const followups = pgTable(
  'followups',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    initiativeId: uuid('initiative_id').notNull(),
    title: text('title').notNull(),
    dueOn: date('due_on').notNull(),
    heldAt: timestamp('held_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    index('followups_due_idx').on(t.schoolId, t.dueOn),
    foreignKey({ columns: [t.schoolId, t.initiativeId], foreignColumns: [initiatives.schoolId, initiatives.id] }),
  ],
);

export const initiativeComments = pgTable(
  'initiative_comments',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    initiativeId: uuid('initiative_id').notNull(),
    authorName: text('author_name').notNull(),
    authorId: uuid('author_id'),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    foreignKey({ columns: [t.schoolId, t.initiativeId], foreignColumns: [initiatives.schoolId, initiatives.id] }),
  ],
);

/** Beslutningslog. */
export const strategyDecisions = pgTable(
  'strategy_decisions',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    level: varchar('level', { length: 12 }).$type<'central' | 'department'>().notNull(),
    departmentId: uuid('department_id'),
    initiativeId: uuid('initiative_id'),
    what: text('what').notNull(),
    why: text('why').notNull(),
    decidedBy: text('decided_by').notNull(),
    decidedOn: date('decided_on').notNull(),
    /** Where the decision came from, shown as a link back: a dialogue session (or two compared) and the pair decided on. */
    source: jsonb('source').$type<DecisionSource | null>(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    foreignKey({ columns: [t.schoolId, t.departmentId], foreignColumns: [departments.schoolId, departments.id] }),
    foreignKey({ columns: [t.schoolId, t.initiativeId], foreignColumns: [initiatives.schoolId, initiatives.id] }),
  ],
);

/** Teknologiportefølje: valg og fravalg. */
export const technologies = pgTable(
  'technologies',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    state: varchar('state', { length: 10 }).$type<'valgt' | 'afproves' | 'fravalgt'>().notNull(),
    rationale: text('rationale').notNull(),
    deselectionReason: text('deselection_reason'),
    scope: varchar('scope', { length: 12 }).$type<'school' | 'departments'>().notNull(),
    departmentIds: uuid('department_ids').array().notNull().default(sql`'{}'::uuid[]`),
    ownerId: uuid('owner_id'),
    initiativeIds: uuid('initiative_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    uniqueIndex('technologies_name_uq').on(t.schoolId, sql`lower(${t.name})`),
    foreignKey({ columns: [t.schoolId, t.ownerId], foreignColumns: [people.schoolId, people.id] }),
  ],
);

/** It-ambassadører og superbrugere. */
export const ambassadors = pgTable(
  'ambassadors',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    kind: varchar('kind', { length: 12 }).$type<'ambassador' | 'superuser'>().notNull(),
    departmentId: uuid('department_id'),
    technologyIds: uuid('technology_ids').array().notNull().default(sql`'{}'::uuid[]`),
    hoursPerWeek: doublePrecision('hours_per_week').notNull().default(0),
    contact: text('contact').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    uniqueIndex('ambassadors_person_uq').on(t.schoolId, t.personId, t.kind),
    foreignKey({ columns: [t.schoolId, t.personId], foreignColumns: [people.schoolId, people.id] }),
    foreignKey({ columns: [t.schoolId, t.departmentId], foreignColumns: [departments.schoolId, departments.id] }),
  ],
);

/**
 * The årshjul's items: one table that every module writes to through calendar/items.ts
 * (`source` names the module, `source_ref` the thing in it). Items are never deleted: a cancelled
 * item stays with status 'cancelled' so that subscribed calendars remove it.
 */
export const calendarItems = pgTable(
  'calendar_items',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    source: varchar('source', { length: 40 }).notNull(),
    sourceRef: text('source_ref').notNull(),
    kind: varchar('kind', { length: 30 }).notNull(),
    title: text('title').notNull(),
    description: text('description'),
    startsOn: date('starts_on').notNull(),
    /** Inclusive last day. */
    endsOn: date('ends_on').notNull(),
    departmentId: uuid('department_id'),
    sigtelinjer: text('sigtelinjer').array().notNull().default(sql`'{}'::text[]`),
    link: text('link'),
    sequence: integer('sequence').notNull().default(0),
    status: varchar('status', { length: 12 }).$type<'confirmed' | 'cancelled'>().notNull().default('confirmed'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    uniqueIndex('calendar_items_source_uq').on(t.schoolId, t.source, t.sourceRef),
    index('calendar_items_date_idx').on(t.schoolId, t.startsOn),
    foreignKey({ columns: [t.schoolId, t.departmentId], foreignColumns: [departments.schoolId, departments.id] }),
  ],
);

/** iCalendar subscriptions: the token is only in the URL; the database keeps its SHA-256. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    schoolId: schoolId(),
    id: uuid('id').notNull().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    departmentId: uuid('department_id'),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    uniqueIndex('calendar_feeds_token_uq').on(t.tokenHash),
    foreignKey({ columns: [t.schoolId, t.departmentId], foreignColumns: [departments.schoolId, departments.id] }),
  ],
);
