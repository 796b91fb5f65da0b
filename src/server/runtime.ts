import { resolve } from 'node:path';
import type { Config } from './config';
import { openPglite, openPostgres, type Database } from './db/client';
import { lockDataDir } from './db/lock';

/** Opens the configured database: PostgreSQL with DATABASE_URL, otherwise PGlite in DATA_DIR under a lock. */
export function openConfiguredDatabase(config: Config): { database: Database; release: () => void } {
  if (config.databaseUrl) return { database: openPostgres(config.databaseUrl), release: () => {} };
  const release = lockDataDir(config.dataDir);
  try {
    return { database: openPglite(resolve(config.dataDir, 'pglite')), release };
  } catch (e) {
    release();
    throw e;
  }
}
