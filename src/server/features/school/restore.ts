import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, rmdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { sql, type SQL } from 'drizzle-orm';
import tar from 'tar-stream';
import type { Config } from '../../config';
import type { Db, Executor } from '../../db/client';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { storedPath } from '../../platform/files/index';
import { recleanStoredFields } from '../library/api';
import { bytesOf, FORMAT, FORMAT_VERSION, knownSchemaVersions, MANIFEST, saveCounted, ZManifest, type Manifest, type Part } from './archive';
import { ACCOUNT_COLUMNS } from './export';
import { schoolTables, type SchoolTable } from './school-tables';

/** Bytes of JSON sent to the database in one statement while the rows are staged. */
const CHUNK_BYTES = 4 * 1024 * 1024;
const MANIFEST_MAX_BYTES = 16 * 1024 * 1024;
/** The transaction's scratch table: every row of the archive, as JSON, before it goes into its own table. */
const STAGE = 'retning_restore_rows';

export type RestoreOptions = {
  /** The network the school joins; by default the installation's own (created from the archive when there is none). */
  networkId?: string;
  /** Who restores, as the audit log names a system actor ('admin-cli', a network host's name). */
  by: string;
};
export type RestoreResult = {
  schoolId: string;
  name: string;
  exportedAt: string;
  tables: { name: string; rows: number }[];
  files: number;
  accounts: { created: number; linked: number };
};

const notAnExport = () => new AppError(422, 'restore_not_an_export');
const damaged = (part: string) => new AppError(422, 'restore_damaged', { vars: { part } });
const newer = (version: string) => new AppError(422, 'restore_newer_version', { vars: { version } });

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(exec: Executor, query: SQL): Promise<T[]> => ((await exec.execute(query)) as unknown as Rows<T>).rows;
const id = (name: string) => sql.identifier(name);

