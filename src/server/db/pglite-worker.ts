/**
 * The worker thread that hosts PGlite (EMBEDDED_DB=worker). The WebAssembly Postgres runs its
 * queries here, on the second core, while the main thread keeps serving HTTP. The main thread
 * talks to it through db/worker-client.ts; the messages are in db/worker-protocol.ts.
 *
 * PGlite has one session. Queries outside a transaction go through PGlite's own queue; a
 * transaction holds the session from `begin` to `end`, and only queries sent with its number run
 * meanwhile (the others wait in PGlite's queue, as they do in the in-process mode).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type QueryOptions, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { SizeKeepingNodeFS } from './pglite-file-sizes';
import { ARRAY_TYPES_SQL, type RawResult } from './pglite-results';
import { PreparedStatements } from './pglite-statements';
import { toWireError, type WireQueryOptions, type WorkerInit, type WorkerReady, type WorkerRequest, type WorkerResponse } from './worker-protocol';

const port = parentPort ?? (() => {
  throw new Error('pglite-worker must run in a worker thread');
})();
const init = workerData as WorkerInit;

type OpenTx = { tx: Transaction; end: (commit: boolean) => void; endId?: number };

const pg = new PGlite({
  // the data directory through NODEFS with the file sizes kept (db/pglite-file-sizes.ts)
  ...(init.dataDir ? { fs: new SizeKeepingNodeFS(init.dataDir) } : {}),
  ...(init.loadDataDir ? { loadDataDir: new Blob([init.loadDataDir as Uint8Array<ArrayBuffer>]) } : {}),
  extensions: { pg_trgm },
});
const statements = new PreparedStatements(pg);
const transactions = new Map<number, OpenTx>();
const identity = (value: string) => value;
const optionsCache = new Map<string, QueryOptions>();

/** PGlite query options for the wire options: the raw-text parsers are built once per set of types. */
function queryOptions(wire: WireQueryOptions | undefined): QueryOptions | undefined {
  if (!wire) return undefined;
  const key = `${wire.rowMode ?? ''}:${wire.rawTypes?.join(',') ?? ''}`;
  let options = optionsCache.get(key);
  if (!options) {
    options = wire.rowMode ? { rowMode: wire.rowMode } : {};
    if (wire.rawTypes) options.parsers = Object.fromEntries(wire.rawTypes.map((oid) => [oid, identity]));
    optionsCache.set(key, options);
  }
  return options;
}

const reply = (message: WorkerResponse) => port.postMessage(message);
const fail = (id: number, e: unknown) => reply({ id, ok: false, error: toWireError(e) });

/** The transaction's own session, or PGlite itself (which queues behind any open transaction). */
function sessionFor(tx: number | undefined): Pick<Transaction, 'exec'> {
  if (tx === undefined) return pg;
  const open = transactions.get(tx);
  if (!open) throw new Error(`transaction ${tx} is not open`);
  return open.tx;
}

/**
 * One statement, prepared once; inside a transaction only with that transaction's number. The
 * answer's bytes move to the main thread without a copy, and the rows are built there.
 */
async function query(message: Extract<WorkerRequest, { op: 'query' }>): Promise<void> {
  if (message.tx !== undefined && !transactions.has(message.tx)) throw new Error(`transaction ${message.tx} is not open`);
  const result: RawResult = await statements.queryRaw(message.sql, message.params, message.tx !== undefined);
  port.postMessage({ id: message.id, ok: true, result } satisfies WorkerResponse, [result.data.buffer as ArrayBuffer]);
}

function begin(id: number, tx: number): void {
  let answered = false;
  pg.transaction(
    (t) =>
      new Promise<void>((resolve, reject) => {
        transactions.set(tx, {
          tx: t,
          end: (commit) => {
            if (commit) resolve();
            else t.rollback().then(resolve, reject);
          },
        });
        answered = true;
        reply({ id, ok: true });
      }),
  ).then(
    () => {
      const endId = transactions.get(tx)?.endId;
      transactions.delete(tx);
      if (endId !== undefined) reply({ id: endId, ok: true });
    },
    (e: unknown) => {
      const endId = transactions.get(tx)?.endId;
      transactions.delete(tx);
      if (!answered) fail(id, e);
      else if (endId !== undefined) fail(endId, e);
    },
  );
}

async function handle(message: WorkerRequest): Promise<void> {
  const { id } = message;
  try {
    switch (message.op) {
      case 'query':
        await query(message);
        return;
      case 'exec': {
        const result = await sessionFor(message.tx).exec(message.sql, queryOptions(message.options));
        // a script may have changed tables that prepared statements read
        if (message.tx === undefined) await statements.clear();
        reply({ id, ok: true, result });
        return;
      }
      case 'begin':
        begin(id, message.tx);
        return;
      case 'end': {
        const open = transactions.get(message.tx);
        if (!open) throw new Error(`transaction ${message.tx} is not open`);
        open.endId = id;
        open.end(message.commit);
        return;
      }
      case 'migrate':
        await migrate(drizzle(pg), { migrationsFolder: message.migrationsFolder });
        await statements.clear();
        reply({ id, ok: true });
        return;
      case 'close':
        await pg.close();
        reply({ id, ok: true });
        port.close();
        return;
    }
  } catch (e) {
    fail(id, e);
  }
}

pg.waitReady
  .then(() => pg.query<{ oid: number; typarray: number }>(ARRAY_TYPES_SQL))
  .then(
    ({ rows }) => {
      port.postMessage({ ready: true, arrayTypes: rows.map((r): [number, number] => [r.typarray, r.oid]) } satisfies WorkerReady);
      port.on('message', (message: WorkerRequest) => void handle(message));
    },
    (e: unknown) => port.postMessage({ ready: false, error: toWireError(e) } satisfies WorkerReady),
  );
