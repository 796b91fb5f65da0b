import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts, networks, people, schools } from './tenancy';

/**
 * The network host (docs/network.md): what belongs to a network rather than to one school. Its
 * own audit log, and the events (webinars and Learning Factories) a coordinator or a school of
 * the network publishes, with sessions, sign-ups (capacity and a waiting list), materials and,
 * for a Learning Factory, each participant's own problem and product.
 */
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** What a coordinator did on the network (school-level events stay in the school's own log). */
export const networkAuditEvents = pgTable(
  'network_audit_events',
  {
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    id: uuid('id').notNull().defaultRandom(),
    actorAccountId: uuid('actor_account_id').references(() => accounts.id),
    actorName: text('actor_name').notNull(),
    action: varchar('action', { length: 60 }).notNull(),
    resourceType: varchar('resource_type', { length: 40 }).notNull(),
    resourceId: text('resource_id'),
    summary: text('summary'),
    changes: jsonb('changes').$type<Record<string, unknown>>(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.id] }), index('network_audit_events_at_idx').on(t.networkId, t.at)],
);

export type NetworkEventKind = 'webinar' | 'learning_factory';
export type NetworkEventStatus = 'draft' | 'published' | 'cancelled';

export const networkEvents = pgTable(
  'network_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    kind: varchar('kind', { length: 20 }).$type<NetworkEventKind>().notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    description: text('description').notNull().default(''),
    /** The school that publishes the event; null when the network's coordinators do. */
    organiserSchoolId: uuid('organiser_school_id').references(() => schools.id),
    status: varchar('status', { length: 20 }).$type<NetworkEventStatus>().notNull().default('draft'),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('network_events_network_idx').on(t.networkId, t.status)],
);

export const networkEventSessions = pgTable(
  'network_event_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => networkEvents.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** An online session's link (Teams, Zoom …) or a place; at least one of the two. */
    onlineUrl: text('online_url'),
    place: varchar('place', { length: 200 }),
    /** Seats; sign-ups past it go on the waiting list. */
    capacity: integer('capacity').notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('network_event_sessions_event_idx').on(t.eventId, t.startsAt)],
);

export type SignupStatus = 'confirmed' | 'waiting';

/** One person's sign-up for one session. A cancelled sign-up keeps its row (cancelled_at) so the waiting list's order stays explainable. */
export const networkEventSignups = pgTable(
  'network_event_signups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => networkEventSessions.id),
    eventId: uuid('event_id')
      .notNull()
      .references(() => networkEvents.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    personId: uuid('person_id').notNull(),
    status: varchar('status', { length: 20 }).$type<SignupStatus>().notNull(),
    signedUpAt: timestamp('signed_up_at', { withTimezone: true }).notNull().defaultNow(),
    /** When a waiting sign-up got a seat. */
    promotedAt: timestamp('promoted_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('network_event_signups_active_uq')
      .on(t.sessionId, t.schoolId, t.personId)
      .where(sql`${t.cancelledAt} is null`),
    index('network_event_signups_session_idx').on(t.sessionId, t.status, t.signedUpAt),
    index('network_event_signups_person_idx').on(t.schoolId, t.personId),
    foreignKey({ columns: [t.schoolId, t.personId], foreignColumns: [people.schoolId, people.id] }),
  ],
);

/** A Learning Factory participant's own real problem from their school, and the product they end with. */
export const networkEventProjects = pgTable(
  'network_event_projects',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => networkEvents.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    personId: uuid('person_id').notNull(),
    problem: text('problem').notNull().default(''),
    product: text('product').notNull().default(''),
    productUrl: text('product_url'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.schoolId, t.personId] }),
    foreignKey({ columns: [t.schoolId, t.personId], foreignColumns: [people.schoolId, people.id] }),
  ],
);

export type MaterialPhase = 'before' | 'after';

/** Material for an event, before or after it; listed in the network library (docs/network.md). */
export const networkEventMaterials = pgTable(
  'network_event_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => networkEvents.id),
    phase: varchar('phase', { length: 10 }).$type<MaterialPhase>().notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    description: text('description').notNull().default(''),
    url: text('url').notNull(),
    addedBy: uuid('added_by').references(() => accounts.id),
    createdAt: createdAt(),
  },
  (t) => [index('network_event_materials_event_idx').on(t.eventId)],
);