async function readAll(source: AsyncIterable<Buffer>, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    size += chunk.length;
    if (size > max) throw notAnExport();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function columnsOf(exec: Executor, table: string): Promise<Set<string>> {
  const rows = await rowsOf<{ column_name: string }>(
    exec,
    sql`select column_name from information_schema.columns where table_schema = current_schema() and table_name = ${table} and is_generated = 'NEVER'`,
  );
  return new Set(rows.map((r) => r.column_name));
}

/**
 * Refuses an archive this installation cannot take before anything is written: another format, a
 * newer format or database version, tables or columns it does not know, a school that is already
 * here, file keys outside the school's storage.
 */
async function check(db: Db, config: Config, manifest: Manifest): Promise<void> {
  if (manifest.formatVersion > FORMAT_VERSION) throw newer(manifest.appVersion);
  if (!knownSchemaVersions().includes(manifest.schemaVersion)) throw newer(manifest.appVersion);
  const tables = new Map(schoolTables().map((t) => [t.name, t]));
  const names = manifest.tables.map((p) => p.name);
  if (names[0] !== 'schools' || names[1] !== 'accounts' || new Set(names).size !== names.length) throw notAnExport();
  for (const part of manifest.tables) {
    if (part.path !== `tables/${part.name}.jsonl`) throw notAnExport();
    if (part.name !== 'schools' && part.name !== 'accounts' && !tables.has(part.name)) throw newer(manifest.appVersion);
    const known = part.name === 'accounts' ? new Set<string>(ACCOUNT_COLUMNS) : await columnsOf(db, part.name);
    const generated = new Set(tables.get(part.name)?.generated ?? []);
    if (part.columns.some((c) => !known.has(c) && !generated.has(c))) throw newer(manifest.appVersion);
  }
  const schoolRows = manifest.tables[0]?.rows;
  if (schoolRows !== 1) throw notAnExport();
  for (const file of manifest.files) {
    if (file.path !== `files/${file.key}` || !file.key.startsWith(`${manifest.school.id}/`)) throw notAnExport();
    try {
      storedPath(config, file.key);
    } catch {
      throw notAnExport();
    }
  }
  const [existing] = await rowsOf<{ name: string }>(db, sql`select name from schools where id = ${manifest.school.id}`);
  if (existing) throw new AppError(409, 'restore_school_exists', { vars: { name: existing.name, id: manifest.school.id } });
}

type Unpacked = { manifest: Manifest; partFile: (p: Part) => string; staged: Map<string, string> };

/**
 * Reads the archive once, as a stream: the manifest (checked before anything else is read), the
 * table parts into `dir`, the files into temporary names beside the place each will take in
 * storage (so that putting them in place is a rename). Every part and file must be there once,
 * with the size, row count and SHA-256 the manifest gives. Files staged so far are listed in
 * `staged`, and the storage folders made for them in `folders`, even when it fails, for the caller
 * to remove.
 */
async function unpack(db: Db, config: Config, source: Readable, dir: string, staged: Map<string, string>, folders: string[]): Promise<Unpacked> {
  const extract = tar.extract();
  const feeding = pipeline(source, createGunzip(), extract);
  feeding.catch(() => {});
  let manifest: Manifest | null = null;
  const seen = new Map<string, { sha256: string; bytes: number; lines: number }>();
  const partFile = (p: Part) => join(dir, `${p.name}.jsonl`);
  try {
    for await (const entry of extract) {
      const name = entry.header.name;
      if (entry.header.type !== 'file') throw damaged(name);
      if (!manifest) {
        if (name !== MANIFEST) throw notAnExport();
        let parsed: unknown;
        try {
          parsed = JSON.parse((await readAll(bytesOf(entry), MANIFEST_MAX_BYTES)).toString('utf8'));
        } catch {
          throw notAnExport();
        }
        const format = (parsed as { format?: unknown; formatVersion?: unknown } | null) ?? {};
        if (format.format !== FORMAT) throw notAnExport();
        if (typeof format.formatVersion === 'number' && format.formatVersion > FORMAT_VERSION) throw newer(String((parsed as { appVersion?: unknown }).appVersion ?? '?'));
        const result = ZManifest.safeParse(parsed);
        if (!result.success) throw notAnExport();
        manifest = result.data;
        await check(db, config, manifest);
        continue;
      }
      if (seen.has(name)) throw damaged(name);
      const part = manifest.tables.find((p) => p.path === name);
      const file = part ? undefined : manifest.files.find((f) => f.path === name);
      if (part) {
        seen.set(name, await saveCounted(bytesOf(entry), partFile(part)));
      } else if (file) {
        const target = storedPath(config, file.key);
        const made = await mkdir(dirname(target), { recursive: true });
        if (made) folders.push(dirname(target), made);
        // a name like any stored file's, so that the orphan sweep removes it should the process die before it is renamed or removed
        const temp = join(dirname(target), randomUUID());
        staged.set(file.key, temp);
        seen.set(name, await saveCounted(bytesOf(entry), temp));
      } else {
        throw damaged(name);
      }
    }
    await feeding;
  } catch (e) {
    source.destroy();
    if (e instanceof AppError) throw e;
    if (!manifest) throw notAnExport();
    throw damaged(e instanceof Error ? e.message : 'archive');
  }
  if (!manifest) throw notAnExport();
  for (const part of manifest.tables) {
    const got = seen.get(part.path);
    if (!got || got.sha256 !== part.sha256 || got.bytes !== part.bytes || got.lines !== part.rows) throw damaged(part.path);
  }
  for (const file of manifest.files) {
    const got = seen.get(file.path);
    if (!got || got.sha256 !== file.sha256 || got.bytes !== file.bytes) throw damaged(file.path);
  }
  return { manifest, partFile, staged };
}

/** Puts one part's lines into the scratch table, a few MB of JSON at a time. */
async function stageRows(tx: Executor, table: string, path: string): Promise<void> {
  let batch: string[] = [];
  let size = 0;
  const flush = async () => {
    if (!batch.length) return;
    await tx.execute(sql`insert into ${id(STAGE)} (tbl, doc) select ${table}, d from jsonb_array_elements(${`[${batch.join(',')}]`}::jsonb) d`);
    batch = [];
    size = 0;
  };
  for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    batch.push(line);
    size += line.length;
    if (size >= CHUNK_BYTES) await flush();
  }
  await flush();
}

/** `r.<column>` for each column, with the account columns re-linked through `map` (old id → id here). */
function selectList(columns: string[], accountColumns: string[], map: string, overrides: Record<string, SQL> = {}): SQL {
  return sql.join(
    columns.map((c) => {
      const override = overrides[c];
      if (override) return override;
      if (accountColumns.includes(c)) return sql`coalesce((${map}::jsonb ->> r.${id(c)}::text)::uuid, r.${id(c)})`;
      return sql`r.${id(c)}`;
    }),
    sql`, `,
  );
}

