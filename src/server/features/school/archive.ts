import { createHash } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { z } from 'zod';
import { paths, projectRoot } from '../../paths';

/**
 * The school's export archive (docs/DECISIONS.md, "Backup and restore of a school"): a .tar.gz with
 *   manifest.json            format, versions, the school, every part with its row count and SHA-256
 *   tables/<table>.jsonl     one row a line, as PostgreSQL writes it as JSON (snake_case columns)
 *   files/<key>              the uploaded files, under their storage key
 * manifest.json comes first, so a reader can refuse an archive before it has read the rest.
 */
export const FORMAT = 'retning-school-export';
/** Raised when a reader of an older version could no longer read the archive; a newer one is refused. */
export const FORMAT_VERSION = 1;
export const MANIFEST = 'manifest.json';

const ZSha256 = z.string().regex(/^[0-9a-f]{64}$/);
const ZPart = z.object({ name: z.string().regex(/^[a-z][a-z0-9_]*$/), path: z.string(), rows: z.number().int().nonnegative(), bytes: z.number().int().nonnegative(), sha256: ZSha256, columns: z.array(z.string()) });
const ZFile = z.object({ key: z.string().min(1).max(300), path: z.string(), bytes: z.number().int().nonnegative(), sha256: ZSha256 });

export const ZManifest = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.number().int().positive(),
  appVersion: z.string(),
  /** The last database migration of the installation that wrote the archive. */
  schemaVersion: z.string(),
  exportedAt: z.string(),
  school: z.object({ id: z.uuid(), name: z.string(), network: z.object({ id: z.uuid(), name: z.string() }) }),
  /** In the order a restore inserts them: the school, the accounts, then the school's tables. */
  tables: z.array(ZPart),
  files: z.array(ZFile),
  /** Keys that rows refer to but whose file was not in storage when the archive was written. */
  missingFiles: z.array(z.string()),
});
export type Manifest = z.infer<typeof ZManifest>;
export type Part = z.infer<typeof ZPart>;
export type ArchivedFile = z.infer<typeof ZFile>;

export const partPath = (table: string) => `tables/${table}.jsonl`;
export const filePath = (key: string) => `files/${key}`;
/** A tar entry's bytes (tar-stream types its streams' chunks as unknown). */
export const bytesOf = (source: AsyncIterable<unknown>) => source as AsyncIterable<Buffer>;

export const appVersion = (): string => (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** The migrations this installation knows, oldest first (drizzle-kit's journal). */
export function knownSchemaVersions(): string[] {
  const journal = JSON.parse(readFileSync(join(paths.migrations, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  return journal.entries.map((e) => e.tag);
}

/** SHA-256 and size of a stream, read to its end. */
export async function digest(source: AsyncIterable<Buffer>): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of source) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Copies a stream to a new file, returning its SHA-256, size and number of lines. */
export async function saveCounted(source: AsyncIterable<Buffer>, path: string): Promise<{ sha256: string; bytes: number; lines: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  let lines = 0;
  await pipeline(
    source,
    async function* count(chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        hash.update(chunk);
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        yield chunk;
      }
    },
    createWriteStream(path, { flags: 'wx' }),
  );
  return { sha256: hash.digest('hex'), bytes, lines };
}

export type PackEntry = { path: string; bytes: number; open: () => Readable };

/**
 * Writes the archive to `out`: the manifest, then each entry streamed from its source (nothing is
 * held in memory beyond a chunk). Rejects, and destroys `out`, when a source fails or does not have
 * the size the manifest gave it.
 */
export async function packArchive(manifest: Manifest, entries: PackEntry[], out: Writable): Promise<void> {
  const pack = tar.pack();
  const mtime = new Date(manifest.exportedAt);
  const written = pipeline(pack, createGzip(), out);
  // A client that goes away ends the pipeline: every wait below then gives up instead of waiting for ever.
  const broken = new Promise<never>((_, reject) => void written.catch(reject));
  broken.catch(() => {});
  const until = <T>(p: Promise<T>) => Promise.race([p, broken]);
  try {
    const head = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    await until(new Promise<void>((resolve, reject) => pack.entry({ name: MANIFEST, size: head.length, mtime }, head, (e) => (e ? reject(e) : resolve()))));
    for (const entry of entries) {
      const sink = pack.entry({ name: entry.path, size: entry.bytes, mtime });
      const done = new Promise<void>((resolve, reject) => {
        sink.on('finish', resolve);
        sink.on('error', reject);
      });
      done.catch(() => {});
      for await (const chunk of entry.open() as AsyncIterable<Buffer>) {
        if (!sink.write(chunk)) await until(new Promise<void>((resolve) => sink.once('drain', () => resolve())));
      }
      sink.end(undefined);
      await until(done);
    }
    pack.finalize();
  } catch (e) {
    pack.destroy(e as Error);
    await written.catch(() => {});
    throw e;
  }
  await written;
}
