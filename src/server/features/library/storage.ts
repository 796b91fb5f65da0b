import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config';
import type { Executor } from '../../db/client';
import { libraryItems } from '../../db/schema/index';
import { AppError, invalid } from '../../platform/errors';
import type { Received } from '../../platform/route';
import { quotaExceeded, type Space } from './quota';
import { cleanFileName, fileAllowed, HEAD_BYTES, headAllowed, SAMPLE_BYTES } from './uploads';

/**
 * Material files on disk (docs/library.md, "Files"):
 *   STORAGE_DIR/<school>/<uuid>   a material's file; its key "<school>/<uuid>" is library_items.file_key
 *   STORAGE_DIR/.incoming/<uuid>  an upload being received, moved into place once its transaction has committed
 * Same file system for both, so that the move is an atomic rename.
 */
const INCOMING = '.incoming';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Files nothing refers to are removed by the sweep only when older than this (an upload in flight is younger). */
export const ORPHAN_AGE_MS = 24 * 60 * 60 * 1000;

/** A received upload: checked, hashed and counted, waiting in STORAGE_DIR/.incoming until `keep()`. */
export type Upload = Received & {
  key: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  /** Moves the file into place under `key` (after the transaction has committed). */
  keep(): Promise<void>;
};

const tooLarge = (config: Config) => {
  const mb = Math.round(config.uploadLimitBytes / 1024 / 1024);
  return new AppError(413, 'file_too_large', { vars: { mb }, fields: [{ field: 'file', key: 'library.validation.file_too_large', vars: { mb } }] });
};
const typeForbidden = () => new AppError(415, 'file_type_forbidden', { fields: [{ field: 'file', key: 'library.validation.file_type_forbidden' }] });

/** The request's file: the multipart part named file, or a raw body (a buffer, or a stream) with the name in ?name=. */
async function sourceOf(req: FastifyRequest, nameParam: string | undefined): Promise<{ source: Readable; filename: string; truncated: () => boolean }> {
  if (req.isMultipart()) {
    const part = await req.file();
    if (!part) throw invalid([{ field: 'file', key: 'validation.required' }]);
    // the multipart limit ends the part's stream at UPLOAD_LIMIT_MB and marks it truncated
    return { source: part.file, filename: part.filename, truncated: () => part.file.truncated };
  }
  const whole = () => false;
  if (Buffer.isBuffer(req.body)) return { source: Readable.from([req.body]), filename: nameParam ?? 'fil', truncated: whole };
  if (req.body instanceof Readable) return { source: req.body, filename: nameParam ?? 'fil', truncated: whole };
  throw new AppError(415, 'unsupported_media_type');
}

/**
 * Streams the uploaded file to STORAGE_DIR/.incoming: the size limit and the school's space are
 * checked on every chunk, the type on the leading bytes as soon as they have arrived (a forbidden
 * file is refused before the rest is read) and finally on the first 64 KB with the NUL check over
 * the whole file; the SHA-256 is computed on the way. Nothing is held in memory beyond a chunk and
 * the first 64 KB. On any failure the
 * partial file is removed.
 */
export async function receiveUpload(req: FastifyRequest, config: Config, schoolId: string, nameParam: string | undefined, space: Space): Promise<Upload> {
  if (space.leftBytes <= 0) throw quotaExceeded(space);
  const { source, filename, truncated } = await sourceOf(req, nameParam);
  const fileName = cleanFileName(filename);
  const incoming = join(config.storageDir, INCOMING);
  await mkdir(incoming, { recursive: true });
  const tempPath = join(incoming, randomUUID());
  const hash = createHash('sha256');
  let size = 0;
  let hasNul = false;
  let head = Buffer.alloc(0);
  let looked = false;
  const look = async () => {
    looked = true;
    if (!(await headAllowed(head, fileName))) throw typeForbidden();
  };
  try {
    await pipeline(
      source,
      async function* inspect(chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          size += chunk.length;
          if (size > config.uploadLimitBytes) throw tooLarge(config);
          if (size > space.leftBytes) throw quotaExceeded(space);
          hash.update(chunk);
          hasNul ||= chunk.includes(0);
          if (head.length < SAMPLE_BYTES) head = Buffer.concat([head, chunk.subarray(0, SAMPLE_BYTES - head.length)]);
          if (!looked && head.length >= HEAD_BYTES) await look();
          yield chunk;
        }
        if (!looked && size > 0) await look();
      },
      createWriteStream(tempPath, { flags: 'wx' }),
    );
    if (truncated()) throw tooLarge(config);
    if (size === 0) throw invalid([{ field: 'file', key: 'validation.required' }]);
    const mime = await fileAllowed(head, fileName, hasNul);
    if (!mime) throw typeForbidden();
    const key = `${schoolId}/${randomUUID()}`;
    return {
      key,
      fileName,
      mime,
      size,
      sha256: hash.digest('hex'),
      keep: async () => {
        await mkdir(join(config.storageDir, schoolId), { recursive: true });
        await rename(tempPath, storedPath(config, key));
      },
      discard: () => rm(tempPath, { force: true }),
    };
  } catch (e) {
    await rm(tempPath, { force: true });
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(config);
    throw e;
  }
}

