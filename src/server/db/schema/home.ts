import { boolean, foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { people, schools } from './tenancy';

/**
 * "Min side" and its weekly e-mail digest (features/home). A person's choice whether the digest
 * comes, and one row per digest sent: its week ('2025-W23', the ISO week in Copenhagen) is the
 * claim that keeps several instances and restarts from sending the same week twice, and the hash
 * of the unsubscribe link's token in that mail.
 */
export const homePreferences = pgTable(
  'home_preferences',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    personId: uuid('person_id').notNull(),
    weeklyDigest: boolean('weekly_digest').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.personId] }), foreignKey({ columns: [t.schoolId, t.personId], foreignColumns: [people.schoolId, people.id] })],
);

export const homeDigests = pgTable(
  'home_digests',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    personId: uuid('person_id').notNull(),
    week: varchar('week', { length: 8 }).notNull(),
    /** SHA-256 of the unsubscribe link's token; the token itself is only in the mail. */
    tokenHash: text('token_hash').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.personId, t.week] }),
    uniqueIndex('home_digests_token_uq').on(t.tokenHash),
    index('home_digests_sent_idx').on(t.sentAt),
    foreignKey({ columns: [t.schoolId, t.personId], foreignColumns: [people.schoolId, people.id] }),
  ],
);
