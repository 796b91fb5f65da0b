import { boolean, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts, people, schools } from './tenancy';

/**
 * Sign-in with the schools' own identity providers (docs/sign-in.md): UNI-Login and Microsoft
 * Entra ID over OpenID Connect. A provider belongs to one school; the client secret is stored
 * encrypted (AES-256-GCM, key from SECRETS_KEY) and never leaves the server.
 */
export type ProviderKind = 'unilogin' | 'entra' | 'oidc';
/** Which claims carry what. Absent keys take the kind's defaults (docs/sign-in.md). */
export type ProviderClaims = { subject?: string; email?: string; name?: string; roleGroup?: string; staffValues?: string[]; studentValues?: string[] };

export const signInProviders = pgTable(
  'sign_in_providers',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    id: uuid('id').notNull().defaultRandom(),
    kind: varchar('kind', { length: 20 }).$type<ProviderKind>().notNull(),
    /** The button's text, e.g. "UNI-Login" or "Skolens Microsoft-konto". */
    label: varchar('label', { length: 80 }).notNull(),
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    /** `v1:<iv>:<tag>:<ciphertext>`, base64url; never returned by any route. */
    clientSecretEnc: text('client_secret_enc').notNull(),
    /** Entra ID: the tenant ids (`tid`) whose tokens this school accepts. Required for kind 'entra'. */
    allowedTenants: jsonb('allowed_tenants').$type<string[]>().notNull().default([]),
    /** Just-in-time linking of an invited person by a matching verified e-mail on first sign-in. */
    emailMatching: boolean('email_matching').notNull().default(false),
    claims: jsonb('claims').$type<ProviderClaims>().notNull().default({}),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.id] }), uniqueIndex('sign_in_providers_id_uq').on(t.id)],
);

/**
 * A person's link to an external identity. `subject` is the stable key: Entra `<tid>:<oid>`,
 * UNI-Login the `uniid`, another provider `sub`; never an e-mail or a user name.
 */
export const externalIdentities = pgTable(
  'external_identities',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    id: uuid('id').notNull().defaultRandom(),
    providerId: uuid('provider_id').notNull(),
    subject: text('subject').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    personId: uuid('person_id').notNull(),
    /** The provider's role group mapped to a suggestion ('staff' | 'student'), shown to the administrator; it grants nothing. */
    suggestedRole: varchar('suggested_role', { length: 20 }),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    uniqueIndex('external_identities_subject_uq').on(t.providerId, t.subject),
    uniqueIndex('external_identities_person_uq').on(t.providerId, t.personId),
    index('external_identities_account_idx').on(t.accountId),
    foreignKey({ columns: [t.schoolId, t.providerId], foreignColumns: [signInProviders.schoolId, signInProviders.id] }),
    foreignKey({ columns: [t.schoolId, t.personId], foreignColumns: [people.schoolId, people.id] }),
  ],
);

/** A sign-in under way: between the redirect to the provider and its callback (10 minutes, used once). */
export const signInFlows = pgTable(
  'sign_in_flows',
  {
    /** SHA-256 of the `state` sent to the provider. */
    stateHash: text('state_hash').primaryKey(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    providerId: uuid('provider_id').notNull(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    /** The invitation being accepted with this sign-in, if any (account_tokens.id). */
    invitationId: uuid('invitation_id'),
    /** Where to go afterwards: a path of this app only. */
    next: text('next'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sign_in_flows_expires_idx').on(t.expiresAt)],
);
