import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../config';
import { openPglite, openPgliteWorker, openPostgres, type Database } from '../db/client';
import { openTemplateCopy } from './template';

/**
 * The database for one test file: PostgreSQL when TEST_DATABASE_URL is set, otherwise a fresh PGlite
 * copy of the migrated template, in-process or (TEST_EMBEDDED_DB=worker, or `mode: 'worker'`) in a
 * worker thread as the server runs it by default. `embedded`: a PGlite copy of its own even in the
 * PostgreSQL run (a file that seeds the demo school, whose people have fixed e-mail addresses).
 */
export async function testDatabase(options: { mode?: 'inline' | 'worker'; embedded?: boolean } = {}): Promise<Database> {
  const config = loadConfig();
  // A test that asks for the worker mode gets it even in the PostgreSQL run (it tests that mode).
  if (config.testDatabaseUrl && options.mode !== 'worker' && !options.embedded) return openPostgres(config.testDatabaseUrl, 4);
  const templatePath = inject('templatePath');
  if ((options.mode ?? config.testEmbeddedDb) === 'worker') {
    if (!templatePath) {
      // The PostgreSQL run makes no PGlite template: migrate a fresh worker database instead.
      const fresh = openPgliteWorker(undefined, {});
      await fresh.waitReady;
      await fresh.migrate();
      return fresh;
    }
    const template = readFileSync(templatePath);
    const database = openPgliteWorker(undefined, { loadDataDir: new Uint8Array(template.buffer, template.byteOffset, template.byteLength) });
    await database.waitReady;
    return database;
  }
  if (!templatePath) {
    // The PostgreSQL run makes no PGlite template: migrate a fresh database instead.
    const fresh = openPglite(undefined);
    await fresh.migrate();
    return fresh;
  }
  return openTemplateCopy(templatePath);
}

/** Test config: the read cache is off unless a test turns it on, because factories write to the database directly. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'test' }), readCacheTtlMs: 0, jobsIntervalMs: 0, ...overrides };
}
