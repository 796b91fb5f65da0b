import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts, schools } from './tenancy';

export const auditEvents = pgTable(
  'audit_events',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
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
  (t) => [primaryKey({ columns: [t.schoolId, t.id] }), index('audit_events_at_idx').on(t.schoolId, t.at)],
);