async function restoreAccounts(tx: Executor, part: Part): Promise<{ map: string; created: number; linked: number }> {
  const columns = ACCOUNT_COLUMNS.filter((c) => part.columns.includes(c));
  const fromStage = sql`from ${id(STAGE)} s cross join lateral jsonb_populate_record(null::accounts, s.doc) r where s.tbl = 'accounts'`;
  // A new account keeps its id unless another account here has it; an e-mail that is here already keeps the account that is here (and its password).
  const created = await rowsOf<{ id: string }>(
    tx,
    sql`insert into accounts (${sql.join(
      columns.map((c) => id(c)),
      sql`, `,
    )})
        select ${selectList([...columns], [], '{}', { id: sql`case when exists (select 1 from accounts x where x.id = r.id) then gen_random_uuid() else r.id end` })}
        ${fromStage} and not exists (select 1 from accounts a where lower(a.email) = lower(r.email))
        returning id`,
  );
  const map = await rowsOf<{ map: string | null }>(
    tx,
    sql`select jsonb_object_agg(r.id::text, a.id::text)::text as map
        from ${id(STAGE)} s cross join lateral jsonb_populate_record(null::accounts, s.doc) r
        join accounts a on lower(a.email) = lower(r.email)
        where s.tbl = 'accounts' and a.id <> r.id`,
  );
  return { map: map[0]?.map ?? '{}', created: created.length, linked: part.rows - created.length };
}

async function resolveNetwork(tx: Executor, manifest: Manifest, networkId: string | undefined): Promise<string> {
  if (networkId) {
    const [found] = await rowsOf<{ id: string }>(tx, sql`select id from networks where id = ${networkId}`);
    if (!found) throw new Error(`network ${networkId} not found`);
    return found.id;
  }
  const [first] = await rowsOf<{ id: string }>(tx, sql`select id from networks order by created_at limit 1`);
  if (first) return first.id;
  const { id: nid, name } = manifest.school.network;
  await tx.execute(sql`insert into networks (id, name) values (${nid}, ${name})`);
  return nid;
}

async function restoreTable(tx: Executor, t: SchoolTable, part: Part | undefined, schoolId: string, map: string): Promise<number> {
  const expected = part?.rows ?? 0;
  // Rows the database made itself while restoring (a trigger on an earlier table) make way for the archive's.
  await tx.execute(sql`delete from ${id(t.name)} where school_id = ${schoolId}`);
  if (part && part.rows > 0) {
    const columns = t.columns.filter((c) => part.columns.includes(c));
    await tx.execute(
      sql`insert into ${id(t.name)} (${sql.join(
        columns.map((c) => id(c)),
        sql`, `,
      )})
          select ${selectList(columns, t.accountColumns, map)}
          from ${id(STAGE)} s cross join lateral jsonb_populate_record(null::${id(t.name)}, s.doc) r where s.tbl = ${t.name}`,
    );
  }
  return expected;
}

const countOf = async (tx: Executor, table: string, schoolId: string) =>
  Number((await rowsOf<{ n: number | string }>(tx, sql`select count(*) as n from ${id(table)} where school_id = ${schoolId}`))[0]?.n ?? 0);

/**
 * Restores a school from its export archive into this installation (docs/DECISIONS.md, "Backup and
 * restore of a school"): all or nothing. The archive is checked whole (manifest, versions, every
 * SHA-256) before the one transaction that inserts the school, its accounts (re-linked by e-mail to
 * accounts that are here already) and its tables in foreign-key order; the files are put in place
 * inside that transaction, so that a failure at any point leaves neither rows nor files.
 */
