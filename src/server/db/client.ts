import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { paths } from '../paths';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema/index';
import { PgliteWorkerClient } from './worker-client';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or an open transaction. */
export type Executor = Db | Tx;

export type Database = {
  kind: 'pglite' | 'postgres';
  /** The PGlite instance, for dumps in tests and benchmarks; absent on PostgreSQL. */
  client?: PGlite;
  db: Db;
  migrate(): Promise<void>;
  close(): Promise<void>;
};

const migrationsFolder = paths.migrations;

export class QueryOutsideTransactionError extends Error {
  constructor() {
    super('A query on the database object ran inside db.transaction(): use the transaction (tx) instead. PGlite has one connection, so this would wait forever.');
  }
}

/**
 * PGlite has one connection: a query on `db` issued inside `db.transaction()` waits for the
 * transaction, which waits for the query, forever. Fail loudly instead of hanging. `client` is
 * PGlite itself or, in the worker mode, its stand-in on the main thread.
 */
function guardPglite(client: Pick<PGlite, 'query' | 'exec'>, db: Db): void {
  const inTransaction = new AsyncLocalStorage<boolean>();
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const check = () => {
    if (inTransaction.getStore()) throw new QueryOutsideTransactionError();
  };
  client.query = ((...args: Parameters<typeof query>) => {
    check();
    return query(...args);
  }) as typeof client.query;
  client.exec = ((...args: Parameters<typeof exec>) => {
    check();
    return exec(...args);
  }) as typeof client.exec;
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn, config) =>
    transaction((tx) => inTransaction.run(true, () => fn(tx)), config)) as typeof db.transaction;
}

export function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Database {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // pg_trgm is loaded so that migrations may CREATE EXTENSION pg_trgm (typo-tolerant search).
  const client = new PGlite({ ...(dataDir ? { dataDir } : {}), loadDataDir, extensions: { pg_trgm } });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  guardPglite(client, db);
  return {
    kind: 'pglite',
    client,
    db,
    migrate: () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder }),
    close: () => client.close(),
  };
}

/**
 * PGlite in a worker thread (EMBEDDED_DB=worker): the WebAssembly database works on the second
 * core while the main thread serves HTTP. Same Drizzle driver, results and errors as openPglite;
 * `client` is absent (dumps need the in-process mode). `onCrash` hears of a worker that stopped
 * on its own.
 */
export function openPgliteWorker(
  dataDir: string | undefined,
  options: { loadDataDir?: Uint8Array; onCrash?: (error: Error) => void } = {},
): Database & { waitReady: Promise<void> } {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const worker = new PgliteWorkerClient({ dataDir, loadDataDir: options.loadDataDir }, options.onCrash);
  const client = worker.asPglite();
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  guardPglite(client, db);
  return {
    kind: 'pglite',
    db,
    waitReady: worker.waitReady,
    migrate: () => worker.migrate(migrationsFolder),
    close: () => worker.close(),
  };
}

export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    migrate: () => migratePg(drizzlePg(pool, { schema }), { migrationsFolder }),
    close: () => pool.end(),
  };
}
