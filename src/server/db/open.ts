import { resolve } from 'node:path';
import type { Config } from '../config';
import { openPglite, openPgliteWorker, openPostgres, type Database } from './client';
import { lockDataDir } from './lock';

/**
 * The server's database: PostgreSQL with DATABASE_URL, otherwise PGlite in DATA_DIR/pglite under
 * the data-directory lock, in a worker thread (EMBEDDED_DB=worker, the default) or on the main
 * thread (EMBEDDED_DB=inline). `onCrash` hears of a database worker that stopped on its own.
 */
export function openServerDatabase(config: Config, onCrash?: (error: Error) => void): { database: Database; release: () => void } {
  if (config.databaseUrl) return { database: openPostgres(config.databaseUrl), release: () => {} };
  const release = lockDataDir(config.dataDir);
  try {
    const dir = resolve(config.dataDir, 'pglite');
    return { database: config.embeddedDb === 'worker' ? openPgliteWorker(dir, { onCrash }) : openPglite(dir), release };
  } catch (e) {
    release();
    throw e;
  }
}
