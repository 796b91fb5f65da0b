import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../config';
import { openPglite, openPostgres, type Database } from '../db/client';

/** The database for one test file: PostgreSQL when TEST_DATABASE_URL is set, otherwise a fresh PGlite copy of the migrated template. */
export async function testDatabase(): Promise<Database> {
  const config = loadConfig();
  if (config.testDatabaseUrl) return openPostgres(config.testDatabaseUrl, 4);
  const template = inject('templatePath');
  const database = openPglite(undefined, new Blob([readFileSync(template)]));
  await database.client?.waitReady;
  return database;
}

/** Test config: the read cache is off unless a test turns it on, because factories write to the database directly. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'test' }), readCacheTtlMs: 0, jobsIntervalMs: 0, ...overrides };
}
