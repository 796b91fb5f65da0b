import { index, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts, schools } from './tenancy';

/** Sessions are stored by the SHA-256 of their token; the token itself lives only in the cookie. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    schoolId: uuid('school_id').references(() => schools.id),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** The identity provider the session was signed in through (sign_in_providers.id); null for a password. */
    providerId: uuid('provider_id'),
    /** The network the session works in, for an account that coordinates several; null: its first. */
    networkId: uuid('network_id'),
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
);

/** One-time links: invitations and password resets. */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    kind: varchar('kind', { length: 20 }).$type<'invite' | 'reset'>().notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    schoolId: uuid('school_id').references(() => schools.id),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('account_tokens_account_idx').on(t.accountId)],
);

/**
 * Failed sign-in attempts (and attempts whose password is being checked right now), for the
 * sign-in limits across app instances. Successful sign-ins are not kept here.
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_attempts_email_idx').on(t.email, t.at), index('login_attempts_ip_idx').on(t.ip, t.at)],
);
