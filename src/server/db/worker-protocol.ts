/**
 * Messages between the server's main thread and the worker thread that hosts PGlite
 * (db/pglite-worker.ts, db/worker-client.ts). Everything here crosses postMessage, so it holds
 * only structured-cloneable data: no functions, no class instances.
 */

/** How the worker should build the rows: the row mode and the type OIDs to return as raw text. */
export type WireQueryOptions = { rowMode?: 'array' | 'object'; rawTypes?: number[] };

export type WorkerRequest =
  /** Answered with a RawResult (db/pglite-results.ts): the backend's bytes, moved, not copied; the rows are built on the main thread. */
  | { id: number; op: 'query'; tx?: number; sql: string; params: unknown[] }
  | { id: number; op: 'exec'; tx?: number; sql: string; options?: WireQueryOptions }
  /** Takes PGlite's one session for transaction `tx` and runs BEGIN; answered once BEGIN ran. */
  | { id: number; op: 'begin'; tx: number }
  /** Ends transaction `tx` with COMMIT (or ROLLBACK); answered once the session is free again. */
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'migrate'; migrationsFolder: string }
  | { id: number; op: 'close' };

/** A database error as plain data: the message plus PostgreSQL's error fields (code, constraint, …). */
export type WireError = { name: string; message: string; fields: Record<string, string | number | undefined> };

export type WorkerResponse = { id: number; ok: true; result?: unknown } | { id: number; ok: false; error: WireError };

/**
 * The worker's first message: PGlite is open and ready (or could not open). `arrayTypes` are the
 * array types PGlite made parsers for, so that the main thread parses values as PGlite would.
 */
export type WorkerReady = { ready: true; arrayTypes: Array<[arrayType: number, elementType: number]> } | { ready: false; error: WireError };

export type WorkerInit = { dataDir?: string; loadDataDir?: Uint8Array };

/** The PostgreSQL error fields that PGlite and node-postgres both set on a DatabaseError. */
export const ERROR_FIELDS = [
  'code',
  'severity',
  'detail',
  'hint',
  'position',
  'internalPosition',
  'internalQuery',
  'where',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'file',
  'line',
  'routine',
] as const;

export function toWireError(e: unknown): WireError {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e), fields: {} };
  const fields: WireError['fields'] = {};
  const source = e as unknown as Record<string, unknown>;
  for (const key of ERROR_FIELDS) {
    const v = source[key];
    if (typeof v === 'string' || typeof v === 'number') fields[key] = v;
  }
  return { name: e.name, message: e.message, fields };
}
