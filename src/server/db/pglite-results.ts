import { types, type Results } from '@electric-sql/pglite';

/**
 * The backend's answer to Bind + Execute + Sync, read straight from its bytes (the PostgreSQL wire
 * protocol): DataRow, CommandComplete and ErrorResponse; the rest is skipped. The rows, `fields`,
 * `command`, `rowCount` and `affectedRows` are built as PGlite's parseResults builds them.
 *
 * Both threads use it: the worker that hosts PGlite only looks for an error in the bytes and hands
 * them over without a copy; the main thread builds the rows (db/worker-client.ts). So the worker,
 * which every query waits for, spends its time on PostgreSQL's work alone.
 */
export type Parser = (value: string, type: number) => unknown;
export type Column = { name: string; dataTypeID: number; parser: Parser | undefined };
export type Parsers = Record<number, Parser>;
/** A statement's answer as the backend wrote it, with the names and type OIDs of its columns. */
export type RawResult = { data: Uint8Array; names: string[]; typeIds: number[] };

const decoder = new TextDecoder();
const ERROR_CODES: Record<string, string> = {
  S: 'severity',
  C: 'code',
  D: 'detail',
  H: 'hint',
  P: 'position',
  p: 'internalPosition',
  q: 'internalQuery',
  W: 'where',
  s: 'schema',
  t: 'table',
  c: 'column',
  d: 'dataType',
  n: 'constraint',
  F: 'file',
  L: 'line',
  R: 'routine',
};

/** An ErrorResponse's fields from `p` to `end` as a DatabaseError, as PGlite raises it. */
function readError(data: Uint8Array, p: number, end: number): Error {
  const fields: Record<string, string> = {};
  let message = 'database error';
  while (p < end && data[p] !== 0) {
    const code = String.fromCharCode(data[p] ?? 0);
    const stop = data.indexOf(0, p + 1);
    const value = decoder.decode(data.subarray(p + 1, stop));
    p = stop + 1;
    if (code === 'M') message = value;
    else if (ERROR_CODES[code]) fields[ERROR_CODES[code]] = value;
  }
  return Object.assign(new Error(message), { name: 'DatabaseError' }, fields);
}

/** The answer's first error, or undefined; only the messages' headers are read on the way. */
export function findError(data: Uint8Array): Error | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let at = 0; at + 5 <= data.length; ) {
    const end = at + 1 + view.getInt32(at + 1);
    if (data[at] === 0x45 /* E: ErrorResponse */) return readError(data, at + 5, end);
    at = end;
  }
  return undefined;
}

/** The rows and counts of an answer that `findError` found clean (an ErrorResponse is not looked for again). */
export function readResult<T>(data: Uint8Array, columns: Column[], rowMode: 'array' | 'object'): Results<T> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  // Buffer's toString decodes a slice about a third faster than TextDecoder (no view to make per value).
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const rows: unknown[] = [];
  let tag: string | undefined;
  for (let at = 0; at + 5 <= data.length; ) {
    const type = data[at];
    const end = at + 1 + view.getInt32(at + 1);
    let p = at + 5;
    if (type === 0x44 /* D: DataRow */) {
      const n = view.getInt16(p);
      p += 2;
      const values: unknown[] = [];
      const named: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) {
        const length = view.getInt32(p);
        p += 4;
        let value: unknown = null;
        if (length >= 0) {
          const text = bytes.toString('utf8', p, p + length);
          p += length;
          const column = columns[i];
          value = column?.parser ? column.parser(text, column.dataTypeID) : text;
        }
        if (rowMode === 'array') values.push(value);
        else named[columns[i]?.name ?? String(i)] = value;
      }
      rows.push(rowMode === 'array' ? values : named);
    } else if (type === 0x43 /* C: CommandComplete */) {
      tag = decoder.decode(data.subarray(p, end - 1));
    }
    at = end;
  }
  const fields = columns.map((c) => ({ name: c.name, dataTypeID: c.dataTypeID }));
  if (tag === undefined) return { rows: rows as T[], fields, affectedRows: 0 };
  const parts = tag.split(' ');
  const command = parts[0];
  const rowCount = Number.parseInt(parts[parts.length - 1] ?? '', 10);
  const affectedRows = ['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE'].includes(command ?? '') ? rowCount : 0;
  return { rows: rows as T[], fields, command, affectedRows, ...(Number.isNaN(rowCount) ? {} : { rowCount }) };
}

/** The array types PGlite gives parsers to when it opens (its `_initArrayTypes`): [array type, element type]. */
export const ARRAY_TYPES_SQL = `select b.oid, b.typarray from pg_catalog.pg_type a
  left join pg_catalog.pg_type b on b.oid = a.typelem where a.typcategory = 'A' group by b.oid, b.typarray order by b.oid`;

/** PGlite's parsers outside PGlite: its defaults, and an array parser for each array type as PGlite makes it. */
export function pgliteParsers(arrayTypes: Array<[arrayType: number, elementType: number]>): Parsers {
  const parsers: Parsers = { ...(types.parsers as Parsers) };
  for (const [arrayType, elementType] of arrayTypes) {
    parsers[arrayType] = (value) => types.arrayParser(value, parsers[elementType] as (x: string) => unknown, arrayType);
  }
  return parsers;
}

/** The columns of a statement with their parsers: the caller's own (Drizzle's raw text types) before the defaults. */
export function columnsOf(names: string[], typeIds: number[], parsers: Parsers, own: Parsers | undefined): Column[] {
  return names.map((name, i) => {
    const dataTypeID = typeIds[i] ?? 0;
    return { name, dataTypeID, parser: own?.[dataTypeID] ?? parsers[dataTypeID] };
  });
}
