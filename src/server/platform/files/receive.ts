import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config';
import { AppError, invalid } from '../errors';
import type { Received } from '../route';
import { type Accept, fileAllowed, HEAD_BYTES, headAllowed, SAMPLE_BYTES } from './content';
import { cleanFileName } from './names';
import type { FileOwner } from './owners';
import { INCOMING, incomingPath, newKey, storedPath } from './paths';
import { quotaExceeded, type Space } from './quota';

/** A received upload: checked, hashed and counted, waiting in STORAGE_DIR/.incoming until `keep()`. */
export type Upload = Received & {
  /** Where the file will be kept: write it in the transaction. */
  key: string;
  fileName: string;
  /** The type its content shows. */
  mime: string;
  size: number;
  sha256: string;
  /** Where the received file waits until `keep()` or `discard()` (images.ts makes its copies from it). */
  path: string;
  /** Moves the file into place under `key`: call it in `afterCommit`, never before. */
  keep(): Promise<void>;
};

export type StoreOptions = {
  owner: FileOwner;
  schoolId: string;
  /** The school's room for this file (`spaceFor`, without the lock: the transaction checks again). */
  space: Space;
  accept: Accept;
  /** The field named in a refusal (default "file"). */
  field?: string;
  /** The name of a raw (non-multipart) body, from the query. */
  name?: string;
  /** The refusal of a file whose content is not accepted (default 415 file_type_forbidden). */
  refuse?: (field: string) => AppError;
};

const tooLarge = (config: Config, field: string) => {
  const mb = Math.round(config.uploadLimitBytes / 1024 / 1024);
  return new AppError(413, 'file_too_large', { vars: { mb }, fields: [{ field, key: 'validation.file_too_large', vars: { mb } }] });
};
const typeForbidden = (field: string) => new AppError(415, 'file_type_forbidden', { fields: [{ field, key: 'validation.file_type_forbidden' }] });

/** The request's file: the multipart part, or a raw body (a buffer, or a stream) with its name from the query. */
async function sourceOf(req: FastifyRequest, field: string, nameParam: string | undefined): Promise<{ source: Readable; filename: string; truncated: () => boolean }> {
  if (req.isMultipart()) {
    const part = await req.file();
    if (!part) throw invalid([{ field, key: 'validation.required' }]);
    // the multipart limit ends the part's stream at UPLOAD_LIMIT_MB and marks it truncated
    return { source: part.file, filename: part.filename, truncated: () => part.file.truncated };
  }
  const whole = () => false;
  if (Buffer.isBuffer(req.body)) return { source: Readable.from([req.body]), filename: nameParam ?? 'fil', truncated: whole };
  if (req.body instanceof Readable) return { source: req.body, filename: nameParam ?? 'fil', truncated: whole };
  throw new AppError(415, 'unsupported_media_type');
}

/** Moves incoming files into place (the copies first, the file they were made from last). */
export async function moveIntoPlace(config: Config, moves: readonly (readonly [from: string, key: string])[]): Promise<void> {
  for (const [from, key] of moves) {
    const target = storedPath(config, key);
    await mkdir(dirname(target), { recursive: true });
    await rename(from, target);
  }
}

/**
 * Streams the request's file to STORAGE_DIR/.incoming, for a route's `receive` step (before the
 * transaction): the size limit and the school's space are checked on every chunk, the type on the
 * leading bytes as soon as they have arrived (a refused file is not read further) and finally on
 * the first 64 KB with the NUL check over the whole file; the SHA-256 is computed on the way.
 * Nothing is held in memory beyond a chunk and the first 64 KB. On any failure the partial file is
 * removed; on success the kernel's `discard()` removes it unless `keep()` has moved it.
 */
export async function storeFile(req: FastifyRequest, config: Config, opts: StoreOptions): Promise<Upload> {
  const field = opts.field ?? 'file';
  const { space, accept } = opts;
  const refuse = opts.refuse ?? typeForbidden;
  if (space.leftBytes <= 0) throw quotaExceeded(space, field);
  const { source, filename, truncated } = await sourceOf(req, field, opts.name);
  const fileName = cleanFileName(filename);
  await mkdir(join(config.storageDir, INCOMING), { recursive: true });
  const tempPath = incomingPath(config);
  const hash = createHash('sha256');
  let size = 0;
  let hasNul = false;
  let head = Buffer.alloc(0);
  let looked = false;
  const look = async () => {
    looked = true;
    if (!(await headAllowed(head, fileName, accept))) throw refuse(field);
  };
  const out = createWriteStream(tempPath, { flags: 'wx' });
  // The file is opened asynchronously: a refusal on the first chunk can come before the open, and
  // removing the file before the stream has closed would let the open create it afterwards.
  const closed = new Promise<void>((resolve) => out.once('close', () => resolve()));
  try {
    await pipeline(
      source,
      async function* inspect(chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          size += chunk.length;
          if (size > config.uploadLimitBytes) throw tooLarge(config, field);
          if (size > space.leftBytes) throw quotaExceeded(space, field);
          hash.update(chunk);
          hasNul ||= chunk.includes(0);
          if (head.length < SAMPLE_BYTES) head = Buffer.concat([head, chunk.subarray(0, SAMPLE_BYTES - head.length)]);
          if (!looked && head.length >= HEAD_BYTES) await look();
          yield chunk;
        }
        if (!looked && size > 0) await look();
      },
      out,
    );
    if (truncated()) throw tooLarge(config, field);
    if (size === 0) throw invalid([{ field, key: 'validation.required' }]);
    const mime = await fileAllowed(head, fileName, hasNul, accept);
    if (!mime) throw refuse(field);
    const key = newKey(opts.owner, opts.schoolId);
    return {
      key,
      fileName,
      mime,
      size,
      sha256: hash.digest('hex'),
      path: tempPath,
      keep: () => moveIntoPlace(config, [[tempPath, key]]),
      discard: () => rm(tempPath, { force: true }),
    };
  } catch (e) {
    out.destroy();
    await closed;
    await rm(tempPath, { force: true });
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(config, field);
    throw e;
  }
}
