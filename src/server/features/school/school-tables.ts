import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../../db/schema/index';

/**
 * The tables a school owns, found in the Drizzle schema rather than listed, so that a new module's
 * tables are in the school's export and restore without touching them: every table with a
 * `school_id` column, except the few below.
 */
export const SCHOOL_ID = 'school_id';

/**
 * Tables with a `school_id` that never leave the installation, and why. Everything else with a
 * `school_id` is exported (a test holds the two lists to the schema).
 */
export const NOT_EXPORTED: Readonly<Record<string, string>> = {
  sessions: 'sign-in state of this installation; a restored school signs in anew',
  account_tokens: 'one-time invitation and reset links: secrets that must not travel in a file',
  sign_in_flows: 'sign-ins under way (10 minutes): state of this installation',
  sign_in_providers: "the identity providers hold a client secret, which never leaves the server; the restored school's administrator enters them anew",
  external_identities: 'links to the identity providers, which are not exported: people link again on their first sign-in (docs/sign-in.md)',
  network_event_signups: "the network's events, not the school's: they stay with the network",
  network_event_projects: "the network's events, not the school's: they stay with the network",
};

/** A column of this name in a school-owned table holds the key of a stored file, which the export carries along. */
export const FILE_KEY_COLUMN = 'file_key';

export type SchoolTable = {
  name: string;
  /** Columns the export writes and the restore inserts: all but the generated ones (the database computes those again). */
  columns: string[];
  /** Generated columns, left out of the export. */
  generated: string[];
  primaryKey: string[];
  /** Columns that refer to accounts: the restore re-links them when an account with the same e-mail already exists. */
  accountColumns: string[];
  /** The other school-owned tables this one refers to (foreign keys), which must be restored first. */
  dependsOn: string[];
  hasFileKeys: boolean;
};

const tables = (): PgTable[] => (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable));

export const tableName = (t: PgTable) => getTableConfig(t).name;

function describe(table: PgTable): SchoolTable {
  const config = getTableConfig(table);
  const generated = config.columns.filter((c) => c.generated).map((c) => c.name);
  const composite = config.primaryKeys[0]?.columns.map((c) => c.name);
  const references = config.foreignKeys.map((fk) => fk.reference());
  return {
    name: config.name,
    columns: config.columns.filter((c) => !c.generated).map((c) => c.name),
    generated,
    primaryKey: composite ?? config.columns.filter((c) => c.primary).map((c) => c.name),
    accountColumns: references.filter((r) => getTableConfig(r.foreignTable).name === 'accounts').flatMap((r) => r.columns.map((c) => c.name)),
    dependsOn: [...new Set(references.map((r) => getTableConfig(r.foreignTable).name))].filter((n) => n !== config.name),
    hasFileKeys: config.columns.some((c) => c.name === FILE_KEY_COLUMN),
  };
}

/** Every table of the schema with a `school_id` column, the exported and the excluded ones. */
export function tablesWithSchoolId(): string[] {
  return tables()
    .filter((t) => getTableConfig(t).columns.some((c) => c.name === SCHOOL_ID))
    .map(tableName)
    .sort();
}

/**
 * The exported tables in the order they can be inserted (each after the tables it refers to;
 * references to `schools` and `accounts` are restored before any of them). Ties keep the schema's
 * own order, so the order is the same on every installation.
 */
export function schoolTables(): SchoolTable[] {
  const owned = tables()
    .filter((t) => getTableConfig(t).columns.some((c) => c.name === SCHOOL_ID) && !(tableName(t) in NOT_EXPORTED))
    .map(describe);
  const names = new Set(owned.map((t) => t.name));
  for (const t of owned) {
    if (!t.primaryKey.length) throw new Error(`${t.name}: a school-owned table needs a primary key (the export orders by it)`);
    for (const dep of t.dependsOn) {
      if (!names.has(dep) && dep !== 'schools' && dep !== 'accounts') throw new Error(`${t.name} refers to ${dep}, which is neither the school's nor an account`);
    }
  }
  const ordered: SchoolTable[] = [];
  const done = new Set<string>(['schools', 'accounts']);
  while (ordered.length < owned.length) {
    const next = owned.find((t) => !done.has(t.name) && t.dependsOn.every((d) => done.has(d)));
    if (!next) throw new Error(`school-owned tables refer to each other in a cycle: ${owned.filter((t) => !done.has(t.name)).map((t) => t.name).join(', ')}`);
    ordered.push(next);
    done.add(next.name);
  }
  return ordered;
}