/** The path of a stored file; a key that would leave the storage folder is refused. */
export function storedPath(config: Config, key: string): string {
  const root = resolve(config.storageDir);
  const path = resolve(root, key);
  if (!path.startsWith(root + sep) || key.startsWith(INCOMING)) throw new Error(`file key outside the storage folder: ${key}`);
  return path;
}

/** A stored file as a stream of the given byte range (inclusive), or null when the file is not on disk. */
export async function openStoredFile(config: Config, key: string): Promise<{ size: number; open: (range?: { start: number; end: number }) => ReadStream } | null> {
  const path = storedPath(config, key);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return null;
  return { size: info.size, open: (range) => createReadStream(path, range) };
}

/** Whether a row of the school still refers to the key (a file may be removed only when none does). */
async function referenced(exec: Executor, schoolId: string, key: string): Promise<boolean> {
  const rows = await exec
    .select({ id: libraryItems.id })
    .from(libraryItems)
    .where(and(eq(libraryItems.schoolId, schoolId), eq(libraryItems.fileKey, key)))
    .limit(1);
  return rows.length > 0;
}

/**
 * Removes replaced or deleted files once their transaction has committed, each only when no row
 * refers to it any more. A failure is left to the orphan sweep rather than failing a request whose
 * change has already been made.
 */
export async function removeUnreferenced(exec: Executor, config: Config, schoolId: string, keys: readonly string[]): Promise<number> {
  let removed = 0;
  for (const key of keys) {
    try {
      if (await referenced(exec, schoolId, key)) continue;
      await rm(storedPath(config, key), { force: true });
      removed++;
    } catch {
      // the sweep removes it later
    }
  }
  return removed;
}

const entriesOf = (dir: string) => readdir(dir).catch(() => [] as string[]);
const olderThan = async (path: string, cutoff: number) => {
  const info = await stat(path).catch(() => null);
  return info !== null && info.isFile() && info.mtimeMs < cutoff;
};

/**
 * The orphan sweep (a job of the library manifest, at start and then at every interval): uploads
 * left in .incoming by a request that never ended (a crash), and material files no row refers to,
 * both only when older than a day. Other folders and names are not the library's and are left alone.
 */
export async function sweepOrphans(exec: Executor, config: Config, now: Date): Promise<{ removed: number; bytes: number }> {
  const cutoff = now.getTime() - ORPHAN_AGE_MS;
  let removed = 0;
  let bytes = 0;
  const drop = async (path: string) => {
    const info = await stat(path).catch(() => null);
    await rm(path, { force: true });
    removed++;
    bytes += info?.size ?? 0;
  };
  const incoming = join(config.storageDir, INCOMING);
  for (const name of await entriesOf(incoming)) if (UUID.test(name) && (await olderThan(join(incoming, name), cutoff))) await drop(join(incoming, name));
  for (const schoolId of await entriesOf(config.storageDir)) {
    if (!UUID.test(schoolId)) continue;
    const files = (await entriesOf(join(config.storageDir, schoolId))).filter((f) => UUID.test(f));
    if (!files.length) continue;
    const rows = await exec
      .select({ key: libraryItems.fileKey })
      .from(libraryItems)
      .where(and(eq(libraryItems.schoolId, schoolId), isNotNull(libraryItems.fileKey)));
    const keys = new Set(rows.map((r) => r.key));
    for (const f of files) {
      const path = join(config.storageDir, schoolId, f);
      if (!keys.has(`${schoolId}/${f}`) && (await olderThan(path, cutoff))) await drop(path);
    }
  }
  return { removed, bytes };
}