export async function restoreSchool(db: Db, config: Config, source: Readable, options: RestoreOptions): Promise<RestoreResult> {
  const dir = await mkdtemp(join(tmpdir(), 'retning-restore-'));
  const staged = new Map<string, string>();
  const folders: string[] = [];
  const placed: string[] = [];
  try {
    const { manifest, partFile } = await unpack(db, config, source, dir, staged, folders);
    const schoolId = manifest.school.id;
    const parts = new Map(manifest.tables.map((p) => [p.name, p]));
    const tables = schoolTables();
    const result = await db.transaction(async (tx) => {
      await tx.execute(sql`set local timezone = 'UTC'`);
      await tx.execute(sql`create temporary table ${id(STAGE)} (tbl text not null, doc jsonb not null) on commit drop`);
      for (const part of manifest.tables) await stageRows(tx, part.name, partFile(part));
      await tx.execute(sql`create index on ${id(STAGE)} (tbl)`);
      const [foreign] = await rowsOf<{ tbl: string }>(
        tx,
        sql`select tbl from ${id(STAGE)} where jsonb_typeof(doc) <> 'object'
              or (tbl = 'schools' and doc ->> 'id' is distinct from ${schoolId})
              or (tbl not in ('schools', 'accounts') and doc ->> 'school_id' is distinct from ${schoolId}) limit 1`,
      );
      if (foreign) throw damaged(`tables/${foreign.tbl}.jsonl`);

      const networkId = await resolveNetwork(tx, manifest, options.networkId);
      const accountsPart = parts.get('accounts');
      const accounts = accountsPart ? await restoreAccounts(tx, accountsPart) : { map: '{}', created: 0, linked: 0 };
      const schoolPart = parts.get('schools');
      const schoolColumns = [...(await columnsOf(tx, 'schools'))].filter((c) => schoolPart?.columns.includes(c));
      await tx.execute(
        sql`insert into schools (${sql.join(
          schoolColumns.map((c) => id(c)),
          sql`, `,
        )})
            select ${selectList(schoolColumns, [], '{}', { network_id: sql`${networkId}::uuid` })}
            from ${id(STAGE)} s cross join lateral jsonb_populate_record(null::schools, s.doc) r where s.tbl = 'schools'`,
      );

      const counts: { name: string; rows: number }[] = [];
      for (const t of tables) counts.push({ name: t.name, rows: await restoreTable(tx, t, parts.get(t.name), schoolId, accounts.map) });
      // The archive could have been edited: rich text that pages render as HTML is sanitised again.
      await recleanStoredFields(tx, schoolId);
      for (const t of tables) {
        const expected = parts.get(t.name)?.rows ?? 0;
        if ((await countOf(tx, t.name, schoolId)) === expected) continue;
        // A trigger of a later table added rows to this one: keep exactly the archive's.
        const key = t.primaryKey;
        await tx.execute(
          sql`delete from ${id(t.name)} t where t.school_id = ${schoolId} and not exists (
                select 1 from ${id(STAGE)} s cross join lateral jsonb_populate_record(null::${id(t.name)}, s.doc) r
                where s.tbl = ${t.name} and (${sql.join(
                  key.map((c) => sql`r.${id(c)}`),
                  sql`, `,
                )}) = (${sql.join(
                  key.map((c) => sql`t.${id(c)}`),
                  sql`, `,
                )}))`,
        );
        const got = await countOf(tx, t.name, schoolId);
        if (got !== expected) throw new Error(`${t.name}: ${got} rows restored, the archive has ${expected}`);
      }

      await audit(
        tx,
        { system: options.by, schoolId },
        {
          action: 'school.restored',
          resourceType: 'school',
          resourceId: schoolId,
          summary: manifest.school.name,
          changes: {
            exportedAt: manifest.exportedAt,
            appVersion: manifest.appVersion,
            rows: counts.reduce((n, c) => n + c.rows, 0),
            files: manifest.files.length,
            accountsCreated: accounts.created,
            accountsLinked: accounts.linked,
          },
        },
      );
      for (const file of manifest.files) {
        const temp = staged.get(file.key);
        if (!temp) throw damaged(file.path);
        const target = storedPath(config, file.key);
        await rename(temp, target);
        staged.delete(file.key);
        placed.push(target);
      }
      return { counts, accounts };
    });
    return {
      schoolId,
      name: manifest.school.name,
      exportedAt: manifest.exportedAt,
      tables: result.counts,
      files: placed.length,
      accounts: { created: result.accounts.created, linked: result.accounts.linked },
    };
  } catch (e) {
    await Promise.all([...staged.values(), ...placed].map((p) => rm(p, { force: true })));
    // the folders made for the files go too, each only if nothing else has come into it meanwhile
    // deepest first (a school's folder holds the logbook's)
    for (const folder of [...new Set(folders)].sort((a, b) => b.length - a.length)) await rmdir(folder).catch(() => {});
    throw e;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
