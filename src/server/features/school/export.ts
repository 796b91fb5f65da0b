import { mkdtemp, rm } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { sql, type SQL } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Db, Executor } from '../../db/client';
import { fileOwners, openStoredFile } from '../../platform/files/index';
import { appVersion, digest, filePath, FORMAT, FORMAT_VERSION, knownSchemaVersions, partPath, saveCounted, type ArchivedFile, type Manifest, type PackEntry, type Part } from './archive';
import { FILE_KEY_COLUMN, schoolTables, type SchoolTable } from './school-tables';

/** Rows read per query while a table is written out: bounded memory whatever the school's size. */
const PAGE_ROWS = 2000;

/** The columns of `accounts` that move with the school; the password hash only for accounts of the school's people. */
export const ACCOUNT_COLUMNS = ['id', 'email', 'password_hash', 'locale', 'created_at', 'disabled_at'] as const;

export type PreparedExport = { manifest: Manifest; entries: PackEntry[]; dispose(): Promise<void> };

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(exec: Executor, query: SQL): Promise<T[]> => ((await exec.execute(query)) as unknown as Rows<T>).rows;
const id = (name: string) => sql.identifier(name);

/**
 * A text column orders by its bytes (COLLATE "C"), so that the rows come out in the same order on
 * PGlite and on a PostgreSQL with another default collation.
 */
function orderKey(t: SchoolTable, textColumns: Set<string>) {
  return t.primaryKey.map((c) => (textColumns.has(c) ? sql`t.${id(c)} collate "C"` : sql`t.${id(c)}`));
}

/** Lines of JSON written by the database itself: exact timestamps (µs, UTC), arrays, jsonb and numbers as PostgreSQL has them. */
async function* tableLines(tx: Executor, t: SchoolTable, schoolId: string): AsyncGenerator<string> {
  const textColumns = new Set(
    (
      await rowsOf<{ column_name: string }>(
        tx,
        sql`select column_name from information_schema.columns where table_schema = current_schema() and table_name = ${t.name} and data_type in ('text', 'character varying')`,
      )
    ).map((r) => r.column_name),
  );
  const key = orderKey(t, textColumns);
  const keyObject = sql.join(
    t.primaryKey.map((c) => sql`${c}::text, t.${id(c)}`),
    sql`, `,
  );
  const drop = t.generated.length ? sql` - ${`{${t.generated.join(',')}}`}::text[]` : sql``;
  let after: string | null = null;
  for (;;) {
    const since: SQL = after
      ? sql` and (${sql.join(key, sql`, `)}) > (select ${sql.join(
          t.primaryKey.map((c) => (textColumns.has(c) ? sql`r.${id(c)} collate "C"` : sql`r.${id(c)}`)),
          sql`, `,
        )} from jsonb_populate_record(null::${id(t.name)}, ${after}::jsonb) r)`
      : sql``;
    const page = await rowsOf<{ line: string; k: string }>(
      tx,
      sql`select (to_jsonb(t)${drop})::text as line, jsonb_build_object(${keyObject})::text as k
          from ${id(t.name)} t where t.school_id = ${schoolId}${since}
          order by ${sql.join(key, sql`, `)} limit ${PAGE_ROWS}`,
    );
    for (const row of page) yield row.line;
    if (page.length < PAGE_ROWS) return;
    after = page[page.length - 1]?.k ?? null;
  }
}

async function* linesOf(lines: AsyncIterable<string> | Iterable<string>): AsyncGenerator<Buffer> {
  for await (const line of lines) yield Buffer.from(`${line}\n`, 'utf8');
}

/**
 * Reads everything the school owns into JSON Lines files in a folder of its own, in one read-only
 * snapshot (repeatable read), and lists the uploaded files with their SHA-256. The archive is then
 * streamed from these files (`packArchive`), so the database is not held while a client downloads.
 * `dispose()` removes the folder.
 */
