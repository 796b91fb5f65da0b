/**
 * EMBEDDED_DB=worker: PGlite runs in a worker thread (db/pglite-worker.ts) and the main thread
 * talks to it by messages. On the main thread a small stand-in offers the part of PGlite's API
 * that drizzle-orm/pglite uses (query, exec, transaction), so Drizzle, the result shapes and the
 * errors are the same as with PGlite in-process; only the WebAssembly work moves to the second core.
 */
import { Worker } from 'node:worker_threads';
import type { PGlite, QueryOptions, Results } from '@electric-sql/pglite';
import { columnsOf, pgliteParsers, readResult, type Parsers, type RawResult } from './pglite-results';
import { type WireError, type WireQueryOptions, type WorkerInit, type WorkerReady, type WorkerRequest, type WorkerResponse } from './worker-protocol';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
/** A request without its id, in each of its shapes. */
type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

export type QuerySession = {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string, options?: QueryOptions): Promise<Results[]>;
};

/** The worker entry: next to this module in the sources, `pglite-worker.mjs` next to the server bundle. */
function workerEntry(): { url: URL; fromSource: boolean } {
  const fromSource = import.meta.url.endsWith('.ts');
  return { url: new URL(fromSource ? './pglite-worker.ts' : './pglite-worker.mjs', import.meta.url), fromSource };
}

function toError(wire: WireError): Error {
  const error = new Error(wire.message);
  error.name = wire.name;
  Object.assign(error, wire.fields);
  return error;
}

/** The type OIDs whose parser Drizzle replaced (it asks for timestamps, dates and intervals as text). */
function wireOptions(options: QueryOptions | undefined): WireQueryOptions | undefined {
  if (!options) return undefined;
  const wire: WireQueryOptions = {};
  if (options.rowMode) wire.rowMode = options.rowMode;
  if (options.parsers) wire.rawTypes = Object.keys(options.parsers).map(Number);
  return wire;
}

export class PgliteWorkerClient implements QuerySession {
  readonly waitReady: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private nextTx = 1;
  private failure: Error | undefined;
  private closed = false;
  /** PGlite's parsers, as the worker's PGlite has them; set when the worker is ready. */
  private parsers: Parsers = {};

  constructor(init: WorkerInit, onCrash?: (error: Error) => void) {
    const { url, fromSource } = workerEntry();
    // The dump moves to the worker without a copy when it owns its whole buffer (a slice of a shared one is copied first).
    const dump = init.loadDataDir;
    const own = dump && dump.byteOffset === 0 && dump.byteLength === dump.buffer.byteLength && dump.buffer instanceof ArrayBuffer ? dump : dump?.slice();
    const options = { workerData: { ...init, loadDataDir: own }, transferList: own ? [own.buffer as ArrayBuffer] : [] };
    // From the TypeScript sources (tests, tsx) the worker first registers tsx, as the main thread did.
    this.worker = fromSource
      ? new Worker(`import('tsx/esm/api').then((t) => t.register()).then(() => import(${JSON.stringify(url.href)}))`, { ...options, eval: true })
      : new Worker(url, options);
    this.waitReady = new Promise<void>((resolve, reject) => {
      this.worker.once('message', (message: WorkerReady) => {
        if (message.ready) {
          this.parsers = pgliteParsers(message.arrayTypes);
          this.worker.on('message', (response: WorkerResponse) => this.settle(response));
          resolve();
        } else reject(toError(message.error));
      });
      const stop = (error: Error) => {
        reject(error);
        this.failAll(error);
        if (!this.closed) onCrash?.(error);
      };
      this.worker.once('error', stop);
      this.worker.once('exit', (code) => stop(new Error(`the PGlite worker stopped (exit code ${code})`)));
    });
    // A failed start is reported by the first query; do not let it go unhandled meanwhile.
    this.waitReady.catch(() => {});
  }

  private settle(response: WorkerResponse): void {
    const pending = this.pending.get(response.id);
    if (!pending) return;
    this.pending.delete(response.id);
    if (response.ok) pending.resolve(response.result);
    else pending.reject(toError(response.error));
  }

  private failAll(error: Error): void {
    this.failure ??= error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  private async call<T>(request: Request): Promise<T> {
    await this.waitReady;
    if (this.failure) throw this.failure;
    if (this.closed && request.op !== 'close') throw new Error('the database is closed');
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...request, id } as WorkerRequest);
    });
  }

  private session(tx: number | undefined): QuerySession {
    return {
      query: async <T>(sql: string, params: unknown[] = [], options?: QueryOptions) => {
        // the worker raised any database error itself
        const { data, names, typeIds } = await this.call<RawResult>({ op: 'query', tx, sql, params });
        return readResult<T>(data, columnsOf(names, typeIds, this.parsers, options?.parsers), options?.rowMode ?? 'object');
      },
      exec: (sql: string, options?: QueryOptions) => this.call<Results[]>({ op: 'exec', tx, sql, options: wireOptions(options) }),
    };
  }

  query<T>(sql: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> {
    return this.session(undefined).query<T>(sql, params, options);
  }

  exec(sql: string, options?: QueryOptions): Promise<Results[]> {
    return this.session(undefined).exec(sql, options);
  }

  /** Holds PGlite's one session for `fn`: COMMIT when it resolves, ROLLBACK when it throws. */
  async transaction<T>(fn: (tx: QuerySession & { rollback(): Promise<void> }) => Promise<T>): Promise<T> {
    const tx = this.nextTx++;
    await this.call({ op: 'begin', tx });
    let rolledBack = false;
    const session = {
      ...this.session(tx),
      rollback: async () => {
        rolledBack = true;
        await this.call({ op: 'end', tx, commit: false });
      },
    };
    let result: T;
    try {
      result = await fn(session);
    } catch (e) {
      if (!rolledBack) await this.call({ op: 'end', tx, commit: false }).catch(() => {});
      throw e;
    }
    if (!rolledBack) await this.call({ op: 'end', tx, commit: true });
    return result;
  }

  async migrate(migrationsFolder: string): Promise<void> {
    await this.call({ op: 'migrate', migrationsFolder });
  }

  /** Closes PGlite in the worker (a clean shutdown of the database), then ends the thread. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      if (!this.failure) await this.call({ op: 'close' });
    } finally {
      await this.worker.terminate();
    }
  }

  /** For code that expects a PGlite instance (drizzle-orm/pglite): the same calls, in the worker. */
  asPglite(): PGlite {
    return this as unknown as PGlite;
  }
}
