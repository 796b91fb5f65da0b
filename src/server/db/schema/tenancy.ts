import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** The host: a national centre or a single school. */
export const networks = pgTable('networks', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export type SchoolSettings = {
  /** Default language for new people of the school. */
  defaultLocale: 'da' | 'en';
  /** First month (1–12) of the school year, used by the årshjul. */
  schoolYearStartMonth: number;
  /** Storage for uploaded files in MB, set by the host (`npm run admin -- set-storage-quota`); absent: STORAGE_QUOTA_MB. */
  storageQuotaMb?: number;
  /**
   * Competence answers of people deactivated more than this many months ago are erased by the
   * scheduler (docs/PRIVACY.md, "Retention"). Absent: DEFAULT_RETENTION_MONTHS; null: kept.
   */
  competenceRetentionMonths?: number | null;
};

export const schools = pgTable(
  'schools',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    name: text('name').notNull(),
    institutionNumber: varchar('institution_number', { length: 6 }),
    settings: jsonb('settings').$type<SchoolSettings>().notNull(),
    createdAt: createdAt(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    index('schools_network_idx').on(t.networkId),
    uniqueIndex('schools_institution_number_uq')
      .on(t.institutionNumber)
      .where(sql`${t.institutionNumber} is not null`),
  ],
);

/** Afdelinger. */
export const departments = pgTable(
  'departments',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    institutionNumber: varchar('institution_number', { length: 6 }),
    createdAt: createdAt(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    uniqueIndex('departments_name_uq').on(t.schoolId, sql`lower(${t.name})`),
  ],
);

/** Uddannelser. */
export const programmes = pgTable(
  'programmes',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    createdAt: createdAt(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    uniqueIndex('programmes_name_uq').on(t.schoolId, sql`lower(${t.name})`),
  ],
);

export const teams = pgTable(
  'teams',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    departmentId: uuid('department_id'),
    createdAt: createdAt(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    uniqueIndex('teams_name_uq').on(t.schoolId, sql`lower(${t.name})`),
    foreignKey({ columns: [t.schoolId, t.departmentId], foreignColumns: [departments.schoolId, departments.id] }),
  ],
);

/** A sign-in identity. One account may be a person in several schools and/or coordinate a network. */
export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    passwordHash: text('password_hash'),
    locale: varchar('locale', { length: 2 }).notNull().default('da'),
    createdAt: createdAt(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('accounts_email_uq').on(sql`lower(${t.email})`)],
);

export const people = pgTable(
  'people',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    id: uuid('id').notNull().defaultRandom(),
    accountId: uuid('account_id').references(() => accounts.id),
    name: text('name').notNull(),
    email: text('email').notNull(),
    jobTitle: text('job_title'),
    departmentId: uuid('department_id'),
    employmentStart: date('employment_start'),
    active: boolean('active').notNull().default(true),
    /** When the person was last deactivated (kept by a trigger on `active`); null while active. */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    /** When the person's data was erased (GDPR art. 17): the row stays, anonymised, for what others made with them. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.id] }),
    uniqueIndex('people_email_uq').on(t.schoolId, sql`lower(${t.email})`),
    index('people_name_idx').on(t.schoolId, sql`lower(${t.name})`),
    index('people_department_idx').on(t.schoolId, t.departmentId),
    index('people_account_idx').on(t.accountId),
    foreignKey({ columns: [t.schoolId, t.departmentId], foreignColumns: [departments.schoolId, departments.id] }),
  ],
);

export const personRoles = pgTable(
  'person_roles',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    personId: uuid('person_id').notNull(),
    role: varchar('role', { length: 40 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.personId, t.role] }),
    foreignKey({ columns: [t.schoolId, t.personId], foreignColumns: [people.schoolId, people.id] }),
  ],
);

export const personTeams = pgTable(
  'person_teams',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    personId: uuid('person_id').notNull(),
    teamId: uuid('team_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.personId, t.teamId] }),
    foreignKey({ columns: [t.schoolId, t.personId], foreignColumns: [people.schoolId, people.id] }),
    foreignKey({ columns: [t.schoolId, t.teamId], foreignColumns: [teams.schoolId, teams.id] }),
  ],
);

/** Roles held on the network (host), not on a school. */
export const networkRoles = pgTable(
  'network_roles',
  {
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    role: varchar('role', { length: 40 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.accountId, t.role] })],
);