export async function prepareSchoolExport(db: Db, config: Config, schoolId: string): Promise<PreparedExport> {
  const dir = await mkdtemp(join(tmpdir(), 'retning-export-'));
  try {
    const tables = schoolTables();
    const parts: Part[] = [];
    const exportedAt = new Date().toISOString();
    const write = async (name: string, columns: readonly string[], lines: AsyncIterable<string> | Iterable<string>) => {
      const saved = await saveCounted(Readable.from(linesOf(lines)), join(dir, `${name}.jsonl`));
      parts.push({ name, path: partPath(name), rows: saved.lines, bytes: saved.bytes, sha256: saved.sha256, columns: [...columns] });
    };
    const { school, fileKeys } = await db.transaction(
      async (tx) => {
        await tx.execute(sql`set local timezone = 'UTC'`);
        const [found] = await rowsOf<{ line: string; id: string; name: string; network_id: string; network_name: string }>(
          tx,
          sql`select to_jsonb(s)::text as line, s.id, s.name, s.network_id, n.name as network_name from schools s join networks n on n.id = s.network_id where s.id = ${schoolId}`,
        );
        if (!found) throw new Error(`school ${schoolId} not found`);
        const schoolColumns = (await rowsOf<{ column_name: string }>(tx, sql`select column_name from information_schema.columns where table_schema = current_schema() and table_name = 'schools' order by ordinal_position`)).map(
          (r) => r.column_name,
        );
        await write('schools', schoolColumns, [found.line]);

        // Every account a row of the school refers to; the password hash only where the account is one of the school's people.
        const referring = tables.flatMap((t) => t.accountColumns.map((c) => sql`select ${id(c)} as account_id from ${id(t.name)} where school_id = ${schoolId} and ${id(c)} is not null`));
        const accounts = referring.length
          ? await rowsOf<{ line: string }>(
              tx,
              sql`select to_jsonb(a)::text as line from (
                    select ac.id, ac.email,
                      case when exists (select 1 from people p where p.school_id = ${schoolId} and p.account_id = ac.id) then ac.password_hash end as password_hash,
                      ac.locale, ac.created_at, ac.disabled_at
                    from accounts ac where ac.id in (${sql.join(referring, sql` union `)})
                  ) a order by a.id`,
            )
          : [];
        await write(
          'accounts',
          ACCOUNT_COLUMNS,
          accounts.map((a) => a.line),
        );
        for (const t of tables) await write(t.name, t.columns, tableLines(tx, t, schoolId));

        const keyed = tables.filter((t) => t.hasFileKeys).map((t) => sql`select ${id(FILE_KEY_COLUMN)} as key from ${id(t.name)} where school_id = ${schoolId} and ${id(FILE_KEY_COLUMN)} is not null`);
        const keys = new Set(keyed.length ? (await rowsOf<{ key: string }>(tx, sql`select key from (${sql.join(keyed, sql` union `)}) k`)).map((r) => r.key) : []);
        // Files kept under other columns (the logbook's original, display copy and thumbnail): every owner names its keys.
        for (const owner of fileOwners()) for (const key of await owner.referenced(tx, schoolId)) keys.add(key);
        return { school: found, fileKeys: [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );

    const files: (ArchivedFile & { open: () => Readable })[] = [];
    const missingFiles: string[] = [];
    for (const key of fileKeys) {
      const stored = await openStoredFile(config, key);
      if (!stored) {
        missingFiles.push(key);
        continue;
      }
      const { sha256, bytes } = await digest(stored.open());
      files.push({ key, path: filePath(key), bytes, sha256, open: () => stored.open() });
    }
    const schemaVersions = knownSchemaVersions();
    const manifest: Manifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      appVersion: appVersion(),
      schemaVersion: schemaVersions[schemaVersions.length - 1] ?? '',
      exportedAt,
      school: { id: school.id, name: school.name, network: { id: school.network_id, name: school.network_name } },
      tables: parts,
      files: files.map(({ key, path, bytes, sha256 }) => ({ key, path, bytes, sha256 })),
      missingFiles,
    };
    const entries: PackEntry[] = [
      ...parts.map((p) => ({ path: p.path, bytes: p.bytes, open: () => createReadStream(join(dir, `${p.name}.jsonl`)) })),
      ...files.map((f) => ({ path: f.path, bytes: f.bytes, open: f.open })),
    ];
    return { manifest, entries, dispose: () => rm(dir, { recursive: true, force: true }) };
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}
